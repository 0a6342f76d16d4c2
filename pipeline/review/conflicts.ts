// Whether decisions taken on an older revision conflict with those appended since.
import type { ReviewEntry, ReviewLog } from '../../schemas/review.js';
import type { Decision } from './active.js';
import { describeDecision } from './apply.js';
import { overlap, type Touches } from './touches.js';

/** Who sends decisions: the browser tab and the reviewer's name. */
export interface Requester {
  tab: string | undefined;
  reviewer: string | null;
}

/**
 * What each decision appended by this process touched (`touches.ts`), to judge decisions taken
 * on an older revision: they go through when the decisions since touched other themes and
 * passages. Decisions from before the process started (up to `from`) are not known, so any of
 * them since a request's revision is a conflict.
 */
export class TouchHistory {
  private readonly touched = new Map<number, Touches>();

  /** `from`: the log's revision when this process opened it. */
  constructor(private readonly from: number) {}

  /** Records what decision `n` touched. */
  record(n: number, touches: Touches): void {
    this.touched.set(n, touches);
  }

  /** What decision `n` touched, when this process appended it. */
  touchedBy(n: number): Touches | undefined {
    return this.touched.get(n);
  }

  /**
   * Why decisions touching `incoming` cannot go on top of `since` (the entries appended after
   * the revision they were taken on), in one sentence naming the theme or passage; or null.
   */
  conflict(
    since: readonly ReviewEntry[],
    incoming: Touches,
    requester: Requester,
    log: ReviewLog,
  ): string | null {
    for (const entry of since) {
      const touched = entry.n > this.from ? this.touched.get(entry.n) : undefined;
      const shared = touched ? overlap(incoming, touched) : { review: true };
      if (!shared) continue;
      const what =
        'theme' in shared
          ? `"${shared.label}"`
          : 'passage' in shared
            ? `passage ${shared.passage}`
            : 'the review';
      return `Not recorded: ${what} was changed ${where(entry, requester)} (${detail(entry, log)}) since your page loaded`;
    }
    return null;
  }
}

/** "by Ana" when another reviewer took it, else "in another tab". */
function where(entry: ReviewEntry, requester: Requester): string {
  return entry.reviewer && entry.reviewer !== requester.reviewer
    ? `by ${entry.reviewer}`
    : 'in another tab';
}

/** What the entry did: `"Sports" renamed "Leisure"`, or that it undid or redid one. */
function detail(entry: ReviewEntry, log: ReviewLog): string {
  const { action } = entry;
  if (action.kind !== 'undo' && action.kind !== 'redo') return describeDecision(entry as Decision);
  const target = log.decisions[action.decision - 1];
  const done = action.kind === 'undo' ? 'undone' : 'redone';
  return target && target.action.kind !== 'undo' && target.action.kind !== 'redo'
    ? `${describeDecision(target as Decision)}: ${done}`
    : `decision ${action.decision} ${done}`;
}
