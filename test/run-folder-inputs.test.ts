import { link, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from './helpers/cli.js';

/** The mini fixture with its data renamed to `name`, run with `--out` at the config's folder. */
async function inputNamed(name: string): Promise<{ dir: string; config: string }> {
  const dir = await copyFixture('mini');
  const config = join(dir, 'consultation.yaml');
  await rename(join(dir, 'contributions.csv'), join(dir, name));
  const yaml = await readFile(config, 'utf8');
  await writeFile(config, yaml.replace('[contributions.csv]', `[${name}]`));
  return { dir, config };
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true })).sort();
  return new Map(
    await Promise.all(
      files.map(
        async (file) => [file, await readFile(join(dir, file), 'utf8').catch(() => '')] as const,
      ),
    ),
  );
}

describe('a run folder over the inputs', () => {
  for (const name of ['sources.csv', 'contributions.jsonl', 'assignments.csv']) {
    it(`is refused before anything is written when an input is named ${name}`, async () => {
      const { dir, config } = await inputNamed(name);
      const before = await snapshot(dir);
      const run = await runCli(['run', config, '--out', dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `brief: the run folder ${dir} would overwrite the input ${name} (${join(dir, name)}, listed in input.files): the run writes its own ${name} there; choose another folder with --out, e.g. outputs/${dir.split('/').pop()}\n`,
      );
      expect(await snapshot(dir)).toEqual(before);
    }, 60_000);
  }

  it('is refused for the votes file, a single stage and the review app too', async () => {
    const dir = await copyFixture('mini');
    const config = join(dir, 'consultation.yaml');
    await writeFile(join(dir, 'votes.json'), 'participant,1\nann,1\n');
    await writeFile(
      config,
      `${await readFile(config, 'utf8')}\n`.replace(
        'input:\n',
        'input:\n  votes: { path: votes.json }\n',
      ),
    );
    const before = await snapshot(dir);
    for (const argv of [
      ['run', config, '--out', dir],
      ['ingest', config, '--out', dir],
      ['review', config, '--out', dir, '--no-open'],
    ]) {
      const run = await runCli(argv);
      expect(run.code, argv[0]).toBe(2);
      expect(run.stderr, argv[0]).toContain(
        `would overwrite the input votes.json (${join(dir, 'votes.json')}, listed in input.votes)`,
      );
    }
    expect(await snapshot(dir)).toEqual(before);
  }, 60_000);

  it('sees an input through a hard link, and one in the charts folder', async () => {
    const { dir, config } = await inputNamed('data.csv');
    const out = join(dir, 'out');
    expect((await runCli(['run', config, '--out', out])).code).toBe(0);
    // The same file under the name of an artifact: writing that artifact would replace the data.
    await rm(join(out, 'contributions.jsonl'));
    await link(join(dir, 'data.csv'), join(out, 'contributions.jsonl'));
    const data = await readFile(join(dir, 'data.csv'), 'utf8');
    const linked = await runCli(['run', config, '--out', out]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain(
      'input data.csv (' +
        join(dir, 'data.csv') +
        ', listed in input.files): the run writes its own contributions.jsonl there',
    );
    expect(await readFile(join(dir, 'data.csv'), 'utf8')).toBe(data);
    await rm(join(out, 'contributions.jsonl'));
    const yaml = await readFile(config, 'utf8');
    await rename(join(dir, 'data.csv'), join(out, 'charts', 'data.csv'));
    await writeFile(config, yaml.replace('[data.csv]', '[out/charts/data.csv]'));
    const inCharts = await runCli(['run', config, '--out', out]);
    expect(inCharts.code).toBe(2);
    expect(inCharts.stderr).toContain('the run writes into charts/;');
  }, 60_000);
});
