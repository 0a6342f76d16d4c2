/** A sparse matrix in compressed-row form: row `i` has entries `start[i]..start[i+1]`. */
export interface SparseMatrix {
  rows: number;
  cols: number;
  start: Int32Array;
  col: Int32Array;
  value: Float32Array;
}

export interface TfidfOptions {
  /** Features in fewer documents than this are dropped (default 2: a one-off word links nothing). */
  minDf?: number;
  /** Features in more than this share of documents are dropped (default 0.5). */
  maxDfShare?: number;
  /**
   * How much each document counts in the document frequencies (default 1 each): one long
   * contribution's passages count as a few, so its words are neither common nor rare by its
   * length alone.
   */
  weights?: readonly number[];
  /** Hears each document's row made, for progress. */
  onDocument?: () => void;
}

/**
 * TF-IDF over feature lists (one list per document): sublinear term frequency, smoothed IDF
 * (over weighted documents when `weights` are given), rows scaled to unit length. A document left with no features is an all-zero row.
 */
export function tfidfMatrix(
  documents: readonly (readonly string[])[],
  options: TfidfOptions = {},
): SparseMatrix {
  const minDf = options.minDf ?? 2;
  const weightOf = (i: number) => options.weights?.[i] ?? 1;
  const df = new Map<string, number>();
  let n = 0;
  documents.forEach((features, i) => {
    const w = weightOf(i);
    n += w;
    for (const f of new Set(features)) df.set(f, (df.get(f) ?? 0) + w);
  });
  const maxDf = Math.max(minDf, Math.floor((options.maxDfShare ?? 0.5) * n));
  const vocabulary = new Map<string, number>();
  const idf: number[] = [];
  // Sorted so that column numbers, and so the whole matrix, do not depend on input order.
  for (const [feature, count] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count < minDf || count > maxDf) continue;
    vocabulary.set(feature, vocabulary.size);
    idf.push(Math.log((1 + n) / (1 + count)) + 1);
  }
  const start = new Int32Array(documents.length + 1);
  const cols: number[] = [];
  const values: number[] = [];
  documents.forEach((features, i) => {
    options.onDocument?.();
    const counts = new Map<number, number>();
    for (const f of features) {
      const c = vocabulary.get(f);
      if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const entries = [...counts].sort((a, b) => a[0] - b[0]);
    let norm = 0;
    const weights = entries.map(([c, tf]) => {
      const w = (1 + Math.log(tf)) * (idf[c] as number);
      norm += w * w;
      return w;
    });
    norm = Math.sqrt(norm) || 1;
    entries.forEach(([c], k) => {
      cols.push(c);
      values.push((weights[k] as number) / norm);
    });
    start[i + 1] = cols.length;
  });
  return {
    rows: documents.length,
    cols: vocabulary.size,
    start,
    col: Int32Array.from(cols),
    value: Float32Array.from(values),
  };
}
