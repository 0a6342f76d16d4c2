import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { access, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../pipeline/run-lock.js';
import { copyFixture } from './helpers/cli.js';

const BIN = resolve('bin/brief.js');

/** `unshare` runs the command as process 1 of a new PID namespace, as in a container. */
const NAMESPACE = ['--pid', '--fork', '--mount-proc', '--kill-child'];

/** Why PID namespaces cannot be made here (no unshare, not root), or undefined when they can. */
function namespaceUnavailable(): string | undefined {
  const probe = spawnSync('unshare', [...NAMESPACE, 'true'], { encoding: 'utf8' });
  if (probe.error) return `unshare is not available (${probe.error.message})`;
  if (probe.status !== 0) return `unshare --pid is not permitted here: ${probe.stderr.trim()}`;
  return undefined;
}

/** `brief run` as process 1 of a fresh PID namespace. */
function runInNamespace(args: string[]): {
  child: ChildProcess;
  finished: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn('unshare', [...NAMESPACE, process.execPath, BIN, 'run', ...args]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<{ code: number | null; stderr: string }>((done) =>
    child.once('exit', (code) => done({ code, stderr })),
  );
  return { child, finished };
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((wait) => setTimeout(wait, 20));
}

describe('the run folder lock in a container', () => {
  it('is taken over from a killed process 1 by the next run, itself process 1', async (context) => {
    const reason = namespaceUnavailable();
    if (reason) context.skip(reason);
    const dir = await copyFixture('mini');
    const config = join(dir, 'consultation.yaml');
    const out = join(dir, 'out');
    const lockFile = join(out, LOCK_FILE);
    const killed = runInNamespace([config, '--out', out, '--quiet']);
    await until(() =>
      access(lockFile).then(
        () => true,
        () => false,
      ),
    );
    // Killing unshare kills its child (--kill-child), which is process 1 of the namespace.
    killed.child.kill('SIGKILL');
    await killed.finished;
    const left = JSON.parse(await readFile(lockFile, 'utf8'));
    expect(left.pid).toBe(1);
    const next = await runInNamespace([config, '--out', out, '--quiet']).finished;
    expect(next.stderr).toBe(
      `warning: took over the lock of process 1 (brief run, since ${left.since}), which is no longer running\n`,
    );
    expect(next.code).toBe(0);
    const files = await readdir(out, { recursive: true });
    expect(files).toContain('brief.md');
    expect(files).not.toContain(LOCK_FILE);
    expect(files.filter((name) => name.includes('.tmp-'))).toEqual([]);
  }, 120_000);
});
