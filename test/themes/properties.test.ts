import fc from 'fast-check';
import { describe, it } from 'vitest';
import { buildThemes } from '../../pipeline/themes/build-themes.js';
import { TaxonomyTheme } from '../../schemas/consultation.js';
import { expectThemeInvariants, themesInput, unitRows } from '../helpers/themes.js';

const DIMS = 4;
const WORDS = ['bus', 'routes', 'park', 'trees', 'housing', 'rent', 'safer', 'streets'];

const VECTOR = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: DIMS, maxLength: DIMS });

/** A row: a zero vector (no known words), a copy of an earlier row, or a random direction. */
type RowSpec = { kind: 'zero' } | { kind: 'copy'; of: number } | { kind: 'new'; v: number[] };

const rowSpec: fc.Arbitrary<RowSpec> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'zero' as const }) },
  { weight: 2, arbitrary: fc.nat().map((of) => ({ kind: 'copy' as const, of })) },
  {
    weight: 5,
    arbitrary: VECTOR.map((v) => ({ kind: 'new' as const, v })),
  },
);

function rowsOf(specs: readonly RowSpec[]): number[][] {
  const rows: number[][] = [];
  for (const spec of specs) {
    if (spec.kind === 'zero') rows.push(Array(DIMS).fill(0));
    else if (spec.kind === 'copy')
      rows.push([...(rows[spec.of % Math.max(1, rows.length)] ?? Array(DIMS).fill(0))]);
    else rows.push(spec.v);
  }
  return rows;
}

const scenario = fc.record({
  // Up to 60 rows, so that large themes get sub-themes and taxonomy themes share passages.
  rows: fc.array(rowSpec, { maxLength: 60, size: 'max' }),
  participants: fc.integer({ min: 1, max: 6 }),
  taxonomy: fc.array(VECTOR, { maxLength: 3 }),
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
  settings: fc.record({
    maxThemes: fc.integer({ min: 1, max: 6 }),
    maxSubthemes: fc.integer({ min: 2, max: 4 }),
    minThemeSize: fc.integer({ min: 2, max: 4 }),
    minParticipants: fc.integer({ min: 1, max: 3 }),
    mergeSimilarity: fc.constantFrom(0.5, 0.9, 1),
    guidedThreshold: fc.constantFrom(0, 0.3, 0.8),
    guidedSecondMargin: fc.constantFrom(0, 0.1, 0.5),
  }),
});

describe('buildThemes (properties)', () => {
  it('puts every passage in a theme or in other, never twice in one theme', () => {
    fc.assert(
      fc.property(scenario, ({ rows: specs, participants, taxonomy, words, settings }) => {
        const rows = rowsOf(specs);
        const base = themesInput(unitRows(rows, DIMS), { settings });
        const input = {
          ...base,
          passages: {
            ...base.passages,
            texts: rows.map(
              (_, i) => `${words[i % words.length]} ${words[(i * 3) % words.length]}`,
            ),
            participantsOf: rows.map((_, i) => [`a${i % participants}`]),
          },
          taxonomy: taxonomy.map((_, t) =>
            TaxonomyTheme.parse({ id: `g${t}`, label: `Guided ${t}` }),
          ),
          taxonomyVectors: unitRows(taxonomy, DIMS),
        };
        const themes = buildThemes(input);
        expectThemeInvariants(themes, input.passages.ids, settings);
      }),
      { numRuns: 150 },
    );
  });
});
