// Who stands behind each passage row, and how much it weighs when themes are found and named.
import { passageWeights } from '../contribution-weights.js';
import { contentHash, hashSample } from '../hash-sample.js';
import { type Matrix, rowOf } from '../matrix.js';

/** The people and weight behind each passage row of the vectors. */
export interface RowVoices {
  /** Its contribution and the duplicates merged into it (extra voices); the first is its own. */
  contributionsOf(row: number): readonly string[];
  /** Its author and the authors of its duplicates. */
  participantsOf(row: number): readonly string[];
  /** Its weight in clustering and labelling (see `passageWeights`). */
  weightOf(row: number): number;
}

/**
 * The voices of passage rows from each row's contributions (its own first) and participants:
 * a contribution's passages share at most CONTRIBUTION_WEIGHT_CAP passages' weight.
 */
export function rowVoices(
  contributionsOf: readonly (readonly string[])[],
  participantsOf: readonly (readonly string[])[],
): RowVoices {
  const weights = passageWeights(contributionsOf.map((ids) => ids[0] ?? ''));
  return {
    contributionsOf: (row) => contributionsOf[row] ?? [],
    participantsOf: (row) => participantsOf[row] ?? [],
    weightOf: (row) => weights[row] ?? 1,
  };
}

/** Distinct participants behind the rows: the size every theme threshold and ranking counts. */
export function participantCount(rows: Iterable<number>, voices: RowVoices): number {
  const people = new Set<string>();
  for (const row of rows) for (const person of voices.participantsOf(row)) people.add(person);
  return people.size;
}

/** The summed weight of the rows. */
export function weightOf(rows: Iterable<number>, voices: RowVoices): number {
  let sum = 0;
  for (const row of rows) sum += voices.weightOf(row);
  return sum;
}

/**
 * The positions in `rows` a clustering is fitted on: each contribution's rows as many as their
 * weight rounds to (at least one, all of them at full weight), the ones whose vectors hash
 * lowest, so that a contribution of 3,000 passages shapes the clusters like one of five. The
 * rest are assigned to the clusters found. Ascending.
 */
export function fittingPositions(
  vectors: Matrix,
  rows: readonly number[],
  voices: RowVoices,
): number[] {
  const byContribution = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const id = voices.contributionsOf(row)[0] ?? '';
    const positions = byContribution.get(id);
    if (positions) positions.push(i);
    else byContribution.set(id, [i]);
  });
  const fitting: number[] = [];
  for (const positions of byContribution.values()) {
    const weight = positions.reduce((sum, i) => sum + voices.weightOf(rows[i] as number), 0);
    const size = Math.max(1, Math.round(weight));
    const hashOf = (i: number) => contentHash(rowOf(vectors, rows[i] as number));
    for (const i of hashSample(positions, size, hashOf)) fitting.push(i);
  }
  return fitting.sort((a, b) => a - b);
}
