// Applies the facilitators' decisions to the themes: the one module that does.
import type {
  DecisionOutcome,
  ReviewEntry,
  ReviewedThemes,
  ReviewLog,
} from '../../schemas/review.js';
import type { Themes } from '../../schemas/themes.js';
import { type Decision, decisionStates } from './active.js';
import { Checkpoints } from './checkpoints.js';
import { type PassageFacts, ReviewState, targetName } from './review-state.js';

export { contributionOfPassage, type PassageFacts, promotedThemeId } from './review-state.js';

/**
 * Applies the facilitators' decisions (`review.json`) to the themes the pipeline found: the one
 * place that does, used by the review stage and by the review app, so the two cannot disagree.
 * Decisions apply in order, undone ones skipped. A decision whose themes or passages no longer
 * exist (an earlier stage re-ran on changed input) is not dropped in silence: it is reported as
 * orphaned with the reason. `base` holds the passages that existed when the review began
 * (null: unknown), to mark the passages added since.
 */
export function applyReview(
  found: Themes,
  log: ReviewLog | null,
  facts: PassageFacts,
  base: ReadonlySet<string> | null,
): ReviewedThemes {
  return ReviewApplication.of(found, log, facts, false).result(base);
}

/** The decisions applied so far, each in force or not, and the state they leave. */
interface Applied {
  state: ReviewState;
  decisions: Decision[];
  /** Whether each decision was applied as in force. */
  inForce: boolean[];
  outcomes: DecisionOutcome[];
}

/**
 * The log applied to the themes, kept so that decisions appended later apply on top of it
 * rather than from the start (at 100,000 passages, re-applying the log costs about a second;
 * one more decision, milliseconds). An undo or redo changes which earlier decisions are in
 * force: the state goes back to the checkpoint (see `Checkpoints`) before the first decision
 * whose standing changed, and the decisions from there apply again; the state it left is kept,
 * so that the redo of that undo (or the undo of that redo) returns to it at once. The result
 * is the same as `applyReview` on the longer log.
 */
export class ReviewApplication {
  private readonly entries: ReviewEntry[] = [];
  private readonly checkpoints: Checkpoints;
  private now: Applied;
  /** The application as the last step back left it. */
  private left: Applied | null = null;
  private reviewed: boolean;

  private constructor(state: ReviewState, log: ReviewLog | null, undoable: boolean) {
    this.checkpoints = new Checkpoints(state, undoable);
    this.now = { state, decisions: [], inForce: [], outcomes: [] };
    this.reviewed = log !== null;
    this.extend(log?.decisions ?? []);
  }

  /**
   * Applies a whole log (null: no review yet) to the themes found. `undoable` (default true)
   * keeps checkpoints for undo and redo; without, an undo or redo applies the log again.
   */
  static of(
    found: Themes,
    log: ReviewLog | null,
    facts: PassageFacts,
    undoable = true,
  ): ReviewApplication {
    return new ReviewApplication(new ReviewState(found, facts), log, undoable);
  }

  /** Applies entries just appended to the log, undo and redo included. */
  extend(entries: readonly ReviewEntry[]): void {
    if (entries.length === 0) return;
    this.reviewed = true;
    for (const entry of entries) this.entries.push(entry);
    const { decisions, active } = decisionStates({ decisions: this.entries });
    const differs = (a: Applied) =>
      a.decisions.findIndex((d, i) => a.inForce[i] !== active.has(d.n));
    const changed = differs(this.now);
    if (changed >= 0 && this.left && differs(this.left) < 0) {
      // The checkpoints after `changed` were taken with the other standing.
      this.checkpoints.forget(changed);
      [this.now, this.left] = [this.left, this.now];
    } else if (changed >= 0) {
      const { position, state } = this.checkpoints.back(changed);
      const { decisions: applied, inForce, outcomes } = this.now;
      this.left = this.now;
      this.now = {
        state,
        decisions: applied.slice(0, position),
        inForce: inForce.slice(0, position),
        outcomes: outcomes.slice(0, position),
      };
    }
    for (const decision of decisions.slice(this.now.decisions.length))
      this.take(decision, active.has(decision.n), decisions.length);
    if (changed >= 0 && this.left) this.now.state.adopt(this.left.state);
  }

  /** The themes (id and label) holding any of `passages` as the decisions so far leave them. */
  themesHolding(passages: ReadonlySet<string>): [string, string][] {
    return this.now.state.themesHolding(passages);
  }

  /** The reviewed themes as the decisions so far leave them. */
  result(base: ReadonlySet<string> | null): ReviewedThemes {
    const { state, outcomes, decisions } = this.now;
    return state.result(this.reviewed, outcomes, decisions, base);
  }

  /** The id a theme of `themes.json` goes by now (see `ReviewState.successorOf`). */
  successorOf(id: string): { id: string; joined: boolean } {
    return this.now.state.successorOf(id);
  }

  /** Applies the next of `count` decisions. */
  private take(decision: Decision, active: boolean, count: number): void {
    const { state, decisions, inForce, outcomes } = this.now;
    this.checkpoints.keep(decisions.length, count, state);
    decisions.push(decision);
    inForce.push(active);
    if (!active) {
      outcomes.push(outcome(decision, 'undone', 'undone'));
      return;
    }
    const problem = state.apply(decision);
    outcomes.push(
      problem === null
        ? outcome(decision, 'applied', describeDecision(decision))
        : outcome(decision, 'orphaned', problem),
    );
  }
}

function outcome(
  decision: Decision,
  status: DecisionOutcome['status'],
  detail: string,
): DecisionOutcome {
  return { n: decision.n, kind: decision.action.kind, status, detail };
}

/** What a decision does, in a few words (`"Sports" renamed "Leisure"`). */
export function describeDecision(decision: Decision): string {
  const { action } = decision;
  switch (action.kind) {
    case 'rename':
      return `"${action.theme.label}" renamed "${action.label}"`;
    case 'merge':
      return `${action.themes.map((t) => `"${t.label}"`).join(', ')} merged into "${action.into.label}"`;
    case 'split':
      return `${action.passages.length} passages of "${action.theme.label}" split into "${action.label}"${action.topLevel ? ' (top-level)' : ''}`;
    case 'nest':
      return action.under
        ? `"${action.theme.label}" moved under "${action.under.label}"`
        : `"${action.theme.label}" made top-level`;
    case 'move':
      return `${action.passages.length} passages moved to ${action.to ? `"${action.to.label}"` : 'other ideas'}`;
    case 'exclude':
      return `${targetName(action.target)} excluded (${action.reason})`;
    case 'restore':
      return `${targetName(action.target)} restored`;
    case 'pin':
      return `passage ${action.passage} ${action.pinned ? 'pinned' : 'unpinned'} as ${action.as} of "${action.theme.label}"`;
    case 'promote':
      return `"${action.theme.label}" promoted into the taxonomy`;
    case 'approve':
      return `"${action.theme.label}" ${action.approved ? 'approved' : 'back to review'}`;
    case 'note':
      return action.theme ? `note on "${action.theme.label}"` : 'note on the review';
  }
}
