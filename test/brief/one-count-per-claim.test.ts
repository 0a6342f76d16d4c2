// One count per claim: every number a fixture's brief shows for a theme, question, statement or the whole agrees, and adds up.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBrief } from '../../pipeline/brief/brief-check.js';
import { collectClaims } from '../../pipeline/brief/brief-claims.js';
import type { RunSummary } from '../../pipeline/runner.js';
import { runFixture } from '../helpers/runs.js';

/**
 * Fixtures of different kinds: votes with two questions and weeks, yes/no answers, a merged
 * duplicate, answers saying nothing needs to change.
 */
const FIXTURES = ['synthesis', 'yes-no', 'mini', 'nothing'];

describe.each(FIXTURES)('the brief of the %s fixture', (name) => {
  let summary: RunSummary;
  let markdown: string;

  beforeAll(async () => {
    const run = await runFixture(name, 'render');
    summary = run.summary;
    markdown = await readFile(join(run.out, 'brief.md'), 'utf8');
  }, 120_000);

  it('shows one number per claim, and its question counts add up', () => {
    const { conflicts, sums } = checkBrief(markdown);
    expect(conflicts).toEqual([]);
    expect(sums).toEqual([]);
  });

  it('counts the whole as it counts the rest: merged duplicates as voices', async () => {
    const records = await summary.load('clean');
    const voices = records.reduce(
      (n, r) => n + (r.status === 'kept' ? 1 + r.duplicates.length : 0),
      0,
    );
    const claims = collectClaims(markdown);
    const whole = claims.filter((c) => c.claim === 'all' && c.unit === 'contributions');
    expect(whole.length).toBeGreaterThanOrEqual(2);
    expect(new Set(whole.map((c) => c.value))).toEqual(new Set([voices]));
    const findings = await summary.load('findings');
    findings.questions.forEach((q, i) => {
      const shown = claims.filter(
        (c) => c.claim === `question:${i + 1}` && c.unit === 'contributions',
      );
      for (const c of shown) expect(c.value).toBe(q.contributions);
    });
  });
});

describe('the brief of the synthesis fixture (votes)', () => {
  // The key messages and programming quote first; a theme, question or week leaves out what is
  // shown twice already and points to where it is quoted (`QuotedOnce`).
  it('shows no sentence more than twice from the key messages to the end of the findings', async () => {
    const { out } = await runFixture('synthesis', 'render');
    const markdown = await readFile(join(out, 'brief.md'), 'utf8');
    expect(checkBrief(markdown).repeats).toEqual([]);
  }, 120_000);
});
