import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../pipeline/nlp/near-duplicates.js';

const BASE =
  'The city should build protected bike lanes on Main Street and State Street so that children can ride to school safely';

function inputs(...texts: string[]) {
  return texts.map((text, i) => ({ text, time: i }));
}

describe('findDuplicates', () => {
  it('catches exact duplicates that differ only in case, punctuation and spacing', () => {
    const matches = findDuplicates(
      inputs('More parks, please!', 'more   parks please', 'MORE PARKS. PLEASE'),
      0.8,
    );
    expect(matches).toEqual([null, { of: 0, match: 'exact' }, { of: 0, match: 'exact' }]);
  });

  it('catches a near-duplicate with a typo', () => {
    const typo = BASE.replace('children', 'chidlren');
    expect(findDuplicates(inputs(BASE, typo), 0.8)).toEqual([null, { of: 0, match: 'near' }]);
  });

  it('does not match different texts, nor the same words in an opposite order', () => {
    const other =
      'Downtown parking is too expensive and the garages close too early on weekends for visitors';
    const flipped = 'More bike lanes, not fewer, and fewer cars downtown';
    const matches = findDuplicates(
      inputs(BASE, other, flipped, 'Fewer bike lanes, not more, and more cars downtown'),
      0.8,
    );
    expect(matches).toEqual([null, null, null, null]);
  });

  it('matches very short texts only exactly', () => {
    expect(findDuplicates(inputs('More parks', 'More park'), 0.5)).toEqual([null, null]);
  });

  it('points at the earliest record by date, then input order', () => {
    const texts = [
      { text: BASE, time: 30 },
      { text: BASE.replace('safely', 'safe'), time: 10 },
      { text: `${BASE}.`, time: 10 },
      { text: BASE, time: Number.POSITIVE_INFINITY },
    ];
    expect(findDuplicates(texts, 0.8)).toEqual([
      { of: 1, match: 'near' },
      null,
      { of: 1, match: 'near' },
      { of: 1, match: 'near' },
    ]);
  });

  it('stays fast and deterministic on 20,000 templated texts', () => {
    // A campaign: one template with small edits, the worst case for LSH (all texts alike).
    const texts = Array.from({ length: 20_000 }, (_, i) => {
      const variant = i % 5000;
      return {
        text: `${BASE.split(' ')
          .slice(variant % 7)
          .join(' ')} proposal ${variant} street ${variant % 311}`,
        time: i,
      };
    });
    const started = performance.now();
    const first = findDuplicates(texts, 0.8);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(findDuplicates(texts, 0.8)).toEqual(first);
    const kept = new Set(first.flatMap((m, i) => (m === null ? [i] : [])));
    expect(first.every((m) => m === null || kept.has(m.of))).toBe(true);
    expect(first.slice(5000).every((m) => m !== null)).toBe(true);
    expect(first.filter((m) => m?.match === 'exact').length).toBeGreaterThanOrEqual(
      15_000 * (kept.size / 5000),
    );
  });
});
