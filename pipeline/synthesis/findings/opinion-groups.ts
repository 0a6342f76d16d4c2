import type { Ballots } from '../../../schemas/votes.js';
import { maxOf, minOf } from '../../arrays.js';
import { createRandom } from '../../random.js';

/** How one opinion group voted on one comment. */
export interface GroupVotes {
  agrees: number;
  disagrees: number;
  passes: number;
  /** (agrees + 1) / (seen + 2): the chance a member agrees, smoothed for few votes. */
  agreement: number;
}

/** A comment's votes by opinion group, with the scores Polis reports. */
export interface CommentOpinion {
  groups: GroupVotes[];
  /** The product of every group's agreement: high only when all groups agree. */
  consensus: number;
  /** The largest gap in agreement between two groups. */
  division: number;
}

export interface OpinionGroups {
  /** Members per group. */
  sizes: number[];
  /** By contribution id. */
  comments: Map<string, CommentOpinion>;
}

/** How the groups are found, for `findings.json` and the methodology section. */
export const OPINION_GROUPS_METHOD =
  'Polis-style: participants with 7 or more votes, PCA to 2 components, k-means (k = 2 to 5 by silhouette)';

/** Participants with fewer votes are left out of the groups, as Polis does. */
const MIN_VOTES_PER_PARTICIPANT = 7;
const MAX_GROUPS = 5;
const KMEANS_RESTARTS = 10;
const POWER_ITERATIONS = 100;
/** Power iteration stops once the vector moves less than this (sum of absolute changes). */
const CONVERGED = 1e-7;

/**
 * Opinion groups in the manner of Polis: each participant is a row of votes (missing votes
 * filled with the comment's mean), projected on the first two principal components and scaled
 * up for those who voted on few comments; k-means (k = 2 to 5, the k with the best silhouette,
 * seeded restarts) splits them into groups. For every comment, each group's agreement, the
 * group-informed consensus (the product of the groups' agreement) and the division (the largest
 * gap between two groups). Null with fewer than two groups' worth of voters.
 */
export function opinionGroups(ballots: Ballots, seed: number): OpinionGroups | null {
  const m = ballots.contributions.length;
  const counts = new Int32Array(ballots.participants.length);
  for (const [p] of ballots.votes) counts[p] = (counts[p] as number) + 1;
  const voters = [...counts.keys()].filter(
    (p) => (counts[p] as number) >= MIN_VOTES_PER_PARTICIPANT,
  );
  if (voters.length < 4 || m < 2) return null;
  const rowOf = new Map(voters.map((p, r) => [p, r]));
  const n = voters.length;
  const matrix = voteMatrix(ballots, rowOf, n, m);
  const points = project(
    matrix,
    n,
    m,
    voters.map((p) => counts[p] as number),
    seed,
  );
  const labels = bestKMeans(points, n, seed);
  const k = maxOf([...labels]) + 1;
  if (k < 2) return null;
  const sizes = Array.from({ length: k }, (_, g) => labels.filter((l) => l === g).length);
  const tallies = ballots.contributions.map(() =>
    Array.from({ length: k }, () => ({ agrees: 0, disagrees: 0, passes: 0 })),
  );
  for (const [p, c, vote] of ballots.votes) {
    const r = rowOf.get(p);
    if (r === undefined) continue;
    const tally = tallies[c]?.[labels[r] as number];
    if (!tally) continue;
    if (vote === 1) tally.agrees++;
    else if (vote === -1) tally.disagrees++;
    else tally.passes++;
  }
  const comments = new Map<string, CommentOpinion>();
  ballots.contributions.forEach((id, c) => {
    const groups = (tallies[c] ?? []).map((t) => ({
      ...t,
      agreement: round((t.agrees + 1) / (t.agrees + t.disagrees + t.passes + 2)),
    }));
    const rates = groups.map((g) => g.agreement);
    comments.set(id, {
      groups,
      consensus: round(rates.reduce((product, r) => product * r, 1)),
      division: round(maxOf([...rates]) - minOf([...rates])),
    });
  });
  return { sizes, comments };
}

/** Participants x comments, votes as 1 / -1 / 0 and missing votes as the comment's mean. */
function voteMatrix(
  ballots: Ballots,
  rowOf: ReadonlyMap<number, number>,
  n: number,
  m: number,
): Float64Array {
  const matrix = new Float64Array(n * m).fill(Number.NaN);
  const sum = new Float64Array(m);
  const seen = new Int32Array(m);
  for (const [p, c, vote] of ballots.votes) {
    const r = rowOf.get(p);
    if (r === undefined) continue;
    matrix[r * m + c] = vote;
    sum[c] = (sum[c] as number) + vote;
    seen[c] = (seen[c] as number) + 1;
  }
  for (let i = 0; i < matrix.length; i++) {
    if (Number.isNaN(matrix[i])) {
      const c = i % m;
      matrix[i] = (seen[c] as number) > 0 ? (sum[c] as number) / (seen[c] as number) : 0;
    }
  }
  return matrix;
}

/**
 * Each row's coordinates on the first two principal components (power iteration with
 * deflation), scaled by sqrt(comments / the participant's votes) as Polis does, so that people
 * who voted little are not all drawn to the centre.
 */
function project(
  matrix: Float64Array,
  n: number,
  m: number,
  votesOf: readonly number[],
  seed: number,
): Float64Array {
  const mean = new Float64Array(m);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < m; c++) mean[c] = (mean[c] as number) + (matrix[r * m + c] as number) / n;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < m; c++)
      matrix[r * m + c] = (matrix[r * m + c] as number) - (mean[c] as number);
  const random = createRandom(seed);
  const components: Float64Array[] = [];
  for (let k = 0; k < 2; k++) {
    let v = Float64Array.from({ length: m }, () => random() - 0.5);
    for (let it = 0; it < POWER_ITERATIONS; it++) {
      const xv = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        let s = 0;
        for (let c = 0; c < m; c++) s += (matrix[r * m + c] as number) * (v[c] as number);
        xv[r] = s;
      }
      const next = new Float64Array(m);
      for (let r = 0; r < n; r++) {
        const x = xv[r] as number;
        for (let c = 0; c < m; c++)
          next[c] = (next[c] as number) + (matrix[r * m + c] as number) * x;
      }
      for (const u of components) {
        let d = 0;
        for (let c = 0; c < m; c++) d += (next[c] as number) * (u[c] as number);
        for (let c = 0; c < m; c++) next[c] = (next[c] as number) - d * (u[c] as number);
      }
      const norm = Math.sqrt(next.reduce((sum, x) => sum + x * x, 0)) || 1;
      const change = next.reduce((sum, x, c) => sum + Math.abs(x / norm - (v[c] as number)), 0);
      v = next.map((x) => x / norm);
      if (change < CONVERGED) break;
    }
    components.push(v);
  }
  const points = new Float64Array(n * 2);
  for (let r = 0; r < n; r++) {
    const scale = Math.sqrt(m / Math.max(1, votesOf[r] as number));
    components.forEach((u, k) => {
      let s = 0;
      for (let c = 0; c < m; c++) s += (matrix[r * m + c] as number) * (u[c] as number);
      points[r * 2 + k] = s * scale;
    });
  }
  return points;
}

/** The k-means labelling (k = 2 to MAX_GROUPS) with the best mean silhouette. */
function bestKMeans(points: Float64Array, n: number, seed: number): number[] {
  let best: number[] = new Array(n).fill(0);
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let k = 2; k <= Math.min(MAX_GROUPS, n - 1); k++) {
    const labels = kMeans(points, n, k, seed);
    const score = silhouette(points, labels, k);
    if (score > bestScore) [best, bestScore] = [labels, score];
  }
  return best;
}

/** k-means++ on 2-D points, the best of several seeded restarts by inertia. */
function kMeans(points: Float64Array, n: number, k: number, seed: number): number[] {
  const random = createRandom(seed * 31 + k);
  const distance = (i: number, cx: number, cy: number) =>
    ((points[i * 2] as number) - cx) ** 2 + ((points[i * 2 + 1] as number) - cy) ** 2;
  let best: number[] = [];
  let bestInertia = Number.POSITIVE_INFINITY;
  for (let restart = 0; restart < KMEANS_RESTARTS; restart++) {
    const first = Math.floor(random() * n);
    const centres: [number, number][] = [
      [points[first * 2] as number, points[first * 2 + 1] as number],
    ];
    while (centres.length < k) {
      const d = Array.from({ length: n }, (_, i) =>
        minOf([...centres.map(([x, y]) => distance(i, x, y))]),
      );
      const total = d.reduce((a, b) => a + b, 0);
      let pick = random() * total;
      let chosen = n - 1;
      for (let i = 0; i < n; i++) {
        pick -= d[i] as number;
        if (pick <= 0) {
          chosen = i;
          break;
        }
      }
      centres.push([points[chosen * 2] as number, points[chosen * 2 + 1] as number]);
    }
    let labels = new Array<number>(n).fill(0);
    for (let it = 0; it < 100; it++) {
      const next = labels.map((_, i) => {
        let g = 0;
        for (let c = 1; c < k; c++) {
          const [x, y] = centres[c] as [number, number];
          const [bx, by] = centres[g] as [number, number];
          if (distance(i, x, y) < distance(i, bx, by)) g = c;
        }
        return g;
      });
      const moved = next.some((g, i) => g !== labels[i]);
      labels = next;
      const sums = Array.from({ length: k }, () => [0, 0, 0]);
      labels.forEach((g, i) => {
        const sum = sums[g] as number[];
        sum[0] = (sum[0] as number) + (points[i * 2] as number);
        sum[1] = (sum[1] as number) + (points[i * 2 + 1] as number);
        sum[2] = (sum[2] as number) + 1;
      });
      sums.forEach(([x, y, count], c) => {
        if ((count as number) > 0)
          centres[c] = [(x as number) / (count as number), (y as number) / (count as number)];
      });
      if (!moved && it > 0) break;
    }
    const inertia = labels.reduce((s, g, i) => {
      const [x, y] = centres[g] as [number, number];
      return s + distance(i, x, y);
    }, 0);
    if (inertia < bestInertia) [best, bestInertia] = [renumber(labels), inertia];
  }
  return best;
}

/** Labels numbered by size, largest group 0, so that output does not depend on restarts. */
function renumber(labels: readonly number[]): number[] {
  const sizes = new Map<number, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  const order = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([l]) => l);
  const to = new Map(order.map((l, i) => [l, i]));
  return labels.map((l) => to.get(l) as number);
}

/** Mean silhouette of a labelling (on a sample of at most 1,000 points, for speed). */
function silhouette(points: Float64Array, labels: readonly number[], k: number): number {
  const n = labels.length;
  const step = Math.max(1, Math.floor(n / 1000));
  const dist = (i: number, j: number) =>
    Math.hypot(
      (points[i * 2] as number) - (points[j * 2] as number),
      (points[i * 2 + 1] as number) - (points[j * 2 + 1] as number),
    );
  let total = 0;
  let counted = 0;
  for (let i = 0; i < n; i += step) {
    const sums = new Float64Array(k);
    const sizes = new Int32Array(k);
    for (let j = 0; j < n; j += step) {
      if (i === j) continue;
      const g = labels[j] as number;
      sums[g] = (sums[g] as number) + dist(i, j);
      sizes[g] = (sizes[g] as number) + 1;
    }
    const own = labels[i] as number;
    if ((sizes[own] as number) === 0) continue;
    const a = (sums[own] as number) / (sizes[own] as number);
    let b = Number.POSITIVE_INFINITY;
    for (let g = 0; g < k; g++)
      if (g !== own && (sizes[g] as number) > 0)
        b = Math.min(b, (sums[g] as number) / (sizes[g] as number));
    if (!Number.isFinite(b)) continue;
    total += (b - a) / Math.max(a, b);
    counted++;
  }
  return counted > 0 ? total / counted : -1;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
