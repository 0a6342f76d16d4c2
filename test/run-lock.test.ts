import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockError } from '../pipeline/errors.js';
import { acquireRunLock, LOCK_FILE } from '../pipeline/run-lock.js';
import type { Logger } from '../pipeline/stage.js';
import { runCli } from './helpers/cli.js';
import { CONTAINER_RUN, fakeProcesses } from './helpers/processes.js';

function collectingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (message: string) => lines.push(message);
  return { lines, debug: log, info: log, warn: (message) => lines.push(`warning: ${message}`) };
}

/** The id of a process that has exited, so no process has it (for now). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid ?? 999_999;
}

const SINCE = '2026-01-01T00:00:00.000Z';

async function lockFileWith(dir: string, holder: Record<string, unknown>): Promise<void> {
  await writeFile(join(dir, LOCK_FILE), JSON.stringify(holder));
}

describe('the run folder lock', () => {
  it('refuses a second writer while the first holds it, naming the holder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
    const logger = collectingLogger();
    const first = await acquireRunLock(dir, { purpose: 'brief run', logger });
    const second = acquireRunLock(dir, { purpose: 'brief review', logger });
    await expect(second).rejects.toBeInstanceOf(LockError);
    await expect(second).rejects.toThrow(
      new RegExp(`in use by brief run \\(process ${process.pid}, since .*--wait`),
    );
    await first.release();
    const third = await acquireRunLock(dir, { purpose: 'brief review', logger });
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).purpose).toBe('brief review');
    await third.release();
  });

  it('lets a second writer wait until the first releases', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
    const logger = collectingLogger();
    const events: string[] = [];
    const first = await acquireRunLock(dir, { purpose: 'brief run', logger });
    const second = acquireRunLock(dir, { purpose: 'second', wait: true, pollMs: 5, logger }).then(
      (lock) => {
        events.push('second acquired');
        return lock;
      },
    );
    await new Promise((done) => setTimeout(done, 50));
    events.push('first releases');
    await first.release();
    await (await second).release();
    expect(events).toEqual(['first releases', 'second acquired']);
    expect(logger.lines.join('\n')).toContain('waiting for it to finish');
  });

  it('stops waiting when the run is cancelled', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
    const logger = collectingLogger();
    const first = await acquireRunLock(dir, { purpose: 'brief run', logger });
    const controller = new AbortController();
    const waiting = acquireRunLock(dir, {
      purpose: 'second',
      wait: true,
      pollMs: 5,
      logger,
      signal: controller.signal,
    });
    controller.abort();
    await expect(waiting).rejects.toThrow('Interrupted while waiting for the lock');
    await first.release();
  });

  it('takes over a lock left by a process that died, with a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
    const pid = deadPid();
    await lockFileWith(dir, {
      pid,
      host: hostname(),
      since: '2026-01-01T00:00:00.000Z',
      purpose: 'brief run',
      token: 'dead',
    });
    const logger = collectingLogger();
    const lock = await acquireRunLock(dir, { purpose: 'brief run', logger });
    expect(lock.holder.pid).toBe(process.pid);
    expect(logger.lines).toContain(
      `warning: took over the lock of process ${pid} (brief run, since 2026-01-01T00:00:00.000Z), which is no longer running`,
    );
    await lock.release();
  });

  it("never takes over another machine's lock: its process cannot be seen from here", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
    await lockFileWith(dir, {
      pid: deadPid(),
      host: `${hostname()}-elsewhere`,
      since: '2026-01-01T00:00:00.000Z',
      purpose: 'brief run',
      token: 'remote',
    });
    await expect(
      acquireRunLock(dir, { purpose: 'brief run', logger: collectingLogger() }),
    ).rejects.toThrow(`on ${hostname()}-elsewhere`);
  });

  it('does not release a lock that was taken over after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
    const logger = collectingLogger();
    const first = await acquireRunLock(dir, { purpose: 'first', logger });
    await lockFileWith(dir, { ...first.holder, purpose: 'usurper', token: 'other' });
    await first.release();
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).purpose).toBe('usurper');
  });

  it("takes over the lock of a container's earlier process 1, though this run is process 1 too", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
    const earlier = { ...CONTAINER_RUN, startTime: 4_000 };
    await lockFileWith(dir, {
      ...earlier,
      host: hostname(),
      since: SINCE,
      purpose: 'brief run',
      token: 'dead',
    });
    const logger = collectingLogger();
    const processes = fakeProcesses(CONTAINER_RUN);
    const lock = await acquireRunLock(dir, { purpose: 'brief run', logger, processes });
    expect(lock.holder).toMatchObject(CONTAINER_RUN);
    expect(logger.lines).toContain(
      `warning: took over the lock of process 1 (brief run, since ${SINCE}), which is no longer running`,
    );
    // The lock file records what tells this process from the next process 1.
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject(CONTAINER_RUN);
    await lock.release();
  });

  it('takes over a lock whose process id now belongs to a later process, or to an earlier boot', async () => {
    for (const holder of [
      { pid: 77, bootId: 'boot-a', startTime: 299 },
      { pid: 77, bootId: 'boot-0', startTime: 300 },
    ]) {
      const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
      await lockFileWith(dir, {
        ...holder,
        host: hostname(),
        since: SINCE,
        purpose: 'brief run',
        token: 'dead',
      });
      const processes = fakeProcesses(CONTAINER_RUN, { 77: 300 });
      const lock = await acquireRunLock(dir, {
        purpose: 'brief run',
        logger: collectingLogger(),
        processes,
      });
      expect(lock.holder.pid).toBe(1);
      await lock.release();
    }
  });

  it('keeps the lock of a live holder: same id and start time, or no start time recorded', async () => {
    for (const holder of [
      { pid: 77, bootId: 'boot-a', startTime: 300 },
      { pid: 77 },
      CONTAINER_RUN,
    ]) {
      const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
      await lockFileWith(dir, {
        ...holder,
        host: hostname(),
        since: SINCE,
        purpose: 'brief run',
        token: 'live',
      });
      const processes = fakeProcesses(CONTAINER_RUN, { 77: 300 });
      await expect(
        acquireRunLock(dir, { purpose: 'brief run', logger: collectingLogger(), processes }),
      ).rejects.toThrow(`in use by brief run (process ${holder.pid}, since ${SINCE})`);
    }
  });

  it('gives up waiting after the wait timeout, with one clear line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
    const logger = collectingLogger();
    const first = await acquireRunLock(dir, { purpose: 'brief run', logger });
    const started = Date.now();
    const waiting = acquireRunLock(dir, {
      purpose: 'second',
      wait: true,
      waitTimeoutMs: 60,
      pollMs: 5,
      logger,
    });
    await expect(waiting).rejects.toBeInstanceOf(LockError);
    await expect(waiting).rejects.toThrow(
      new RegExp(
        `^gave up waiting after 60 ms \\(--wait-timeout\\): ${dir} is in use by brief run \\(process ${process.pid}, since [^)]+\\)\\. Try again later`,
      ),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
    await first.release();
  });

  it('--wait --wait-timeout 1s ends with a clear line and exit code 1 against a live holder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-lock-'));
    const holder = await acquireRunLock(dir, { purpose: 'brief run', logger: collectingLogger() });
    const config = 'test/fixtures/mini/consultation.yaml';
    const run = await runCli(['run', config, '--out', dir, '--wait', '--wait-timeout', '1s']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^.*waiting for it to finish\nbrief: gave up waiting after 1 second \(--wait-timeout\): .* in use by brief run \(process \d+, since [^)]+\)\. Try again later or choose another --out; if no such process runs, delete .*run\.lock\n$/,
    );
    await holder.release();
  });

  it('reads --wait-timeout as minutes or a duration, and refuses anything else', async () => {
    const bad = await runCli(['run', 'consultation.yaml', '--wait-timeout', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'brief: --wait-timeout "soon": give minutes, or a duration such as 90s, 30m or 2h\n',
    );
    expect((await runCli(['run', 'consultation.yaml', '--wait-timeout', '0'])).code).toBe(2);
  });
});
