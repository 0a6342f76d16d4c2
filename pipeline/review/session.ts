import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import type { ReviewAction, ReviewedThemes, ReviewLog } from '../../schemas/review.js';
import type { Themes } from '../../schemas/themes.js';
import { type RunOptions, type RunSummary, runPipeline } from '../runner.js';
import { passageFacts } from '../stages/review.js';
import { type PassageFacts, ReviewApplication } from './apply.js';
import { appendDecisions, readReviewBase, readReviewLog } from './review-log.js';

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
   * Adds decisions taken on `revision`; refused with a `StaleReviewError` when the log moved on.
   */
  decide(
    actions: readonly ReviewAction[],
    revision: number,
    reviewer: string | null,
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
  let application = ReviewApplication.of(found, log, facts);
  let state = application.result(base);
  return {
    outDir,
    run,
    found,
    records: new Map(parts.clean.map((r) => [r.id, r])),
    contributions: new Map(parts.contributions.map((c) => [c.id, c])),
    facts,
    log: () => log,
    revision: () => log?.decisions.length ?? 0,
    state: () => state,
    async decide(actions, revision, reviewer) {
      const written = await appendDecisions(outDir, {
        revision,
        reviewer,
        actions,
        passageIds: facts.passageIds,
      });
      log = written.log;
      base ??= new Set(facts.passageIds);
      // New decisions apply on top of the state; an undo or redo re-applies the whole log.
      if (!application.extend(log.decisions.slice(revision)))
        application = ReviewApplication.of(found, log, facts);
      state = application.result(base);
      return state;
    },
  };
}
