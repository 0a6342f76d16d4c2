import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../pipeline/cache-dir.js';
import { accountFor, formatAccountingTable } from '../pipeline/clean/accounting.js';
import { runPipeline } from '../pipeline/runner.js';
import { copyFixture } from './helpers/cli.js';
import { createCollectingLogger } from './helpers/context.js';

describe('the mini fixture, end to end', () => {
  it('matches the golden accounting table and clean records', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    const summary = await runPipeline({
      configPath: join(dir, 'consultation.yaml'),
      outDir: out,
      to: 'clean',
      cacheDir: defaultCacheDir(process.env),
      logger: createCollectingLogger(),
    });
    const records = await summary.load('clean');
    await expect(formatAccountingTable(accountFor(records))).toMatchFileSnapshot(
      'golden/mini-accounting.txt',
    );
    await expect(await readFile(join(out, 'clean.jsonl'), 'utf8')).toMatchFileSnapshot(
      'golden/mini-clean.jsonl',
    );
  });
});
