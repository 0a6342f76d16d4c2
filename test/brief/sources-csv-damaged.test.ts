import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from '../helpers/cli.js';

/** The report's table of every cited contribution, as `citedSourcesHtml` writes it. */
const ALL_SOURCES = '<table class="all-sources">';

async function truncate(file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
}

describe('a damaged sources.csv', () => {
  it('in a run folder is written again before report.html is exported from it', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    const args = ['run', join(dir, 'consultation.yaml'), '--out', out, '--date', '2024-06-01'];
    expect((await runCli(args)).code).toBe(0);
    const sources = await readFile(join(out, 'sources.csv'), 'utf8');
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain(ALL_SOURCES);
    await truncate(join(out, 'sources.csv'));
    const again = await runCli(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/render\s+ran in/);
    expect(again.stderr).not.toContain('warning');
    expect(await readFile(join(out, 'sources.csv'), 'utf8')).toBe(sources);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain(ALL_SOURCES);
  }, 60_000);

  it('beside an edited brief is a clear warning when the brief is exported', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    expect((await runCli(['run', join(dir, 'consultation.yaml'), '--out', out])).code).toBe(0);
    const edited = join(out, 'edited.md');
    await copyFile(join(out, 'brief.md'), edited);
    await truncate(join(out, 'sources.csv'));
    const exported = await runCli(['export', edited, '--html']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe(
      'warning: sources.csv beside the brief is damaged (it does not parse as one): the HTML report goes without its list of every contribution\n',
    );
    expect(await readFile(join(out, 'edited.html'), 'utf8')).not.toContain(ALL_SOURCES);
  }, 60_000);
});
