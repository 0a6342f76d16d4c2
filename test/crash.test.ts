import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, loadSourceTexts } from '../bench/corpus.js';
import { ARTIFACTS, readArtifact } from '../pipeline/artifacts.js';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { STAGES } from '../pipeline/stages/index.js';
import { Manifest } from '../schemas/manifest.js';

const BIN = resolve('bin/brief.js');

interface Running {
  child: ChildProcess;
  /** Resolves with the exit code; listened for from the start so a fast exit is not missed. */
  exit: Promise<number | null>;
}

function startRun(config: string, out: string): Running {
  const child = spawn(process.execPath, [BIN, 'run', config, '--out', out, '--quiet'], {
    stdio: 'pipe',
  });
  return { child, exit: new Promise((done) => child.once('exit', (code) => done(code))) };
}

/** Every artifact the manifest records must be intact and schema-valid. */
async function expectConsistent(out: string): Promise<number> {
  const text = await readFile(join(out, 'manifest.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return 0;
  const manifest = Manifest.parse(JSON.parse(text));
  if (manifest.stages.ingest)
    await readArtifact(out, 'contributions', manifest.stages.ingest.artifact.hash);
  if (manifest.stages.clean) await readArtifact(out, 'clean', manifest.stages.clean.artifact.hash);
  return Object.keys(manifest.stages).length;
}

async function corpusConsultation(rows: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-crash-'));
  await writeFile(join(dir, 'corpus.csv'), generateCorpus(rows, 7, loadSourceTexts(PACKAGE_ROOT)));
  const config = join(dir, 'consultation.yaml');
  await writeFile(
    config,
    'title: Crash test\ninput:\n  files: [corpus.csv]\n  fields: { id: id, text: text, author: author, date: date }\n',
  );
  return config;
}

describe('interrupting a run', () => {
  it('leaves finished artifacts valid after kill -9 at any moment, and resumes to the same result', async () => {
    const config = await corpusConsultation(8_000);
    const dir = resolve(config, '..');
    const reference = join(dir, 'reference');
    expect(await startRun(config, reference).exit).toBe(0);

    const out = join(dir, 'killed');
    for (const delay of [150, 500, 1000, 1600, 2300, 3100, 4000]) {
      const run = startRun(config, out);
      await new Promise((wait) => setTimeout(wait, delay));
      run.child.kill('SIGKILL');
      await run.exit;
      await expectConsistent(out);
    }
    expect(await startRun(config, out).exit).toBe(0);
    expect(await expectConsistent(out)).toBe(STAGES.length);
    for (const file of STAGES.map((stage) => ARTIFACTS[stage.output].file)) {
      expect(await readFile(join(out, file), 'utf8')).toBe(
        await readFile(join(reference, file), 'utf8'),
      );
    }
    expect((await readdir(out)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  }, 120_000);

  it('exits with 130 and a clear line on Ctrl-C', async () => {
    const config = await corpusConsultation(20_000);
    const run = startRun(config, join(resolve(config, '..'), 'out'));
    let stderr = '';
    run.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise((wait) => setTimeout(wait, 600));
    run.child.kill('SIGINT');
    const code = await run.exit;
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted; finished stages are kept');
  }, 60_000);
});
