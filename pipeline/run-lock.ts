// An exclusive lock on a run folder, so two writers (runs, the review app) never mix its files.
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunLockHolder } from '../schemas/run-lock.js';
import { tempFileFor } from './atomic-write.js';
import { AbortError, LockError } from './errors.js';
import { isOwnerAlive, type ProcessTable, SYSTEM_PROCESSES } from './process-alive.js';
import type { Logger } from './stage.js';

/** The lock file's name inside the run folder. */
export const LOCK_FILE = 'run.lock';

/** Options of `acquireRunLock`. */
export interface LockOptions {
  /** What takes the lock, shown to a second writer, e.g. "brief run". */
  purpose: string;
  /** Wait for the holder to finish rather than fail at once. Default false. */
  wait?: boolean | undefined;
  logger: Logger;
  /** Stops the wait (Ctrl-C). */
  signal?: AbortSignal | undefined;
  /** How often a waiting writer looks again, in ms. Default 250. */
  pollMs?: number | undefined;
  /** How long `wait` waits before failing with a `LockError`, in ms. Default 30 minutes. */
  waitTimeoutMs?: number | undefined;
  /** Where process liveness is read; default this machine's (tests pass a fake). */
  processes?: ProcessTable | undefined;
}

/** How long `--wait` waits by default: 30 minutes. */
const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;

/** A held lock; `release` removes it unless it was taken over meanwhile. */
export interface RunLock {
  holder: RunLockHolder;
  release(): Promise<void>;
}

/**
 * Takes the run folder's exclusive lock (`run.lock`, created with O_EXCL, holding the process
 * id, host, boot id and process start time). A lock left by a dead process on this machine
 * (`kill -9`, or a container's process 1 whose id the next run has too) is taken over with a
 * warning. A live holder makes this fail with a `LockError` naming it, or, with `wait`, makes it
 * wait until the holder releases, failing after `waitTimeoutMs` (default 30 minutes).
 */
export async function acquireRunLock(outDir: string, options: LockOptions): Promise<RunLock> {
  const file = join(outDir, LOCK_FILE);
  const processes = options.processes ?? SYSTEM_PROCESSES;
  const holder = newHolder(options.purpose, processes);
  const timeout = options.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const deadline = Date.now() + timeout;
  let waiting = false;
  for (;;) {
    if (options.signal?.aborted) throw new AbortError('Interrupted while waiting for the lock');
    if (await tryCreate(file, holder)) return { holder, release: () => release(file, holder) };
    const current = await readHolder(file);
    if (current === 'gone') continue;
    if (await isStale(file, current, processes)) {
      await takeOver(file, current, options.logger);
      continue;
    }
    if (!options.wait) throw busyError(file, outDir, current);
    const left = deadline - Date.now();
    if (left <= 0) throw timeoutError(file, outDir, current, timeout);
    if (!waiting) options.logger.info(`${waitMessage(outDir, current)}; waiting for it to finish`);
    waiting = true;
    await sleep(Math.min(options.pollMs ?? 250, left), undefined, {
      signal: options.signal,
    }).catch(() => {
      throw new AbortError('Interrupted while waiting for the lock');
    });
  }
}

/** This process as a lock holder, with a fresh token. */
function newHolder(purpose: string, processes: ProcessTable): RunLockHolder {
  const { pid, bootId, startTime } = processes.self();
  return {
    pid,
    host: hostname(),
    bootId,
    startTime,
    since: new Date().toISOString(),
    purpose,
    token: randomBytes(8).toString('hex'),
  };
}

/**
 * Creates the lock file, whole, if none exists; false when another holder has it. The holder is
 * written to a temp file first and hard-linked into place, which fails if the lock exists, so a
 * lock file is never seen half-written.
 */
async function tryCreate(file: string, holder: RunLockHolder): Promise<boolean> {
  const temp = tempFileFor(file);
  try {
    await writeFile(temp, `${JSON.stringify(holder)}\n`);
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new LockError(`cannot create ${file} (${code ?? String(error)})`, file, { cause: error });
  } finally {
    await rm(temp, { force: true });
  }
}

/** The lock's holder; `gone` when the file vanished, `unreadable` when it is damaged. */
async function readHolder(file: string): Promise<RunLockHolder | 'gone' | 'unreadable'> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return 'gone';
  try {
    return RunLockHolder.parse(JSON.parse(text));
  } catch {
    return 'unreadable';
  }
}

/** A damaged lock file this old is no writer's: a holder would have replaced it by now. */
const DAMAGED_AFTER_MS = 10_000;

/**
 * A holder on this machine whose process no longer runs (its id free, or taken by a process
 * started at another time or boot), or a damaged lock file (edited by hand, or on a full disk)
 * that has stayed so for a while. Another machine's holder is never stale: its process cannot
 * be seen from here.
 */
async function isStale(
  file: string,
  holder: RunLockHolder | 'unreadable',
  processes: ProcessTable,
): Promise<boolean> {
  if (holder !== 'unreadable')
    return holder.host === hostname() && !isOwnerAlive(holder, processes);
  const modified = await stat(file).then(
    (s) => s.mtimeMs,
    () => Date.now(),
  );
  return Date.now() - modified > DAMAGED_AFTER_MS;
}

/**
 * Removes a stale lock so the next attempt can create one. The file is first renamed aside and
 * checked: if another writer took the stale lock over and created its own in between, its lock
 * is put back rather than removed.
 */
async function takeOver(
  file: string,
  stale: RunLockHolder | 'unreadable',
  logger: Logger,
): Promise<void> {
  // Named as a temp file, so that a run killed right here leaves nothing the next cannot remove.
  const aside = tempFileFor(`${file}.stale`);
  const moved = await rename(file, aside).then(
    () => true,
    () => false,
  );
  if (!moved) return;
  const taken = await readHolder(aside);
  const same =
    typeof taken === 'string' || typeof stale === 'string'
      ? taken === stale
      : taken.token === stale.token;
  if (!same && taken !== 'gone') {
    await link(aside, file).catch(() => undefined);
  } else {
    logger.warn(
      typeof stale === 'string'
        ? `removed a damaged lock file ${file}`
        : `took over the lock of process ${stale.pid} (${stale.purpose}, since ${stale.since}), which is no longer running`,
    );
  }
  await rm(aside, { force: true });
}

async function release(file: string, holder: RunLockHolder): Promise<void> {
  const current = await readHolder(file);
  if (current !== 'gone' && current !== 'unreadable' && current.token === holder.token)
    await rm(file, { force: true });
}

function waitMessage(outDir: string, holder: RunLockHolder | 'unreadable'): string {
  if (holder === 'unreadable') return `${outDir} is locked by another writer`;
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return `${outDir} is in use by ${holder.purpose} (process ${holder.pid}${where}, since ${holder.since})`;
}

function timeoutError(
  file: string,
  outDir: string,
  holder: RunLockHolder | 'unreadable',
  timeoutMs: number,
): LockError {
  return new LockError(
    `gave up waiting after ${formatWait(timeoutMs)} (--wait-timeout): ${waitMessage(outDir, holder)}. Try again later or choose another --out; if no such process runs, delete ${file}`,
    file,
  );
}

/** A wait as people say it: "500 ms", "90 seconds", "30 minutes". */
function formatWait(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} minutes`;
}

function busyError(file: string, outDir: string, holder: RunLockHolder | 'unreadable'): LockError {
  return new LockError(
    `${waitMessage(outDir, holder)}: pass --wait to wait for it, or choose another --out. If no such process runs, delete ${file}`,
    file,
  );
}
