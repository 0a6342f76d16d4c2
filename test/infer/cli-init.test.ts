import { access, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConsultation } from '../../pipeline/config.js';
import { openInputSources } from '../../pipeline/input-sources.js';
import { runCli } from '../helpers/cli.js';

/** A folder holding the first `rows` comments of the Bowling Green Polis export. */
async function pollFolder(rows: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-init-'));
  const text = await readFile('examples/bowling-green/comments.csv', 'utf8');
  const lines = text.split('\n');
  // Comments hold no line breaks in this export: one line is one row.
  await writeFile(join(dir, 'comments.csv'), `${lines.slice(0, rows + 1).join('\n')}\n`);
  return dir;
}

describe('brief init FILE', () => {
  it('writes a config that loads, reads the file relative to itself, and passes --strict-paths', async () => {
    const dir = await pollFolder(50);
    const run = await runCli(['init', join(dir, 'comments.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('text: comment-body · id: comment-id · author: author-id');
    expect(run.stdout).toContain(`wrote ${join(dir, 'consultation.yaml')}`);
    const loaded = await loadConsultation(join(dir, 'consultation.yaml'));
    expect(loaded.config.input.files.map((f) => f.path)).toEqual(['comments.csv']);
    expect(loaded.config.input.fields.text).toBe('comment-body');
    // The review app's rebuild refuses inputs outside the config's folder: these are inside.
    await expect(openInputSources(loaded, { strictPaths: true })).resolves.toHaveLength(1);
  });

  it('writes where --out says, with the input path relative to it, and never over a file', async () => {
    const dir = await pollFolder(30);
    const out = join(dir, 'configs', 'bg.yaml');
    await mkdir(join(dir, 'configs'));
    expect((await runCli(['init', join(dir, 'comments.csv'), '--out', out])).code).toBe(0);
    const first = await readFile(out, 'utf8');
    expect(first).toContain('- ../comments.csv');
    expect((await loadConsultation(out)).config.input.files[0]?.path).toBe('../comments.csv');
    const again = await runCli(['init', join(dir, 'comments.csv'), '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('does not overwrite it');
    expect(await readFile(out, 'utf8')).toBe(first);
    const review = await runCli(['review', join(dir, 'comments.csv')]);
    expect(review.code).toBe(2);
    expect(review.stderr).toContain('`brief review` needs a config, not the data file');
    const missing = await runCli(['init']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('`brief init` needs a data file');
  });
});

describe('brief run FILE', () => {
  it('infers, says what it took, writes consultation.yaml beside the file and runs end to end', async () => {
    const dir = await pollFolder(120);
    const out = join(dir, 'out');
    const run = await runCli([
      'run',
      join(dir, 'comments.csv'),
      '--out',
      out,
      '--date',
      '2026-12-07',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('comments.csv: records layout (one contribution per row)');
    expect(run.stderr).toContain('date: timestamp · votes: agrees/disagrees');
    await access(join(out, 'brief.md'));
    const config = await readFile(join(dir, 'consultation.yaml'), 'utf8');
    expect(config).toContain('# Inferred by `brief init` from comments.csv');

    // The written config is the override: an edit is used by the next `brief run FILE`.
    await writeFile(
      join(dir, 'consultation.yaml'),
      config.replace(/^title: .*$/m, 'title: Edited'),
    );
    const rerun = await runCli(['run', join(dir, 'comments.csv'), '--out', out, '--to', 'ingest']);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(
      `using ${join(dir, 'consultation.yaml')}, which reads comments.csv`,
    );
    expect(await readFile(join(dir, 'consultation.yaml'), 'utf8')).toContain('title: Edited');

    // A broken edit stops the run with its error instead of being passed over.
    await writeFile(join(dir, 'consultation.yaml'), config.replace(/^title: .*$/m, 'titel: Typo'));
    const broken = await runCli(['run', join(dir, 'comments.csv'), '--out', out, '--to', 'ingest']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('did you mean `title`?');
  }, 60_000);

  it('leaves a consultation.yaml of other files alone and writes <name>.consultation.yaml', async () => {
    const dir = await pollFolder(30);
    const other = 'title: Other\ninput:\n  files: [other.csv]\n';
    await writeFile(join(dir, 'consultation.yaml'), other);
    const run = await runCli([
      'run',
      join(dir, 'comments.csv'),
      '--out',
      join(dir, 'out'),
      '--to',
      'ingest',
    ]);
    expect(run.code).toBe(0);
    expect(await readFile(join(dir, 'consultation.yaml'), 'utf8')).toBe(other);
    await loadConsultation(join(dir, 'comments.consultation.yaml'));
  });
});

describe('brief run FILE.json', () => {
  it('infers from a JSON array of records, and reads a JSON object as the config it is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-init-json-'));
    const posts = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i + 1}`,
      body: `Post ${i + 1}: the council should fix the crossing near school number ${i % 7}.`,
    }));
    await writeFile(join(dir, 'posts.json'), `\uFEFF\n ${JSON.stringify(posts)}`);
    const inferred = await runCli(['run', join(dir, 'posts.json'), '--to', 'ingest', '--quiet']);
    expect(inferred.code, inferred.stderr).toBe(0);
    expect(await readFile(join(dir, 'consultation.yaml'), 'utf8')).toContain('text: body');

    const config = {
      title: 'JSON config',
      input: { files: ['posts.json'], fields: { text: 'body' } },
    };
    await writeFile(join(dir, 'config.json'), JSON.stringify(config));
    const out = join(dir, 'out-json');
    const run = await runCli(['run', join(dir, 'config.json'), '--out', out, '--to', 'ingest']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('layout');
  });
});
