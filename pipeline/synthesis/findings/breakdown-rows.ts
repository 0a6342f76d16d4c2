// A breakdown's rows: each group's share against the rest's, tested, then all tests corrected together.
import type { BreakdownRow, Breakdowns, GroupShare } from '../../../schemas/findings.js';
import type { GroupedAttribute } from './breakdown-groups.js';
import { compareProportions, holmAdjust } from './breakdown-stats.js';

/** A row to compute: what it is, and what each participant did. */
export interface RowSpec {
  kind: BreakdownRow['kind'];
  id: string;
  label: string;
  /**
   * By participant index: 1, a hit (raised the theme, in favour, answered yes); 0, a miss; -1,
   * not counted in the row's base (took no side, gave no yes or no).
   */
  states: Int8Array;
}

/**
 * A row of an attribute's breakdown: per group, its base and hits against those of every other
 * group together, tested (see `compareProportions`) when both bases reach `minGroup`.
 * `adjusted` and `marked` are set later, by `markDifferences`, across all rows.
 */
export function breakdownRow(spec: RowSpec, grouped: GroupedAttribute, minGroup: number) {
  const bases = grouped.groups.map(() => 0);
  const counts = grouped.groups.map(() => 0);
  const { groupOf } = grouped;
  const { states } = spec;
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i] as number;
    const state = states[i] as number;
    if (g < 0 || state < 0) continue;
    bases[g] = (bases[g] as number) + 1;
    counts[g] = (counts[g] as number) + state;
  }
  const allBase = bases.reduce((a, b) => a + b, 0);
  const allCount = counts.reduce((a, b) => a + b, 0);
  const cells = bases.map((base, g): GroupShare => {
    const count = counts[g] as number;
    const [restBase, restCount] = [allBase - base, allCount - count];
    const tested = base >= minGroup && restBase >= minGroup;
    const test = tested ? compareProportions(count, base, restCount, restBase) : null;
    return {
      base,
      count,
      restBase,
      restCount,
      test: test?.test ?? null,
      p: test ? round(test.p) : null,
      adjusted: null,
      marked: false,
    };
  });
  return { kind: spec.kind, id: spec.id, label: spec.label, cells };
}

/**
 * Every tested cell's p-value adjusted by Holm's method across all of them, and marked where
 * the adjusted value is under `alpha` and the group's share is at least `minDifference` from
 * the rest's. With two groups, each is the other's rest: one test, whose result both cells
 * take. Returns how many tests were made.
 */
export function markDifferences(
  attributes: Breakdowns['attributes'],
  alpha: number,
  minDifference: number,
): number {
  const tested = attributes.flatMap((a) =>
    a.rows.flatMap((row) => {
      const cells = row.cells.length === 2 ? row.cells.slice(0, 1) : row.cells;
      return cells.filter((cell) => cell.p !== null).map((cell) => ({ cell, row }));
    }),
  );
  const adjusted = holmAdjust(tested.map(({ cell }) => cell.p as number));
  tested.forEach(({ cell, row }, i) => {
    const value = adjusted[i] as number;
    const marked = value < alpha && Math.abs(shareGap(cell)) >= minDifference - 1e-9;
    const same = row.cells.length === 2 ? row.cells : [cell];
    for (const each of same) {
      each.adjusted = round(value);
      each.marked = marked;
    }
  });
  return tested.length;
}

/** The group's share minus the rest's (0 where either base is empty). */
export function shareGap(cell: GroupShare): number {
  if (cell.base === 0 || cell.restBase === 0) return 0;
  return cell.count / cell.base - cell.restCount / cell.restBase;
}

/** Six significant digits: enough for any decision, and stable in `findings.json`. */
function round(p: number): number {
  return Number(p.toPrecision(6));
}
