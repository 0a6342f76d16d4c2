import { describe, expect, it } from 'vitest';
import { dot, type Matrix, rowOf } from '../../pipeline/matrix.js';
import { latentSemantics } from '../../pipeline/nlp/lsa.js';
import { type SparseMatrix, tfidfMatrix } from '../../pipeline/nlp/tfidf.js';

/** Row `i` of a sparse matrix as feature -> value. */
function rowEntries(m: SparseMatrix, i: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let e = m.start[i] as number; e < (m.start[i + 1] as number); e++)
    out.set(m.col[e] as number, m.value[e] as number);
  return out;
}

function sparseDot(m: SparseMatrix, i: number, j: number): number {
  const a = rowEntries(m, i);
  let sum = 0;
  for (const [c, v] of rowEntries(m, j)) sum += v * (a.get(c) ?? 0);
  return sum;
}

function cosine(m: Matrix, i: number, j: number): number {
  const a = rowOf(m, i);
  const b = rowOf(m, j);
  return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
}

const DOCUMENTS = [
  ['bus', 'route', 'schedule'],
  ['bus', 'route', 'fare'],
  ['bus', 'schedule', 'fare', 'fare'],
  ['park', 'tree', 'bench'],
  ['park', 'tree', 'playground'],
  ['park', 'bench', 'playground'],
];

describe('tfidfMatrix', () => {
  it('scales every non-empty row to unit length', () => {
    const m = tfidfMatrix(DOCUMENTS);
    expect(m.rows).toBe(6);
    for (let i = 0; i < m.rows; i++) {
      const squares = [...rowEntries(m, i).values()].reduce((s, v) => s + v * v, 0);
      expect(squares).toBeCloseTo(1, 5);
    }
  });

  it('drops features in fewer than minDf documents', () => {
    const documents = [['bus', 'rare'], ['bus', 'route'], ['route', 'tram'], ['park']];
    expect(tfidfMatrix(documents, { maxDfShare: 1 }).cols).toBe(2); // bus, route
    expect(tfidfMatrix(documents, { minDf: 1, maxDfShare: 1 }).cols).toBe(5);
    // The park document keeps no feature: an all-zero row.
    const m = tfidfMatrix(documents, { maxDfShare: 1 });
    expect(m.start[4]).toBe(m.start[3]);
  });

  it('drops features in more than maxDfShare of the documents', () => {
    const documents = [
      ['city', 'bus'],
      ['city', 'bus'],
      ['city', 'park'],
      ['city', 'park'],
    ];
    // city is in 4 of 4 documents; bus and park in 2 of 4, which is the 0.5 limit.
    expect(tfidfMatrix(documents).cols).toBe(2);
    expect(tfidfMatrix(documents, { maxDfShare: 1 }).cols).toBe(3);
    expect(tfidfMatrix(documents, { maxDfShare: 0.25 }).cols).toBe(2); // never below minDf
  });

  it('numbers features the same whatever the document order', () => {
    const forward = tfidfMatrix(DOCUMENTS);
    const backward = tfidfMatrix([...DOCUMENTS].reverse());
    expect([...rowEntries(backward, 5)]).toEqual([...rowEntries(forward, 0)]);
  });
});

describe('latentSemantics', () => {
  const tfidf = tfidfMatrix(DOCUMENTS);

  it('keeps every dot product when given the full rank', () => {
    const full = latentSemantics(tfidf, 10);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 6; j++)
        expect(dot(rowOf(full, i), rowOf(full, j))).toBeCloseTo(sparseDot(tfidf, i, j), 4);
  });

  it('puts documents that share words closer than documents that do not', () => {
    const reduced = latentSemantics(tfidf, 2);
    expect(reduced.dims).toBe(2);
    const shares = (i: number, j: number) => DOCUMENTS[i]?.some((w) => DOCUMENTS[j]?.includes(w));
    const sharing: number[] = [];
    const apart: number[] = [];
    for (let i = 0; i < 6; i++)
      for (let j = i + 1; j < 6; j++) (shares(i, j) ? sharing : apart).push(cosine(reduced, i, j));
    expect(Math.min(...sharing)).toBeGreaterThan(Math.max(...apart) + 0.5);
  });

  it('fits the same basis on a sample whatever the row order, and copes with an empty matrix', () => {
    // A 4-row sample of 6 is chosen by content, so reversing the rows picks the same 4.
    const forward = latentSemantics(tfidf, 3, { sampleSize: 4 });
    const backward = latentSemantics(tfidfMatrix([...DOCUMENTS].reverse()), 3, { sampleSize: 4 });
    for (let i = 0; i < 6; i++)
      for (let j = i + 1; j < 6; j++)
        expect(cosine(backward, 5 - i, 5 - j)).toBeCloseTo(cosine(forward, i, j), 4);
    const empty = latentSemantics(tfidfMatrix([]), 100);
    expect(empty.rows).toBe(0);
    const noFeatures = latentSemantics(tfidfMatrix([['a'], ['b']]), 100);
    expect(noFeatures.rows).toBe(2);
    expect([...noFeatures.data].every((x) => x === 0)).toBe(true);
  });
});
