import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import type { ReviewAction, ReviewedThemes, ReviewLog } from '../../schemas/review.js';
import type { Themes } from '../../schemas/themes.js';
import { type RunOptions, type RunSummary, runPipeline } from '../runner.js';
import { passageFacts } from '../stages/review.js';
import { type PassageFacts, ReviewApplication } from './apply.js';
import { type Requester, TouchHistory } from './conflicts.js';
import { appendDecisions, readReviewBase, readReviewLog } from './review-log.js';
import { indexState } from './state-view.js';
import {
  addHolders,
  addTouches,
  noTouches,
  type Touches,
  touchContext,
  touchesOf,
} from './touches.js';

/** Everything the review app and the spreadsheet import work on: one run folder's themes. */
export interface ReviewSession {
  outDir: string;
  /** The run that brought the folder up to the review stage. */
  run: RunSummary;
  /** The themes stage's output, before any decision. */
  found: Themes;
  records: ReadonlyMap<string, CleanRecord>;
  contributions: ReadonlyMap<string, Contribution>;
  facts: PassageFacts;
  /** The log as it stands (null before the first decision) and its revision (its length). */
  log(): ReviewLog | null;
  revision(): number;
  /** The themes with every decision in force applied (by apply.ts, as in the review stage). */
  state(): ReviewedThemes;
  /**
   * Adds decisions taken on `revision` by `tab` (if any), on top of those appended since when
   * they touch other themes and passages; else refused with a `StaleReviewError` naming the
   * conflict. Calls run one after the other.
   */
  decide(
    actions: readonly ReviewAction[],
    revision: number,
    reviewer: string | null,
    tab?: string,
  ): Promise<ReviewedThemes>;
}

/**
 * Opens a run folder for review: runs the pipeline up to the review stage (from cache when
 * nothing changed, so a fresh folder gets its themes first), then keeps the artifacts in memory.
 * The caller holds the run folder's lock (`holdsLock`), as the app does for as long as it runs.
 */
export async function openReviewSession(
  options: Omit<RunOptions, 'to' | 'from'>,
): Promise<ReviewSession> {
  return reviewSessionOf(await runPipeline({ ...options, to: 'review' }));
}

/** A session on a run that reached the review stage (or went past it, as a rebuild does). */
export async function reviewSessionOf(run: RunSummary): Promise<ReviewSession> {
  return createReviewSession({
    run,
    found: await run.load('themes'),
    clean: await run.load('clean'),
    contributions: await run.load('contributions'),
    log: (await readReviewLog(run.outDir))?.log ?? null,
    base: await readReviewBase(run.outDir),
  });
}

/** What a session is made of: a run's artifacts and its review log as read. */
export interface SessionParts {
  run: RunSummary;
  found: Themes;
  clean: readonly CleanRecord[];
  contributions: readonly Contribution[];
  log: ReviewLog | null;
  /** The passages that existed when the review began; null before the first decision. */
  base: ReadonlySet<string> | null;
}

/** A session from artifacts in memory (the benchmark builds them without a pipeline run). */
export function createReviewSession(parts: SessionParts): ReviewSession {
  const { run, found } = parts;
  const { outDir } = run;
  const facts = passageFacts(parts.clean, parts.contributions, run.config.config);
  let base = parts.base;
  let log = parts.log;
  const application = ReviewApplication.of(found, log, facts);
  let state = application.result(base);
  const records = new Map(parts.clean.map((r) => [r.id, r]));
  const history = new TouchHistory(log?.decisions.length ?? 0);
  const context = () =>
    touchContext(
      indexState(state),
      application,
      log,
      (id) => records.get(id)?.passages.map((p) => p.id) ?? [],
      (n) => history.touchedBy(n),
    );
  let queue: Promise<unknown> = Promise.resolve();

  async function decideNow(
    actions: readonly ReviewAction[],
    revision: number,
    requester: Requester,
  ): Promise<ReviewedThemes> {
    const before = context();
    const touches = actions.map((action) => touchesOf(action, before));
    const incoming = noTouches();
    for (const t of touches) addTouches(incoming, t);
    const from = log?.decisions.length ?? 0;
    const written = await appendDecisions(outDir, {
      revision,
      reviewer: requester.reviewer,
      tab: requester.tab,
      actions,
      passageIds: facts.passageIds,
      conflict: (since, current) => history.conflict(since, incoming, requester, current),
    });
    log = written.log;
    base ??= new Set(facts.passageIds);
    application.extend(log.decisions.slice(from));
    state = application.result(base);
    record(from, touches);
    return state;
  }

  /** Records what the decisions appended after `from` touched, with where passages are now. */
  function record(from: number, touches: readonly Touches[]): void {
    const after = context();
    touches.forEach((t, i) => {
      addHolders(t, t.passages, after);
      history.record(from + i + 1, t);
    });
  }

  return {
    outDir,
    run,
    found,
    records,
    contributions: new Map(parts.contributions.map((c) => [c.id, c])),
    facts,
    log: () => log,
    revision: () => log?.decisions.length ?? 0,
    state: () => state,
    decide(actions, revision, reviewer, tab) {
      const next = queue
        .catch(() => {})
        .then(() => decideNow(actions, revision, { reviewer, tab }));
      queue = next;
      return next;
    },
  };
}
