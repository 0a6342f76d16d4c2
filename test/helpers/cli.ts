import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../pipeline/cli.js';

/** What one in-process CLI call printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as a user would from a shell. */
export async function runCli(
  argv: string[],
  signal?: AbortSignal,
  env: Record<string, string> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    ...(signal ? { signal } : {}),
  });
  return { code, stdout, stderr };
}

/** Copies a fixture folder into a fresh temp dir so a test may edit it. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `brief-${name}-`));
  await cp(join('test/fixtures', name), dir, { recursive: true });
  return dir;
}
