import type { ThemingConfig } from '../../schemas/consultation.js';
import { appendAll } from '../arrays.js';
import { dot, type Matrix, normalise, rowOf } from '../matrix.js';
import { clusterVectors, selectRows } from './emergent.js';
import { fittingPositions, participantCount, type RowVoices, weightOf } from './row-voices.js';

/** A group of passage rows (indexes into the vectors) with its centre. */
export interface Group {
  rows: number[];
  centre: Float32Array;
}

/** Emergent groups of `rows`, and the rows that fit none. */
export interface Partition {
  groups: Group[];
  other: number[];
  k: number;
  scores: { k: number; score: number }[];
}

/**
 * The least size of a theme: in weighted passages for the clustering, whose sizes are in rows
 * (a long contribution's rows weigh less), and in distinct participants for keeping a group.
 */
export interface LeastSize {
  passages: number;
  participants: number;
}

/**
 * The least size of a theme that must hold `share` of `rows`, and at least `minThemeSize`:
 * `share` of their summed weight in passages and of their distinct participants (counted unless
 * the caller has them).
 */
export function leastSize(
  rows: readonly number[],
  voices: RowVoices,
  share: number,
  minThemeSize: number,
  participants = participantCount(rows, voices),
): LeastSize {
  return {
    passages: Math.max(minThemeSize, Math.ceil(share * weightOf(rows, voices))),
    participants: Math.max(minThemeSize, Math.ceil(share * participants)),
  };
}

/**
 * Clusters the given rows into at most `maxGroups` groups (or `count`, when given: see
 * `ClusterOptions.count`), fitted with each contribution as at most a few passages (see
 * `fittingPositions`), then applies the theme-set rules: groups more similar than
 * `mergeSimilarity` are merged, and groups with fewer distinct participants than
 * `least.participants` or `minParticipants` go to "other". Groups come with the most
 * participants first.
 */
export function partitionRows(
  vectors: Matrix,
  rows: readonly number[],
  voices: RowVoices,
  settings: ThemingConfig,
  maxGroups: number,
  least: LeastSize,
  count?: number,
): Partition {
  const clustering = clusterVectors(selectRows(vectors, rows), {
    maxClusters: maxGroups,
    minClusterSize: least.passages,
    count,
    fitRows: fittingPositions(vectors, rows, voices),
  });
  const members: number[][] = Array.from({ length: clustering.k }, () => []);
  const other: number[] = [];
  clustering.labels.forEach((label, i) => {
    const row = rows[i] as number;
    if (label < 0) other.push(row);
    else members[label]?.push(row);
  });
  const merged = mergeSimilar(vectors, members, settings.mergeSimilarity, voices);
  const leastPeople = Math.max(least.participants, settings.minParticipants);
  const sized: { group: Group; participants: number; weight: number }[] = [];
  for (const group of merged) {
    // A cluster of the sample can be under the minimum in the whole set once rows are assigned.
    const participants = participantCount(group.rows, voices);
    if (participants < leastPeople) appendAll(other, [...group.rows]);
    else sized.push({ group, participants, weight: weightOf(group.rows, voices) });
  }
  sized.sort(
    (a, b) =>
      b.participants - a.participants ||
      b.weight - a.weight ||
      (a.group.rows[0] as number) - (b.group.rows[0] as number),
  );
  return {
    groups: sized.map((s) => s.group),
    other: other.sort((a, b) => a - b),
    k: clustering.k,
    scores: clustering.scores,
  };
}

/** Joins groups whose centres are at least `threshold` similar, most similar pair first. */
function mergeSimilar(
  vectors: Matrix,
  members: number[][],
  threshold: number,
  voices: RowVoices,
): Group[] {
  const centre = (rows: readonly number[]) => centreOf(vectors, rows, voices.weightOf);
  let groups = members
    .filter((rows) => rows.length > 0)
    .map((rows) => ({ rows, centre: centre(rows) }));
  for (;;) {
    let best: [number, number] | undefined;
    let bestSimilarity = threshold;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const similarity = dot((groups[a] as Group).centre, (groups[b] as Group).centre);
        if (similarity >= bestSimilarity) [best, bestSimilarity] = [[a, b], similarity];
      }
    }
    if (!best) return groups;
    const [a, b] = best;
    const rows = [...(groups[a] as Group).rows, ...(groups[b] as Group).rows].sort((x, y) => x - y);
    groups = groups.filter((_, i) => i !== a && i !== b);
    groups.push({ rows, centre: centre(rows) });
  }
}

/** The unit-length mean of the given rows, each weighing `weightOf(row)` (default 1). */
export function centreOf(
  vectors: Matrix,
  rows: readonly number[],
  weightOf: (row: number) => number = () => 1,
): Float32Array {
  const centre = new Float32Array(vectors.dims);
  for (const row of rows) {
    const v = rowOf(vectors, row);
    const w = weightOf(row);
    for (let d = 0; d < centre.length; d++)
      centre[d] = (centre[d] as number) + w * (v[d] as number);
  }
  normalise(centre);
  return centre;
}
