import { readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from './helpers/cli.js';

describe('the model cache', () => {
  it('falls back to a temporary folder, with a warning, when it cannot be written', async () => {
    const dir = await copyFixture('mini');
    // A file where a folder should be: no user, root included, can create the cache there.
    await writeFile(join(dir, 'not-a-folder'), '');
    const cache = join(dir, 'not-a-folder', 'cache');
    const run = await runCli(
      ['run', join(dir, 'consultation.yaml'), '--out', join(dir, 'out'), '--quiet'],
      undefined,
      { BRIEF_CACHE_DIR: cache },
    );
    expect(run.code).toBe(0);
    const fallback = join(tmpdir(), `consultation-brief-cache-${process.getuid?.() ?? 0}`);
    expect(run.stderr).toBe(
      `warning: cannot write the model cache ${cache} (ENOTDIR); using ${fallback} instead\n`,
    );
    expect((await readdir(fallback)).some((file) => file.endsWith('.bin'))).toBe(true);
  }, 60_000);
});
