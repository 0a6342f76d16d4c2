import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockError } from '../pipeline/errors.js';
import { acquireRunLock, LOCK_FILE } from '../pipeline/run-lock.js';
import type { Logger } from '../pipeline/stage.js';

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
});
