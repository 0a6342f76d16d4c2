import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArtifact } from '../pipeline/artifacts.js';
import { Manifest } from '../schemas/manifest.js';
import { copyFixture, runCli } from './helpers/cli.js';

async function manifestOf(out: string): Promise<Manifest> {
  return Manifest.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
}

describe('brief CLI', () => {
  it('prints usage for --help and no arguments', async () => {
    for (const argv of [['--help'], []]) {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: brief <command> [options]');
      expect(run.stdout).toContain('--from STAGE');
    }
  });

  it('rejects unknown commands, options and stages with exit code 2 and one line', async () => {
    const cases: [string[], string][] = [
      [['frobnicate', 'x.yaml'], 'Unknown command "frobnicate"'],
      [['run', 'x.yaml', '--fast'], "Unknown option '--fast'"],
      [
        ['run', 'x.yaml', '--to', 'theme'],
        '--to "theme" is not a stage; stages are ingest, votes, clean',
      ],
      [['run'], '`brief run` needs a config file'],
      [['export'], '`brief export` needs a brief'],
      [['export', 'b.md', '--out', 'x'], '`--out` names one file'],
      [['export', 'b.md', '--pdf', '--page-size', 'a5'], '--page-size "a5": use a4 or letter'],
      [['run', 'x.yaml', '--date', '28/11/2026'], '--date "28/11/2026": use YYYY-MM-DD'],
      [['run', 'x.yaml', '--provider', 'anthropic'], '--provider "anthropic": use offline, openai'],
      [['run', 'x.yaml', '--max-cost', 'lots'], '--max-cost "lots": give an amount in US dollars'],
      [['run', 'x.yaml', '--max-cost=-1'], '--max-cost "-1": give an amount in US dollars'],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(1);
    }
  });

  it('writes the brief in three formats on a run, and exports an edited brief', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    const run = await runCli([
      'run',
      join(dir, 'consultation.yaml'),
      '--out',
      out,
      '--date',
      '2024-06-01',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/brief\.md {2}brief\.pdf {2}report\.html/);
    const markdown = await readFile(join(out, 'brief.md'), 'utf8');
    expect(markdown).toContain('Produced: 2024-06-01');
    const edited = join(dir, 'edited.md');
    await writeFile(edited, markdown.replace('# Mini consultation', '# Mini consultation, edited'));
    const exported = await runCli(['export', edited, '--pdf', '--page-size', 'letter']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(`wrote ${join(dir, 'edited.pdf')}\n`);
    expect((await readFile(join(dir, 'edited.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    const missing = await runCli(['export', join(dir, 'nope.md')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.md: cannot read it (ENOENT)');
  });

  it('runs the pipeline, prints the accounting and writes valid artifacts', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    const run = await runCli(['run', join(dir, 'consultation.yaml'), '--out', out]);
    expect(run.stderr).not.toContain('brief:');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ingest\s+ran in/);
    expect(run.stdout).toMatch(/clean\s+ran in/);
    expect(run.stdout).toContain('Run folder:');
    expect(run.stdout).toMatch(/Themes +passages +people +sub-themes/);
    expect(run.stdout).toMatch(/Other ideas +\d+/);
    const manifest = await manifestOf(out);
    const clean = await readArtifact(out, 'clean', manifest.stages.clean?.artifact.hash);
    const contributions = await readArtifact(
      out,
      'contributions',
      manifest.stages.ingest?.artifact.hash,
    );
    expect(clean.map((r) => r.id)).toEqual(contributions.map((c) => c.id));
    expect(manifest.inputs).toHaveLength(1);
  });

  it('does no work on a re-run and says so, the PDF and HTML included', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    const args = ['run', join(dir, 'consultation.yaml'), '--out', out, '--date', '2024-06-01'];
    const first = await runCli(args);
    expect(first.stdout).toMatch(/export\s+ran in [\d.]+ s\s+brief\.pdf, report\.html/);
    const exported = (await manifestOf(out)).export;
    expect(exported?.files.map((file) => file.file)).toEqual([
      'brief.pdf',
      'report.html',
      'brief.docx',
    ]);
    const pdfTime = (await stat(join(out, 'brief.pdf'))).mtimeMs;
    const again = await runCli(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/ingest\s+cached/);
    expect(again.stdout).toMatch(/clean\s+cached/);
    expect(again.stdout).toMatch(/export\s+cached/);
    expect(again.stdout).toContain('Nothing changed since the last run');
    expect((await stat(join(out, 'brief.pdf'))).mtimeMs).toBe(pdfTime);
    expect((await manifestOf(out)).export).toEqual(exported);
    // Another paper size, or a PDF gone or damaged, is exported again; the stages stay cached.
    expect((await runCli([...args, '--page-size', 'letter'])).stdout).toMatch(/export\s+ran in/);
    await writeFile(join(out, 'report.html'), 'damaged');
    const repaired = await runCli([...args, '--page-size', 'letter']);
    expect(repaired.stdout).toMatch(/render\s+cached/);
    expect(repaired.stdout).toMatch(/export\s+ran in/);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<!doctype html>');
  });

  it('re-runs only the stages downstream of what changed', async () => {
    const dir = await copyFixture('mini');
    const config = join(dir, 'consultation.yaml');
    const args = ['run', config, '--out', join(dir, 'out')];
    await runCli(args);
    const yaml = await readFile(config, 'utf8');

    expect((await runCli(args)).stdout).toContain('Nothing changed');
    // Only the brief shows the objective.
    await writeFile(config, yaml.replace(/^objective: .*$/m, 'objective: Something else.'));
    const afterObjective = await runCli(args);
    expect(afterObjective.stdout).toMatch(/synthesise\s+cached/);
    expect(afterObjective.stdout).toMatch(/render\s+ran in/);

    await writeFile(config, `${yaml}clean:\n  maxPassageChars: 150\n`);
    const afterClean = await runCli(args);
    expect(afterClean.stdout).toMatch(/ingest\s+cached/);
    expect(afterClean.stdout).toMatch(/clean\s+ran in/);

    await writeFile(
      join(dir, 'contributions.csv'),
      '\n11,a9,2024-03-16,ok,A brand new idea about bike lanes downtown.\n',
      {
        flag: 'a',
      },
    );
    const afterInput = await runCli(args);
    expect(afterInput.stdout).toMatch(/ingest\s+ran in/);
    expect(afterInput.stdout).toMatch(/clean\s+ran in/);
  });

  it('runs one stage with `brief clean` and stops early with --to', async () => {
    const dir = await copyFixture('mini');
    const config = join(dir, 'consultation.yaml');
    const out = join(dir, 'out');
    const first = await runCli(['run', config, '--out', out, '--to', 'ingest']);
    expect(first.stdout).not.toMatch(/clean\s+ran/);
    expect((await manifestOf(out)).stages.clean).toBeUndefined();
    const clean = await runCli(['clean', config, '--out', out]);
    expect(clean.stdout).toMatch(/ingest\s+cached/);
    expect(clean.stdout).toMatch(/clean\s+ran in/);
    expect((await runCli(['clean', config, '--out', out])).stdout).toMatch(/clean\s+ran in/);
  });

  it('recomputes an artifact that was edited or deleted behind its back', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    const args = ['run', join(dir, 'consultation.yaml'), '--out', out];
    await runCli(args);
    const original = await readFile(join(out, 'clean.jsonl'), 'utf8');
    await writeFile(join(out, 'clean.jsonl'), original.replace('buses', 'trams'));
    const run = await runCli(args);
    expect(run.stdout).toMatch(/clean\s+ran in/);
    expect(await readFile(join(out, 'clean.jsonl'), 'utf8')).toBe(original);
    // The edited file is not lost: an author's edits to brief.md survive a re-run.
    expect(await readFile(join(out, 'clean.jsonl.edited'), 'utf8')).toContain('trams');
    expect(run.stderr).toContain('clean.jsonl was edited since it was written');
  });

  it('writes byte-identical artifacts for the same input and config', async () => {
    const dir = await copyFixture('mini');
    const config = join(dir, 'consultation.yaml');
    await runCli(['run', config, '--out', join(dir, 'a')]);
    await runCli(['run', config, '--out', join(dir, 'b')]);
    for (const file of ['contributions.jsonl', 'clean.jsonl']) {
      expect(await readFile(join(dir, 'a', file), 'utf8')).toBe(
        await readFile(join(dir, 'b', file), 'utf8'),
      );
    }
  });

  it('fails with one clear line when an input file is missing', async () => {
    const dir = await copyFixture('mini');
    const config = join(dir, 'consultation.yaml');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace('[contributions.csv]', '[missing.csv]'),
    );
    const run = await runCli(['run', config, '--out', join(dir, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^brief: missing\.csv: file not found \(looked for .*missing\.csv, listed in input\.files\)\n$/,
    );
  });

  it('turns every bad input into a clear message, never a stack trace', async () => {
    const cases: [string, string | Buffer, string][] = [
      ['bad.csv', 'id,text\n1,"never closed\n2,fine\n', 'bad.csv:2: unclosed quote'],
      ['empty.csv', '', 'empty.csv: the file is empty'],
      [
        'garbage.csv',
        Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 0, 7, 0, 0, 9]),
        'looks like a binary file',
      ],
      ['posts.docx', 'PK', 'posts.docx'],
      [
        'columns.csv',
        'id,body\n1,hello there\n',
        'column "text" (input.fields.text) not found; columns are: id, body',
      ],
    ];
    for (const [file, content, message] of cases) {
      const dir = await copyFixture('mini');
      await writeFile(join(dir, file), content);
      const config = join(dir, 'consultation.yaml');
      const yaml = (await readFile(config, 'utf8')).replace('[contributions.csv]', `[${file}]`);
      await writeFile(config, yaml.replace(/ {4}(author|date|moderation): .*\n/g, ''));
      const run = await runCli(['run', config, '--out', join(dir, 'out')]);
      expect(run.code, file).toBe(1);
      expect(run.stderr, file).toContain(message);
      // The run first says which files it reads; the error is its last line, and the only one.
      expect(run.stderr.trim().split('\n').at(-1), file).toMatch(/^brief: /);
      expect(run.stderr.match(/^brief: /gm), file).toHaveLength(1);
      expect(run.stderr, file).not.toMatch(/\n\s+at /);
    }
  });

  it('stops cleanly when aborted', async () => {
    const dir = await copyFixture('mini');
    const controller = new AbortController();
    controller.abort();
    const run = await runCli(
      ['run', join(dir, 'consultation.yaml'), '--out', join(dir, 'out')],
      controller.signal,
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('interrupted');
  });
});
