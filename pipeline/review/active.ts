import type { ReviewEntry, ReviewLog } from '../../schemas/review.js';

/** A decision that is not an undo or redo. */
export type Decision = ReviewEntry & {
  action: Exclude<ReviewEntry['action'], { kind: 'undo' | 'redo' }>;
};

/** The log's decisions with whether each is in force (not undone, or undone and redone). */
export interface DecisionStates {
  decisions: Decision[];
  active: ReadonlySet<number>;
  /** Decisions the next undo and redo act on (null when there is none). */
  undoable: number | null;
  redoable: number | null;
}

/**
 * Folds the undo and redo entries into which decisions are in force. Undo takes back the latest
 * decision in force; redo restores the latest undone one, as long as no new decision came after
 * the undo (as in any editor).
 */
export function decisionStates(log: ReviewLog | null): DecisionStates {
  const decisions: Decision[] = [];
  const active = new Set<number>();
  let redoStack: number[] = [];
  for (const entry of log?.decisions ?? []) {
    const { action } = entry;
    if (action.kind === 'undo') {
      if (active.delete(action.decision)) redoStack.push(action.decision);
    } else if (action.kind === 'redo') {
      if (redoStack.at(-1) === action.decision) {
        redoStack.pop();
        active.add(action.decision);
      }
    } else {
      decisions.push(entry as Decision);
      active.add(entry.n);
      redoStack = [];
    }
  }
  let undoable: number | null = null;
  for (const decision of decisions) if (active.has(decision.n)) undoable = decision.n;
  return { decisions, active, undoable, redoable: redoStack.at(-1) ?? null };
}
