import { describe, expect, it } from 'vitest';
import { heavyContributions, passageWeights } from '../../pipeline/contribution-weights.js';
import { createMatrix, type Matrix, normalise, rowOf } from '../../pipeline/matrix.js';
import { createRandom, gaussian } from '../../pipeline/random.js';
import { buildThemes } from '../../pipeline/themes/build-themes.js';
import { outlierFloor, weightedMedian } from '../../pipeline/themes/guided.js';
import { labelThemes } from '../../pipeline/themes/labels.js';
import { chooseRepresentatives } from '../../pipeline/themes/representatives.js';
import { fittingPositions, rowVoices } from '../../pipeline/themes/row-voices.js';
import type { CleanRecord } from '../../schemas/clean-record.js';
import { expectThemeInvariants, themesInput, unitRows } from '../helpers/themes.js';

const DIMS = 24;
const GROUPS = 10;
/** Contributions per group, each one passage by its own participant. */
const PER_GROUP = 6;

/** Unit vectors scattered around random directions: `sizes[g]` rows around direction g. */
function scattered(sizes: readonly number[], seed: number, noise = 0.08): Matrix {
  const random = createRandom(seed);
  const out = createMatrix(
    sizes.reduce((a, b) => a + b, 0),
    DIMS,
  );
  let row = 0;
  for (const size of sizes) {
    const centre = Float32Array.from({ length: DIMS }, () => gaussian(random));
    normalise(centre);
    for (let i = 0; i < size; i++, row++) {
      const v = rowOf(out, row);
      for (let d = 0; d < DIMS; d++) v[d] = (centre[d] as number) + noise * gaussian(random);
      normalise(v);
    }
  }
  return out;
}

/**
 * Ten groups of six one-passage contributions by six people each, then one contribution of
 * `big` passages by one person (`c-big`, `a-big`) about an eleventh topic.
 */
function consultationWithOneBigVoice(big: number) {
  const real = GROUPS * PER_GROUP;
  const vectors = scattered([...Array.from({ length: GROUPS }, () => PER_GROUP), big], 5);
  const input = themesInput(vectors);
  const isBig = (row: number) => row >= real;
  return {
    real,
    input: {
      ...input,
      passages: {
        ...input.passages,
        contributionsOf: input.passages.contributionsOf.map((c, row) => (isBig(row) ? ['c-big'] : c)),
        participantsOf: input.passages.participantsOf.map((a, row) => (isBig(row) ? ['a-big'] : a)),
      },
    },
  };
}

describe('passage weights', () => {
  it('gives a contribution of up to five passages full weight and a longer one five in all', () => {
    const ids = ['a', 'b', 'b', ...Array.from({ length: 20 }, () => 'long')];
    const weights = [...passageWeights(ids)];
    expect(weights.slice(0, 3)).toEqual([1, 1, 1]);
    expect(weights.slice(3).every((w) => w === 0.25)).toBe(true);
    expect(weights.slice(3).reduce((a, b) => a + b, 0)).toBeCloseTo(5);
  });

  it('fits the clustering on five rows of a long contribution and on every row of the rest', () => {
    const vectors = scattered([4, 300], 1);
    const rows = Array.from({ length: vectors.rows }, (_, i) => i);
    const voices = rowVoices(
      rows.map((row) => [row < 4 ? `c${row}` : 'long']),
      rows.map((row) => [row < 4 ? `a${row}` : 'someone']),
    );
    const fitting = fittingPositions(vectors, rows, voices);
    expect(fitting.filter((i) => i < 4)).toEqual([0, 1, 2, 3]);
    expect(fitting.filter((i) => i >= 4)).toHaveLength(5);
    // The same rows whatever their order.
    const reversed = [...rows].reverse();
    const again = fittingPositions(vectors, reversed, voices).map((i) => reversed[i]);
    expect(again.sort((a, b) => (a as number) - (b as number))).toEqual(fitting);
  });

  it('lists the kept contributions of more than five passages, longest first', () => {
    const kept = (id: string, passages: number): CleanRecord => ({
      id,
      status: 'kept',
      text: 'é'.repeat(passages * 10),
      language: 'en',
      removed: [],
      redactions: [],
      duplicates: [],
      passages: Array.from({ length: passages }, (_, i) => ({
        id: `${id}#${i + 1}`,
        text: 'é'.repeat(10),
        start: i * 10,
        end: (i + 1) * 10,
      })),
    });
    const { heavy, passages } = heavyContributions([
      kept('short', 5),
      kept('long', 6),
      kept('longest', 40),
    ]);
    expect(passages).toBe(51);
    expect(heavy).toEqual([
      { id: 'longest', passages: 40, bytes: 800 },
      { id: 'long', passages: 6, bytes: 120 },
    ]);
  });
});

describe('themes with one long contribution', () => {
  it('keeps every theme of the others, sized and ranked by participants', () => {
    const { input, real } = consultationWithOneBigVoice(1500);
    const themes = buildThemes(input);
    expectThemeInvariants(themes, input.passages.ids, { maxThemes: 12, maxSubthemes: 6 });
    const top = themes.themes.filter((t) => t.parentId === null);
    // Counted in passages, 1% of 1,560 passages (16) left no theme of six people standing.
    expect(top).toHaveLength(GROUPS);
    for (const theme of top) expect(theme.participantCount).toBeLessThanOrEqual(PER_GROUP + 1);
    // The one voice is still all accounted for: in themes or in "Other ideas".
    const placed = new Set([...top.flatMap((t) => t.passageIds), ...themes.other.passageIds]);
    expect(placed.size).toBe(real + 1500);
  });

  it('does not let one contribution name a theme it shares with others', () => {
    const others = [
      'Buses to the hospital run late every morning.',
      'The hospital bus is always late.',
      'We need a bus that reaches the hospital on time.',
      'Late buses make patients miss hospital appointments.',
    ];
    const long = Array.from({ length: 60 }, (_, i) => `Private military companies ${i} harm us.`);
    const texts = [...others, ...long];
    const ids = texts.map((_, i) => (i < others.length ? `c${i}` : 'long'));
    const weights = passageWeights(ids);
    const [plain] = labelThemes([texts]);
    const [weighted] = labelThemes([texts], { weightOf: (i) => weights[i] ?? 1 });
    expect(plain?.label.toLowerCase()).toContain('military');
    expect(weighted?.label.toLowerCase()).toContain('hospital');
  });

  it('chooses representatives from different contributions first', () => {
    const vectors = unitRows([
      [1, 0, 0],
      [1, 0.01, 0],
      [1, 0, 0.01],
      [0.9, 0.3, 0],
      [0.9, 0, 0.3],
    ]);
    const centre = Float32Array.from([1, 0, 0]);
    const contributionOf = (row: number) => (row < 3 ? 'long' : `c${row}`);
    expect(chooseRepresentatives(vectors, [0, 1, 2, 3, 4], centre, 3, { contributionOf })).toEqual(
      [0, 3, 4],
    );
  });

  it('keeps the outlier floor where the others put it', () => {
    // Fifty passages of the taxonomy's topic, then 200 of one contribution that fits it less.
    const best = [...Array.from({ length: 50 }, (_, i) => 0.3 + i * 0.002), ...Array(200).fill(0.05)];
    const scores = createMatrix(best.length, 1);
    scores.data.set(best);
    const weightOf = (row: number) => (row < 50 ? 1 : 5 / 200);
    expect(outlierFloor(scores, 2)).toBeLessThan(0.05);
    expect(outlierFloor(scores, 2, weightOf)).toBeGreaterThan(0.05);
    expect(weightedMedian([3, 1, 2, 4], [1, 1, 1, 1])).toBe(2.5);
    expect(weightedMedian([3, 1, 2], [1, 1, 1])).toBe(2);
  });
});
