/**
 * Clustering and classification scores, with the definitions and edge cases of scikit-learn's
 * `normalized_mutual_info_score` (arithmetic mean), `adjusted_rand_score` and `accuracy_score`,
 * so figures compare with published ones. Labels are any integers; -1 is an ordinary label.
 */

/** A contingency table: the non-empty cells, and the row (true) and column (predicted) sums. */
interface Contingency {
  n: number;
  cells: Cell[];
  rows: number[];
  columns: number[];
}

interface Cell {
  row: number;
  column: number;
  count: number;
}

/**
 * Normalised mutual information, MI / mean(H(true), H(pred)), natural logs. 1 when both
 * labellings put everything in one cluster (or are empty); 0 when the MI is 0.
 */
export function normalisedMutualInfo(truth: ArrayLike<number>, predicted: ArrayLike<number>) {
  const table = contingencyOf(truth, predicted);
  const trivial = table.rows.length === table.columns.length && table.rows.length <= 1;
  if (trivial) return 1;
  const mi = mutualInfo(table);
  if (mi <= 0) return 0;
  const mean = (entropyOf(table.rows, table.n) + entropyOf(table.columns, table.n)) / 2;
  return mi / mean;
}

/**
 * Adjusted Rand index over pairs of items: 1 for identical partitions (up to renaming, and when
 * both are trivial), about 0 for independent ones, negative for worse than chance.
 */
export function adjustedRandIndex(truth: ArrayLike<number>, predicted: ArrayLike<number>) {
  const table = contingencyOf(truth, predicted);
  const together = sumPairs(table.cells.map((cell) => cell.count));
  const sameTrue = sumPairs(table.rows);
  const samePred = sumPairs(table.columns);
  const total = pairs(table.n);
  // The pair confusion: split apart in one labelling but together in the other, etc.
  const onlyPred = samePred - together;
  const onlyTrue = sameTrue - together;
  const apart = total - together - onlyPred - onlyTrue;
  if (onlyPred === 0 && onlyTrue === 0) return 1;
  const numerator = 2 * (together * apart - onlyTrue * onlyPred);
  const denominator = sameTrue * (onlyTrue + apart) + samePred * (onlyPred + apart);
  return numerator / denominator;
}

/** The share of items whose predicted label equals the true one; 0 for no items. */
export function accuracy(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkLengths(truth, predicted);
  if (truth.length === 0) return 0;
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++;
  return correct / truth.length;
}

function contingencyOf(truth: ArrayLike<number>, predicted: ArrayLike<number>): Contingency {
  checkLengths(truth, predicted);
  const rowIndex = new Map<number, number>();
  const columnIndex = new Map<number, number>();
  const cells = new Map<string, Cell>();
  const rows: number[] = [];
  const columns: number[] = [];
  for (let i = 0; i < truth.length; i++) {
    const row = indexOf(rowIndex, truth[i] as number);
    const column = indexOf(columnIndex, predicted[i] as number);
    rows[row] = (rows[row] ?? 0) + 1;
    columns[column] = (columns[column] ?? 0) + 1;
    const key = `${row},${column}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { row, column, count: 1 });
  }
  return { n: truth.length, cells: [...cells.values()], rows, columns };
}

/** MI = sum over the cells of p(i,j) log(p(i,j) / (p(i) p(j))), in nats. */
function mutualInfo({ n, cells, rows, columns }: Contingency): number {
  let mi = 0;
  for (const { row, column, count } of cells) {
    const expected = ((rows[row] as number) * (columns[column] as number)) / n;
    mi += (count / n) * Math.log(count / expected);
  }
  // Rounding can leave a tiny negative sum for independent labellings.
  return Math.max(mi, 0);
}

function entropyOf(counts: readonly number[], n: number): number {
  let h = 0;
  for (const count of counts) if (count > 0) h -= (count / n) * Math.log(count / n);
  return h;
}

function indexOf<K>(index: Map<K, number>, key: K): number {
  let at = index.get(key);
  if (at === undefined) {
    at = index.size;
    index.set(key, at);
  }
  return at;
}

function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

function sumPairs(counts: readonly number[]): number {
  let sum = 0;
  for (const count of counts) sum += pairs(count);
  return sum;
}

function checkLengths(truth: ArrayLike<number>, predicted: ArrayLike<number>): void {
  if (truth.length !== predicted.length) {
    throw new RangeError(
      `Expected labellings of the same length, got ${truth.length} and ${predicted.length}`,
    );
  }
}

/** The arithmetic mean; null for no values. */
export function meanOf(values: readonly number[]): number | null {
  return values.length > 0 ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
}

/** The median (the mean of the middle two for an even count); null for no values. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** part / whole, or null when whole is 0 (a share of nothing is undefined, not 0). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
