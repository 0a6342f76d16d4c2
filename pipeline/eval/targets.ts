// The quality targets of issue 12, per dev set, and how a run's figures measure up to them.
import type { EvalSetId, TargetCheck } from '../../schemas/theme-eval.js';

/**
 * A target on one figure (named within its set, `<row>.<figure>`): at least a fixed value, or
 * beating another row's figure (strictly more, or at least `by` more when `by` is given).
 */
export type Target =
  | { figure: string; atLeast: number }
  | { figure: string; beats: string; by?: number };

/** What the tool's themes should reach on each set (issue 12). */
export const SET_TARGETS: Readonly<Record<EvalSetId, readonly Target[]>> = {
  argkp: [
    { figure: 'tool.guidedAccuracy', atLeast: 0.62 },
    { figure: 'tool.guidedAccuracy', beats: 'nearest-vectors.guidedAccuracy', by: 0.05 },
    { figure: 'tool.nmi', atLeast: 0.35 },
    { figure: 'tool.nmi', beats: 'sif-kmeans-true-k.nmi' },
  ],
  banking77: [{ figure: 'tool.guidedAccuracy', beats: 'nearest-vectors.guidedAccuracy', by: 0.05 }],
  'cycling-de': [
    { figure: 'tool.nmi', beats: 'tfidf-kmeans-true-k.nmi' },
    { figure: 'tool.guidedAccuracy', beats: 'largest.guidedAccuracy' },
    { figure: 'tool.guidedAccuracy', beats: 'nearest-vectors.guidedAccuracy' },
  ],
  stability: [
    { figure: '3000.ari', atLeast: 0.8 },
    { figure: '10000.ari', atLeast: 0.8 },
  ],
};

/**
 * Checks the set's targets against the run's figures (full names, `<set>.<row>.<figure>`).
 * A target whose figure the run did not make (a smaller stability run) is left out; one whose
 * figure is missing otherwise is not met.
 */
export function checkTargets(
  set: EvalSetId,
  figures: Readonly<Record<string, number>>,
): TargetCheck[] {
  return SET_TARGETS[set].flatMap((target) => {
    const name = `${set}.${target.figure}`;
    const value = figures[name] ?? null;
    if (set === 'stability' && value === null) return [];
    if ('atLeast' in target) {
      const threshold = target.atLeast;
      const met = value !== null && value >= threshold;
      return [{ figure: name, target: `>= ${threshold.toFixed(2)}`, value, threshold, met }];
    }
    const other = figures[`${set}.${target.beats}`] ?? null;
    const by = target.by ?? 0;
    const threshold = other === null ? null : other + by;
    const met =
      value !== null && threshold !== null && (by > 0 ? value >= threshold : value > threshold);
    const row = target.beats.slice(0, target.beats.lastIndexOf('.'));
    const text = by > 0 ? `>= ${row} + ${by.toFixed(2)}` : `> ${row}`;
    return [{ figure: name, target: text, value, threshold, met }];
  });
}

/** The run's figures by full name: `<set>.<row>.<figure>` for every non-null figure. */
export function figuresOf(
  set: EvalSetId,
  rows: readonly (Record<string, unknown> & { id: string })[],
): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (key !== 'seconds' && typeof value === 'number')
        figures[`${set}.${row.id}.${key}`] = value;
    }
  }
  return figures;
}
