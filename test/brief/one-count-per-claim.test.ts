// One count per claim: every number a fixture's brief shows for a theme, question, statement or the whole agrees, and adds up.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../pipeline/brief/brief-check.js';
import { collectClaims } from '../../pipeline/brief/brief-claims.js';
import { runFixture } from '../helpers/runs.js';

/** Fixtures of different kinds: votes and two questions, yes/no answers, duplicates, nothing to change. */
const FIXTURES = ['synthesis', 'yes-no', 'mini', 'nothing'];

describe.each(FIXTURES)('the brief of the %s fixture', (name) => {
  it('shows one number per claim, and its counts add up', async () => {
    const { summary, out } = await runFixture(name, 'render');
    const markdown = await readFile(join(out, 'brief.md'), 'utf8');
    const { conflicts, sums } = checkBrief(markdown);
    expect(conflicts).toEqual([]);
    expect(sums).toEqual([]);
    // The whole is counted as everything else is: kept contributions and the duplicates merged
    // into them, each a voice.
    const records = await summary.load('clean');
    const voices = records
      .filter((r) => r.status === 'kept')
      .reduce((n, r) => n + 1 + (r.status === 'kept' ? r.duplicates.length : 0), 0);
    const claims = collectClaims(markdown);
    const whole = claims.filter((c) => c.claim === 'all' && c.unit === 'contributions');
    expect(whole.length).toBeGreaterThanOrEqual(2);
    expect(new Set(whole.map((c) => c.value))).toEqual(new Set([voices]));
    // Each question's header and the participation paragraph agree with the findings.
    const findings = await summary.load('findings');
    findings.questions.forEach((q, i) => {
      const shown = claims.filter(
        (c) => c.claim === `question:${i + 1}` && c.unit === 'contributions',
      );
      for (const c of shown) expect(c.value).toBe(q.contributions);
    });
  }, 120_000);
});
