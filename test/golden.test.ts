import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountFor, formatAccountingTable } from '../pipeline/clean/accounting.js';
import { runFixture } from './helpers/runs.js';

describe('the mini fixture, end to end', () => {
  it('matches the golden accounting table and clean records', async () => {
    const { summary, out } = await runFixture('mini', 'clean');
    const records = await summary.load('clean');
    await expect(formatAccountingTable(accountFor(records))).toMatchFileSnapshot(
      'golden/mini-accounting.txt',
    );
    await expect(await readFile(join(out, 'clean.jsonl'), 'utf8')).toMatchFileSnapshot(
      'golden/mini-clean.jsonl',
    );
  });
});
