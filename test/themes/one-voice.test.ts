import { describe, expect, it } from 'vitest';
import { heavyContributions, passageWeights } from '../../pipeline/contribution-weights.js';
import { createMatrix, dot, type Matrix, normalise, rowOf } from '../../pipeline/matrix.js';
import { latentSemantics } from '../../pipeline/nlp/lsa.js';
import { tfidfMatrix } from '../../pipeline/nlp/tfidf.js';
import { createRandom, gaussian } from '../../pipeline/random.js';
import type { SynthesisPassage } from '../../pipeline/synthesis/findings/corpus.js';
import { oneFromEachContribution, wordCounts } from '../../pipeline/synthesis/findings/support.js';
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
        contributionsOf: input.passages.contributionsOf.map((c, row) =>
          isBig(row) ? ['c-big'] : c,
        ),
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
  it('keeps the themes the others make, sized and ranked by participants', () => {
    const topOf = (big: number) => {
      const { input } = consultationWithOneBigVoice(big);
      const themes = buildThemes(input);
      expectThemeInvariants(themes, input.passages.ids, { maxThemes: 12, maxSubthemes: 6 });
      // The one voice is still all accounted for: in themes or in "Other ideas".
      const placed = [...themes.themes.flatMap((t) => t.passageIds), ...themes.other.passageIds];
      expect(new Set(placed).size).toBe(input.passages.ids.length);
      return themes.themes.filter((t) => t.parentId === null);
    };
    const without = topOf(0);
    const withIt = topOf(1500);
    // Counted in passages, 1% of 1,560 passages (16) left no theme of six to twelve people.
    expect(withIt).toHaveLength(without.length);
    const most = Math.max(...without.map((t) => t.participantCount));
    for (const theme of withIt) expect(theme.participantCount).toBeLessThanOrEqual(most + 1);
    const ranked = withIt.map((t) => t.participantCount);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
  });

  it('does not let one contribution name a theme it shares with others', () => {
    const others = [
      'The hospital bus service runs late every morning.',
      'Our hospital bus service is always late.',
      'We need a hospital bus service that is on time.',
      'The hospital bus service makes patients miss appointments.',
      'The car park is full, so people take the hospital bus service.',
      'A hospital bus service from the station would help.',
      'The hospital bus service takes an hour.',
      'The hospital bus service should run every ten minutes.',
    ];
    const long = Array.from({ length: 60 }, (_, i) => `Private military companies ${i} harm us.`);
    const texts = [...others, ...long];
    const [plain] = labelThemes([texts]);
    const voiceOf = (i: number) => (i < others.length ? `c${i}` : 'long');
    const [voiced] = labelThemes([texts], { voiceOf });
    expect(plain?.label.toLowerCase()).toContain('military');
    expect(voiced?.label.toLowerCase()).toContain('hospital bus');
    // The long contribution's phrase counts once, so it is not even a recurring keyword.
    expect(voiced?.keywords.slice(0, 2).join(' ')).not.toContain('military');
  });

  it('chooses representatives from different contributions first', () => {
    // Rows 0-2, one contribution, are the most central and differ enough to be picked together:
    const vectors = unitRows([
      [1, 0.3, 0],
      [1, -0.3, 0],
      [1, 0, 0.3],
      [0.8, 0.6, 0],
      [0.8, 0, -0.6],
    ]);
    const centre = Float32Array.from([1, 0, 0]);
    const members = [0, 1, 2, 3, 4];
    expect(chooseRepresentatives(vectors, members, centre, 3)).toEqual([0, 1, 2]);
    const contributionOf = (row: number) => (row < 3 ? 'long' : `c${row}`);
    const chosen = chooseRepresentatives(vectors, members, centre, 4, { contributionOf });
    expect(chosen.slice(0, 3).sort()).toEqual([0, 3, 4]);
    expect(chosen).toHaveLength(4);
  });

  it('keeps the outlier floor where the others put it', () => {
    // Fifty passages of the taxonomy's topics, then 200 of one contribution that fits none.
    const best = [
      ...Array.from({ length: 50 }, (_, i) => 0.3 + i * 0.002),
      ...Array(200).fill(0.05),
    ];
    const scores = createMatrix(best.length, 1);
    scores.data.set(best);
    const weightOf = (row: number) => (row < 50 ? 1 : 5 / 200);
    // Unweighted, the one contribution is the corpus's median: nothing is an outlier.
    expect(outlierFloor(scores, 2)).toBeCloseTo(0.05);
    expect(outlierFloor(scores, 2, weightOf)).toBeGreaterThan(0.2);
    expect(weightedMedian([3, 1, 2, 4], [1, 1, 1, 1])).toBe(2.5);
    expect(weightedMedian([3, 1, 2], [1, 1, 1])).toBe(2);
  });
});

describe('the corpus fit with one long contribution', () => {
  // Twenty short contributions on four topics, then 600 passages of one contribution.
  const documents = [
    ...Array.from({ length: 3 }, (_, i) => ['bus', 'route', `schedule${i}`]),
    ...Array.from({ length: 3 }, (_, i) => ['park', 'tree', `bench${i}`]),
    ...Array.from({ length: 7 }, (_, i) => ['library', 'book', `hours${i}`]),
    ...Array.from({ length: 7 }, (_, i) => ['school', 'teacher', `class${i}`]),
    ...Array.from({ length: 600 }, (_, i) => [
      'military',
      'contractor',
      `firm${i % 40}`,
      ...(i % 3 === 0 ? [] : ['bus']),
    ]),
  ];
  const weights = documents.map((_, i) => (i < 20 ? 1 : 5 / 600));

  it('counts its passages as a few in the document frequencies', () => {
    const features = (m: ReturnType<typeof tfidfMatrix>) =>
      (m.start[1] as number) - (m.start[0] as number);
    // "bus" is in 403 of 620 passages, too common to count; in 6.3 of 25 weighed ones it is not.
    expect(features(tfidfMatrix(documents))).toBe(1);
    expect(features(tfidfMatrix(documents, { weights }))).toBe(2);
  });

  it('fits the semantic basis on the others as much as on it', () => {
    const tfidf = tfidfMatrix(documents, { weights });
    const norm = (m: Matrix, i: number) => Math.sqrt(dot(rowOf(m, i), rowOf(m, i)));
    // Four dimensions: the long contribution's own words take them unless it weighs as five.
    const plain = latentSemantics(tfidf, 4);
    const weighed = latentSemantics(tfidf, 4, { weights });
    // Unweighed, the parks contributions fall outside the basis: they all embed as zero.
    expect(norm(plain, 3)).toBeLessThan(0.1);
    expect(norm(weighed, 3)).toBeGreaterThan(0.9);
    expect(norm(weighed, 0)).toBeGreaterThan(0.9);
  });
});

describe("a theme's most typical statement with one long contribution", () => {
  const passage = (id: string, contributionId: string, text: string) =>
    ({ id, contributionId, text, language: 'en' }) as SynthesisPassage;
  const passages = [
    passage('long#1', 'long', 'Private military companies escape every court.'),
    passage('long#2', 'long', 'Private military companies are paid with public money.'),
    passage('long#3', 'long', 'Private military companies guard prisons.'),
    passage('a#1', 'a', 'Taxes should pay for more buses.'),
    passage('b#1', 'b', 'Lower taxes would bring more companies.'),
  ];

  it('counts a word once per contribution', () => {
    const counts = wordCounts(passages);
    expect(counts.get('military')).toBe(1);
    expect(counts.get('company')).toBe(2);
  });

  it('takes its candidates from different contributions', () => {
    expect(oneFromEachContribution(passages, 2).map((p) => p.id)).toEqual(['long#1', 'a#1']);
    expect(oneFromEachContribution(passages, 9).map((p) => p.id)).toEqual(['long#1', 'a#1', 'b#1']);
  });
});
