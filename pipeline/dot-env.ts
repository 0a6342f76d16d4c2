import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';

/**
 * The environment with the variables of `<cwd>/.env` under it: a variable set in the
 * environment wins over the file. The process environment itself is left alone.
 */
export function withDotEnv(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(join(cwd, '.env'), 'utf8');
  } catch {
    return { ...env };
  }
  const set = Object.entries(env).filter(([, value]) => value !== undefined);
  return { ...parse(text), ...Object.fromEntries(set) };
}
