import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountFor } from '../../pipeline/clean/accounting.js';
import { cleanText } from '../../pipeline/clean/clean-text.js';
import { PLACEHOLDERS } from '../../pipeline/nlp/redact.js';
import { restoreRemovals } from '../../pipeline/nlp/removal-log.js';
import { cleanContributions } from '../../pipeline/stages/clean.js';
import { CleanRecord } from '../../schemas/clean-record.js';
import { contributionsArb, textArb } from '../helpers/arbitraries.js';
import { createTestContext } from '../helpers/context.js';

const OPTIONS = {
  redact: { emails: true, phones: true, personalUrls: true, allUrls: false },
  stripBoilerplate: true,
};
const MARKUP = fc.constantFrom('plain' as const, 'markdown' as const, 'html' as const);

describe('cleaning properties', () => {
  it('is idempotent: cleaning clean text again yields the same text', () => {
    fc.assert(
      fc.property(textArb, MARKUP, (raw, markup) => {
        const once = cleanText(raw, markup, OPTIONS);
        const twice = cleanText(once.text, 'plain', OPTIONS);
        expect(twice.text).toBe(once.text);
        expect(twice.removed).toEqual([]);
        expect(twice.redactions).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps removals reconstructable and redaction spans on placeholders', () => {
    fc.assert(
      fc.property(textArb, (raw) => {
        const { text, removed, redactions } = cleanText(raw, 'plain', OPTIONS);
        const before = cleanText(raw, 'plain', { ...OPTIONS, stripBoilerplate: false }).text;
        expect(restoreRemovals(text, removed)).toBe(before);
        for (const { kind, start, end } of redactions) {
          expect(text.slice(start, end)).toBe(PLACEHOLDERS[kind]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accounts for every input exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(contributionsArb, async (contributions) => {
        // One question asking what could be better, so that "nothing" answers are read too.
        const ctx = createTestContext({ questions: ['How could we improve?'] });
        const { output } = await cleanContributions(contributions, ctx);
        expect(output.map((r) => r.id)).toEqual(contributions.map((c) => c.id));
        const acc = accountFor(output);
        const excluded = Object.values(acc.excluded).reduce((a, b) => a + b, 0);
        const { exact, near } = acc.duplicates;
        expect(acc.read).toBe(contributions.length);
        expect(acc.kept + exact + near + acc.nothingToChange + excluded).toBe(acc.read);
        const byId = new Map(output.map((r) => [r.id, r]));
        for (const record of output) {
          CleanRecord.parse(record);
          if (record.status === 'duplicate') {
            const original = byId.get(record.duplicateOf);
            expect(original?.status).toBe('kept');
            expect(original?.status === 'kept' && original.duplicates).toContain(record.id);
          }
          for (const p of record.passages) expect(record.text.slice(p.start, p.end)).toBe(p.text);
        }
      }),
      { numRuns: 150 },
    );
  });
});
