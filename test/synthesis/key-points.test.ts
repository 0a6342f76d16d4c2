import { describe, expect, it } from 'vitest';
import { createMatrix, normalise, rowOf } from '../../pipeline/matrix.js';
import type {
  SynthesisCorpus,
  SynthesisPassage,
} from '../../pipeline/synthesis/findings/corpus.js';
import { keyPointsOf, type PointGroup } from '../../pipeline/synthesis/findings/key-points.js';
import { scopedPoints } from '../../pipeline/synthesis/findings/scoped.js';
import { ownPassage } from '../helpers/passages.js';

/** Passages with their direction in a small vector space (unit vectors along the given axes). */
function passagesAlong(items: readonly [string, readonly number[]][]): {
  passages: SynthesisPassage[];
  corpus: SynthesisCorpus;
} {
  const passages = items.map(([text]) => ownPassage(text));
  const dims = 6;
  const vectors = createMatrix(Math.max(...passages.map((p) => p.index)) + 1, dims);
  items.forEach(([, direction], i) => {
    const row = rowOf(vectors, (passages[i] as SynthesisPassage).index);
    direction.forEach((x, d) => {
      row[d] = x;
    });
    normalise(row);
  });
  // Key points read only the passage vectors and the consultation's subject.
  const corpus = {
    vectors,
    config: { title: 'Riverside town survey', questions: [] },
  } as unknown as SynthesisCorpus;
  return { passages, corpus };
}

function groupOf(label: string, passages: SynthesisPassage[]): PointGroup {
  return { passages, centre: new Float32Array(6), label };
}

const textsOf = (ids: readonly string[], passages: readonly SynthesisPassage[]) =>
  ids.map((id) => passages.find((p) => p.id === id)?.text);

describe('keyPointsOf', () => {
  it('makes no key point of self-descriptions, nor takes one as an example', () => {
    const { passages, corpus } = passagesAlong([
      ['I am a retired bus driver.', [1, 0, 0, 0]],
      ['I live on the east side of town', [1, 0, 0, 0]],
      ['I am 65 years of age or older', [0, 1, 0, 0]],
      ['The town needs a late-night bus service.', [0, 1, 0, 0]],
    ]);
    const points = keyPointsOf(corpus, [
      groupOf('who took part', passages.slice(0, 2)),
      groupOf('late buses', passages.slice(2)),
    ]);
    expect(points).toHaveLength(1);
    expect(points[0]?.text).toContain('The town needs a late-night bus service.');
  });

  // A cluster mixing two points about the park: its key point cites those making its example's.
  const mixed = (): ReturnType<typeof passagesAlong> =>
    passagesAlong([
      ['The park needs more benches for older visitors.', [0, 1, 0, 0]],
      ['Dogs need a fenced area off the lead in the park.', [1, 0.1, 0, 0]],
      ['Please build a fenced dog area off the lead in the park.', [1, 0, 0.1, 0]],
      ['A fenced area for dogs off the lead in the park would help.', [1, 0.1, 0.1, 0]],
      ['More benches in the park, please.', [0, 1, 0.1, 0]],
      ['Benches in the park are broken.', [0, 1, 0, 0.1]],
    ]);

  it("cites only the passages that make its example's point, not the whole group", () => {
    const { passages, corpus } = mixed();
    const [point] = keyPointsOf(corpus, [groupOf('Park', passages)]);
    const cited = textsOf(point?.citations ?? [], passages);
    const example = point?.text.match(/“(.*)”/)?.[1] ?? '';
    const onBenches = /bench/i.test(example);
    expect(cited.length).toBeGreaterThan(1);
    expect(cited.length).toBeLessThan(passages.length);
    for (const text of cited) expect(/bench/i.test(text ?? '')).toBe(onBenches);
    expect(point?.support.contributions).toBe(cited.length);
  });

  it("cites the quoted example's passage first", () => {
    const { passages, corpus } = mixed();
    const [point] = keyPointsOf(corpus, [groupOf('Dogs', passages)]);
    const example = point?.text.match(/“(.*)”/)?.[1] ?? '';
    expect(example).toMatch(/dog/i);
    expect(textsOf(point?.citations.slice(0, 1) ?? [], passages)[0]).toContain(example);
  });

  it('says when a group shares a topic rather than a point, counting those that mention it', () => {
    const { passages, corpus } = passagesAlong([
      ['Parking downtown costs too much for shop workers.', [1, 0, 0, 0]],
      ['The parking garage downtown is an eyesore.', [0, 1, 0, 0]],
      ['Free parking downtown on Sundays would bring shoppers.', [0, 0, 1, 0]],
      ['Parking downtown is hard to find at night.', [0, 0, 0, 1]],
      ['Reserved parking spaces downtown should be open in the evening.', [0, 0, 0, 0, 1]],
      ['Bus fares are too high.', [0, 0, 0, 0, 0, 1]],
    ]);
    const [point] = keyPointsOf(corpus, [groupOf('Parking downtown', passages)]);
    expect(point?.text).toMatch(/^5 contributions mention parking downtown, for example: “.+”$/);
    const cited = textsOf(point?.citations ?? [], passages);
    expect(cited).toHaveLength(5);
    expect(cited).not.toContain('Bus fares are too high.');
    expect(point?.support.contributions).toBe(5);
    expect(cited[0]).toContain(point?.text.match(/“(.*)”/)?.[1]);
  });

  it('does not cite a passage saying the opposite as making the point', () => {
    const { passages, corpus } = passagesAlong([
      ['Marijuana should not be legalized in the county.', [1, 0, 0, 0]],
      ['Marijuana should not be legalized, it harms young people.', [1, 0.1, 0, 0]],
      ['Marijuana should be legalized in the county.', [1, 0, 0.1, 0]],
      ['Legalized marijuana will not only raise taxes but empty the jails.', [1, 0, 0, 0.1]],
    ]);
    const [point] = keyPointsOf(corpus, [groupOf('Marijuana', passages.slice(0, 3))]);
    expect(point?.text).toBe('Marijuana: “Marijuana should not be legalized in the county.”');
    expect(textsOf(point?.citations ?? [], passages)).toEqual([
      'Marijuana should not be legalized in the county.',
      'Marijuana should not be legalized, it harms young people.',
    ]);
    const [other] = keyPointsOf(corpus, [
      groupOf('Legalized', [passages[2], passages[3]] as SynthesisPassage[]),
    ]);
    expect(other?.citations).toHaveLength(2);
  });
});

describe('scopedPoints', () => {
  it("cites the theme's passages in scope that make its point or mention it, not all of them", () => {
    const { passages, corpus } = passagesAlong([
      ['Parking downtown costs too much for shop workers.', [1, 0, 0, 0]],
      ['The parking garage downtown is an eyesore.', [0, 1, 0, 0]],
      ['Free parking downtown on Sundays would bring shoppers.', [0, 0, 1, 0]],
      ['The square needs more trees and benches.', [0, 0, 0, 1]],
      ['Shops close too early in the evening.', [0, 0, 0, 0, 1]],
    ]);
    const theme = {
      id: 't1',
      label: 'Parking downtown',
      parentId: null,
      passageIds: passages.map((p) => p.id),
    };
    const scoped = {
      ...corpus,
      themes: { themes: [theme] },
      themeById: new Map([[theme.id, theme]]),
      byId: new Map(passages.map((p) => [p.id, p])),
    } as unknown as SynthesisCorpus;
    const [point] = scopedPoints(scoped, passages, 1);
    expect(point?.text).toMatch(/^3 contributions mention parking downtown, for example: “.+”$/);
    expect(textsOf(point?.citations ?? [], passages)).not.toContain(
      'Shops close too early in the evening.',
    );
    expect(point?.citations).toHaveLength(3);
  });
});
