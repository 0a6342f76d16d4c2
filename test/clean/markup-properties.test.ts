import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../pipeline/clean/clean-text.js';
import { restoreRemovals } from '../../pipeline/nlp/removal-log.js';
import { markupPiecesArb } from '../helpers/markup-arbitraries.js';

/** Redaction off: it replaces words by design, and is tested on its own. */
const KEEP_ALL = {
  redact: { emails: false, phones: false, personalUrls: false, allUrls: false },
  stripBoilerplate: true,
};
const REDACT = { ...KEEP_ALL, redact: { ...KEEP_ALL.redact, emails: true, personalUrls: true } };
const MARKUP = fc.constantFrom('html' as const, 'markdown' as const);

describe('markup properties', () => {
  // Piece by piece in order; within a piece in any order, since a link's address follows its
  // text when written but precedes it in the source (and inside a dropped script body).
  it('keeps every word the contributor typed, or lists it in `removed`, piece by piece in order', () => {
    fc.assert(
      fc.property(markupPiecesArb, MARKUP, (pieces, markup) => {
        const { text, removed } = cleanText(pieces.map((p) => p.text).join(''), markup, KEEP_ALL);
        // The clean text with every listed removal put back where it stood.
        const accounted = restoreRemovals(text, removed);
        let from = 0;
        for (const piece of pieces) {
          let end = from;
          for (const word of piece.words) {
            const at = accounted.indexOf(word, from);
            expect(
              at,
              `"${word}" after ${from} in ${JSON.stringify(accounted)}`,
            ).toBeGreaterThanOrEqual(0);
            end = Math.max(end, at + word.length);
          }
          from = end;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent: the clean text of markup cleans to itself', () => {
    fc.assert(
      fc.property(markupPiecesArb, MARKUP, (pieces, markup) => {
        const once = cleanText(pieces.map((p) => p.text).join(''), markup, REDACT);
        const twice = cleanText(once.text, 'plain', REDACT);
        expect(twice).toEqual({ text: once.text, removed: [], redactions: [] });
      }),
      { numRuns: 500 },
    );
  });
});
