// Where converted models are cached between runs, and a temporary one when that cannot be written.
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempFileFor } from './atomic-write.js';
import type { Logger } from './stage.js';

/**
 * Where converted models are cached between runs: `$BRIEF_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/consultation-brief`, else `~/.cache/consultation-brief`.
 */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  return (
    env.BRIEF_CACHE_DIR ||
    join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'consultation-brief')
  );
}

/**
 * `dir` when a file can be written in it (it is created if need be), else this user's cache
 * folder under the system's temp folder, with a warning saying why: an unwritable cache costs
 * the conversion again, never the run.
 */
export async function usableCacheDir(dir: string, logger: Pick<Logger, 'warn'>): Promise<string> {
  const problem = await writeProblem(dir);
  if (problem === undefined) return dir;
  const fallback = await temporaryCacheDir();
  logger.warn(`cannot write the model cache ${dir} (${problem}); using ${fallback} instead`);
  return fallback;
}

/** Why a file cannot be written in `dir` (a system error code), or undefined when it can. */
async function writeProblem(dir: string): Promise<string | undefined> {
  try {
    await mkdir(dir, { recursive: true });
    // A temp file's name, so that one left by a crash is cleared at the next start.
    const probe = tempFileFor(join(dir, '.probe'));
    await writeFile(probe, '');
    await rm(probe);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

/**
 * `consultation-brief-cache-<uid>` in the temp folder, kept across runs; a fresh folder instead
 * when that one is another user's or others may write to it (the temp folder is shared).
 */
async function temporaryCacheDir(): Promise<string> {
  const uid = process.getuid?.() ?? 0;
  const dir = join(tmpdir(), `consultation-brief-cache-${uid}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await stat(dir);
  if (info.uid === uid && (info.mode & 0o022) === 0) return dir;
  return mkdtemp(join(tmpdir(), 'consultation-brief-cache-'));
}
