/**
 * Representative passages of a theme by maximal marginal relevance (MMR): the most central
 * passage first, then each next one trading centrality against similarity to those already
 * chosen, so the examples are typical of the theme and not five ways of saying one thing, and
 * come from different contributions where the theme has them.
 */
import { dot, type Matrix, rowOf } from '../matrix.js';

/** Options for {@link chooseRepresentatives}. */
export interface RepresentativeOptions {
  /** Weight of centrality against novelty, in [0, 1]; default 0.7. */
  lambda?: number;
  /** A passage this similar (cosine) to a chosen one is a near-copy and never chosen; default 0.98. */
  duplicateSimilarity?: number;
  /**
   * The contribution of each row: a second passage of a contribution already chosen is taken
   * only when no other contribution's is left, so one long contribution cannot fill the
   * examples. Default: each row its own.
   */
  contributionOf?: (row: number) => string;
}

/**
 * Chooses up to `count` (default 4, the schema's 3-5) of `members` (row indexes of `vectors`):
 * first the highest cosine similarity to `centre`, then the best
 * `lambda * centrality - (1 - lambda) * max similarity to the chosen`. Near-copies of a chosen
 * passage are skipped, so a theme of many copies of few texts returns fewer; a contribution
 * already shown yields to any other first. Deterministic:
 * ties go to the lower row index. Returns row indexes in the order chosen.
 */
export function chooseRepresentatives(
  vectors: Matrix,
  members: readonly number[],
  centre: Float32Array,
  count = 4,
  options: RepresentativeOptions = {},
): number[] {
  const { lambda = 0.7, duplicateSimilarity = 0.98 } = options;
  const contributionOf = options.contributionOf ?? ((row: number) => String(row));
  const rows = [...new Set(members)].sort((a, b) => a - b);
  const contributions = rows.map((row) => contributionOf(row));
  const shown = new Set<string>();
  const centreNorm = Math.sqrt(dot(centre, centre));
  const norms = rows.map((row) => Math.sqrt(dot(rowOf(vectors, row), rowOf(vectors, row))));
  const centrality = rows.map((row, i) =>
    cosine(dot(rowOf(vectors, row), centre), norms[i] as number, centreNorm),
  );
  // Highest similarity of each candidate to any chosen passage; -Infinity before the first pick.
  const nearest = rows.map(() => Number.NEGATIVE_INFINITY);
  const open = rows.map(() => true);
  const chosen: number[] = [];
  while (chosen.length < count) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    let bestIsNew = false;
    for (let i = 0; i < rows.length; i++) {
      if (!open[i]) continue;
      const isNew = !shown.has(contributions[i] as string);
      const redundancy = chosen.length === 0 ? 0 : (nearest[i] as number);
      const score = lambda * (centrality[i] as number) - (1 - lambda) * redundancy;
      // Rows are ascending, so strict `>` leaves ties with the lower row index.
      const better = isNew === bestIsNew ? score > bestScore : isNew;
      if (better || best < 0) [best, bestScore, bestIsNew] = [i, score, isNew];
    }
    if (best < 0) break;
    open[best] = false;
    shown.add(contributions[best] as string);
    const picked = rowOf(vectors, rows[best] as number);
    chosen.push(rows[best] as number);
    for (let i = 0; i < rows.length; i++) {
      if (!open[i]) continue;
      const row = rowOf(vectors, rows[i] as number);
      const similarity = cosine(dot(row, picked), norms[i] as number, norms[best] as number);
      nearest[i] = Math.max(nearest[i] as number, similarity);
      if (similarity >= duplicateSimilarity) open[i] = false;
    }
  }
  return chosen;
}

/** Cosine from a dot product and the two norms; 0 when either vector is zero. */
function cosine(product: number, normA: number, normB: number): number {
  return normA > 0 && normB > 0 ? product / (normA * normB) : 0;
}
