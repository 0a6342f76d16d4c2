// Applies the facilitators' decisions to the themes: the one module that does.
import type {
  DecisionOutcome,
  ReviewEntry,
  ReviewedThemes,
  ReviewLog,
} from '../../schemas/review.js';
import type { Themes } from '../../schemas/themes.js';
import { type Decision, decisionStates } from './active.js';
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
  return ReviewApplication.of(found, log, facts).result(base);
}

/**
 * The log applied to the themes, kept so that decisions appended later apply on top of it
 * rather than from the start (at 100,000 passages, re-applying the log costs about a second;
 * one more decision, milliseconds). The result is the same as `applyReview` on the longer log.
 */
export class ReviewApplication {
  private readonly outcomes: DecisionOutcome[] = [];
  private readonly decisions: Decision[] = [];
  private reviewed: boolean;

  private constructor(
    private readonly state: ReviewState,
    log: ReviewLog | null,
  ) {
    this.reviewed = log !== null;
    const { decisions, active } = decisionStates(log);
    for (const decision of decisions) this.take(decision, active.has(decision.n));
  }

  /** Applies a whole log (null: no review yet) to the themes found. */
  static of(found: Themes, log: ReviewLog | null, facts: PassageFacts): ReviewApplication {
    return new ReviewApplication(new ReviewState(found, facts), log);
  }

  /**
   * Applies entries just appended to the log. Returns false, applying nothing, when one is an
   * undo or redo: those change which earlier decisions are in force, so the log must be
   * applied again from the start.
   */
  extend(entries: readonly ReviewEntry[]): boolean {
    if (entries.some((e) => e.action.kind === 'undo' || e.action.kind === 'redo')) return false;
    this.reviewed = true;
    for (const entry of entries) this.take(entry as Decision, true);
    return true;
  }

  /** The themes (id and label) holding any of `passages` as the decisions so far leave them. */
  themesHolding(passages: ReadonlySet<string>): [string, string][] {
    return this.state.themesHolding(passages);
  }

  /** The reviewed themes as the decisions so far leave them. */
  result(base: ReadonlySet<string> | null): ReviewedThemes {
    return this.state.result(this.reviewed, this.outcomes, this.decisions, base);
  }

  /** The id a theme of `themes.json` goes by now (see `ReviewState.successorOf`). */
  successorOf(id: string): { id: string; joined: boolean } {
    return this.state.successorOf(id);
  }

  private take(decision: Decision, active: boolean): void {
    this.decisions.push(decision);
    if (!active) {
      this.outcomes.push(outcome(decision, 'undone', 'undone'));
      return;
    }
    const problem = this.state.apply(decision);
    this.outcomes.push(
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
