// Which decisions of the log are in force, and what one tab's undo and redo act on.
import type { ReviewEntry, ReviewLog } from '../../schemas/review.js';

/** A decision that is not an undo or redo. */
export type Decision = ReviewEntry & {
  action: Exclude<ReviewEntry['action'], { kind: 'undo' | 'redo' }>;
};

/** The log's decisions with whether each is in force (not undone, or undone and redone). */
export interface DecisionStates {
  decisions: Decision[];
  active: ReadonlySet<number>;
  /** Decisions the tab's next undo and redo act on (null when there is none). */
  undoable: number | null;
  redoable: number | null;
}

/**
 * Folds the undo and redo entries into which decisions are in force (for everyone) and what
 * `tab`'s undo and redo act on (default: the entries that name no tab, as old logs have).
 * Undo takes back the tab's latest decision in force; redo restores the tab's latest undone
 * one, as long as the tab took no new decision after the undo (as in any editor). Another tab's
 * decisions neither offer themselves to this tab's undo nor clear its redo.
 */
export function decisionStates(
  log: Pick<ReviewLog, 'decisions'> | null,
  tab?: string,
): DecisionStates {
  const decisions: Decision[] = [];
  const active = new Set<number>();
  const redoStacks = new Map<string | undefined, number[]>();
  const redoStack = (of: string | undefined) => {
    let stack = redoStacks.get(of);
    if (!stack) {
      stack = [];
      redoStacks.set(of, stack);
    }
    return stack;
  };
  for (const entry of log?.decisions ?? []) {
    const { action } = entry;
    if (action.kind === 'undo') {
      if (active.delete(action.decision)) redoStack(entry.tab).push(action.decision);
    } else if (action.kind === 'redo') {
      const stack = redoStack(entry.tab);
      if (stack.at(-1) === action.decision) {
        stack.pop();
        active.add(action.decision);
      }
    } else {
      decisions.push(entry as Decision);
      active.add(entry.n);
      redoStacks.delete(entry.tab);
    }
  }
  let undoable: number | null = null;
  for (const decision of decisions)
    if (decision.tab === tab && active.has(decision.n)) undoable = decision.n;
  return { decisions, active, undoable, redoable: redoStacks.get(tab)?.at(-1) ?? null };
}
