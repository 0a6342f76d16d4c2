import { homedir } from 'node:os';
import { join } from 'node:path';

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
