import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { access, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, loadSourceTexts } from '../bench/corpus.js';
import { ARTIFACTS, readArtifact } from '../pipeline/artifacts.js';
import { defaultCacheDir } from '../pipeline/cache-dir.js';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { LOCK_FILE } from '../pipeline/run-lock.js';
import { STAGES } from '../pipeline/stages/index.js';
import { Manifest } from '../schemas/manifest.js';
import { copyFixture, runCli } from './helpers/cli.js';

const BIN = resolve('bin/brief.js');

interface Finished {
  code: number | null;
  stderr: string;
}

function startRun(args: string[]): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn(process.execPath, [BIN, 'run', ...args], { stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((done) =>
    child.once('exit', (code) => done({ code, stderr })),
  );
  return { child, finished };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((wait) => setTimeout(wait, 20));
}

/** Every artifact the manifest records is on disk with the recorded hash, and parses. */
async function expectConsistent(out: string): Promise<Manifest> {
  const manifest = Manifest.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
  for (const stage of STAGES) {
    const record = manifest.stages[stage.name];
    expect(record, stage.name).toBeDefined();
    await readArtifact(out, stage.output, record?.artifact.hash);
  }
  return manifest;
}

/** Two consultations in one folder: the mini fixture and a larger generated one. */
async function twoConsultations(): Promise<{ dir: string; small: string; large: string }> {
  const dir = await copyFixture('mini');
  await writeFile(join(dir, 'corpus.csv'), generateCorpus(500, 3, loadSourceTexts(PACKAGE_ROOT)));
  const large = join(dir, 'large.yaml');
  await writeFile(
    large,
    'title: Large\ninput:\n  files: [corpus.csv]\n  fields: { id: id, text: text, author: author, date: date }\n',
  );
  return { dir, small: join(dir, 'consultation.yaml'), large };
}

/** A temp file name as an interrupted write of process `pid` leaves it. */
function orphanName(file: string, pid: number): string {
  return `${file}.tmp-${pid}-0badc0de`;
}

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid ?? 999_999;
}

describe('the run folder', () => {
  it('is never written by two runs at once: the second fails clearly, or waits with --wait', async () => {
    const { dir, small, large } = await twoConsultations();
    const out = join(dir, 'out');
    const first = startRun([large, '--out', out, '--quiet']);
    await until(() => exists(join(out, LOCK_FILE)));
    const refused = await startRun([small, '--out', out, '--quiet']).finished;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /out is in use by brief run \(process \d+, since .*\): pass --wait/,
    );
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    const waiting = startRun([small, '--out', out, '--wait']);
    expect((await first.finished).code).toBe(0);
    const waited = await waiting.finished;
    expect(waited.code).toBe(0);
    expect(waited.stderr).toContain('waiting for it to finish');
    const manifest = await expectConsistent(out);
    expect(manifest.config.file).toBe('consultation.yaml');
    expect(await exists(join(out, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('takes over the lock of a run killed with -9, and says so', async () => {
    const { small } = await twoConsultations();
    const out = join(resolve(small, '..'), 'killed');
    const killed = startRun([small, '--out', out, '--quiet']);
    await until(() => exists(join(out, LOCK_FILE)));
    killed.child.kill('SIGKILL');
    await killed.finished;
    expect(await exists(join(out, LOCK_FILE))).toBe(true);
    const run = await runCli(['run', small, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: took over the lock of process \d+ .*no longer running/);
    await expectConsistent(out);
  }, 60_000);

  it('removes temp files that dead processes left, in the run folder and the model cache', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    const cache = defaultCacheDir({});
    await mkdir(join(out, 'charts'), { recursive: true });
    await mkdir(cache, { recursive: true });
    const dead = deadPid();
    const orphans = [
      join(out, orphanName('clean.jsonl', dead)),
      join(out, 'charts', orphanName('themes.svg', dead)),
      join(cache, orphanName('test-vectors.bin', dead)),
    ];
    // A live process's temp file is a write in progress: it stays.
    const live = join(out, orphanName('findings.json', process.ppid));
    for (const file of [...orphans, live]) await writeFile(file, 'partial');
    expect((await runCli(['run', join(dir, 'consultation.yaml'), '--out', out])).code).toBe(0);
    for (const file of orphans) expect(await exists(file), file).toBe(false);
    expect(await exists(live)).toBe(true);
  }, 60_000);

  it('prints the resolved path of every input file, and --strict-paths refuses one outside', async () => {
    const dir = await copyFixture('mini');
    await mkdir(join(dir, 'config'));
    await rename(join(dir, 'contributions.csv'), join(dir, 'outside.csv'));
    const yaml = await readFile(join(dir, 'consultation.yaml'), 'utf8');
    const config = join(dir, 'config', 'consultation.yaml');
    await writeFile(config, yaml.replace('[contributions.csv]', '[../outside.csv]'));
    const out = join(dir, 'out');
    const open = await runCli(['run', config, '--out', out, '--to', 'ingest']);
    expect(open.code).toBe(0);
    expect(open.stderr).toMatch(new RegExp(`input: ${join(dir, 'outside.csv')} \\(884 bytes\\)`));
    const strict = await runCli(['run', config, '--out', out, '--strict-paths']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(
      `brief: ../outside.csv: outside the config's folder ${join(dir, 'config')} (it is ${join(dir, 'outside.csv')}, listed in input.files); --strict-paths refuses it\n`,
    );
    expect(await readdir(out)).not.toContain(ARTIFACTS.clean.file);
  }, 60_000);
});
