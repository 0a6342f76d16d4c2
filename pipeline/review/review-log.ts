import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ReviewAction, type ReviewEntry, ReviewLog } from '../../schemas/review.js';
import { writeFileAtomic } from '../atomic-write.js';
import { ArtifactError, StaleReviewError } from '../errors.js';
import { sha256 } from '../hash.js';
import { formatIssues } from '../zod-issues.js';

/** The decision log's file in the run folder, and the passages that existed when it began. */
export const REVIEW_FILE = 'review.json';
export const REVIEW_BASE_FILE = 'review-base.txt';

/** The log as read, with the SHA-256 of its bytes (part of the review stage's cache key). */
export interface ReadReviewLog {
  log: ReviewLog;
  hash: string;
}

/** Reads and validates `review.json`; null when the run has not been reviewed. */
export async function readReviewLog(outDir: string): Promise<ReadReviewLog | null> {
  const file = join(outDir, REVIEW_FILE);
  const bytes = await readIfExists(file);
  if (bytes === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ArtifactError(`${file} is not valid JSON: ${(error as Error).message}`, file);
  }
  const parsed = ReviewLog.safeParse(data);
  if (!parsed.success)
    throw new ArtifactError(
      `${file} is not a valid review log: ${formatIssues(parsed.error)}`,
      file,
    );
  return { log: parsed.data, hash: sha256(bytes) };
}

/** The passages that existed when the review began, or null when unknown. */
export async function readReviewBase(outDir: string): Promise<Set<string> | null> {
  const bytes = await readIfExists(join(outDir, REVIEW_BASE_FILE));
  return bytes === null ? null : new Set(bytes.toString('utf8').split('\n').filter(Boolean));
}

/** What a client adds to the log: decisions taken on the log as it stood at `revision`. */
export interface Append {
  revision: number;
  reviewer: string | null;
  /** The browser tab that took them (recorded in each entry), if any. */
  tab?: string | undefined;
  actions: readonly ReviewAction[];
  /** Every passage of the run now: the base of a log that does not exist yet. */
  passageIds: readonly string[];
  /** The time to record (ISO); default now. */
  at?: string;
  /**
   * Why the decisions conflict with `since` (the entries appended after `revision`), or null
   * when they may go on top. Default: any entry since is a conflict.
   */
  conflict?: (since: readonly ReviewEntry[], log: ReviewLog) => string | null;
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Appends decisions to `review.json`, atomically, and returns the new log. Decisions were taken
 * on the state the client saw: when the log has moved on since (`revision` is older) and
 * `conflict` finds the entries since in conflict with them, nothing is written and a
 * `StaleReviewError` says why, so that two tabs or two reviewers never overwrite each other.
 * Appends within a process queue one after the other; across processes the run folder's lock
 * keeps a second writer out.
 */
export function appendDecisions(outDir: string, append: Append): Promise<ReadReviewLog> {
  const previous = queues.get(outDir) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(() => appendNow(outDir, append));
  queues.set(outDir, next);
  return next;
}

async function appendNow(outDir: string, append: Append): Promise<ReadReviewLog> {
  const current = await readReviewLog(outDir);
  const revision = current?.log.decisions.length ?? 0;
  if (append.revision > revision || (append.revision < revision && !append.conflict))
    throw staleReview(append.revision, revision);
  if (current && append.revision < revision) {
    const problem = append.conflict?.(current.log.decisions.slice(append.revision), current.log);
    if (problem) throw new StaleReviewError(problem, revision);
  }
  let log = current?.log;
  if (!log) {
    const base = `${append.passageIds.join('\n')}\n`;
    await writeFileAtomic(join(outDir, REVIEW_BASE_FILE), [base]);
    log = {
      format: 'consultation-brief review',
      version: 1,
      base: { passages: append.passageIds.length, hash: sha256(base) },
      decisions: [],
    };
  }
  const at = append.at ?? new Date().toISOString();
  const decisions = [...log.decisions];
  for (const action of append.actions)
    decisions.push({
      n: decisions.length + 1,
      at,
      reviewer: append.reviewer,
      ...(append.tab === undefined ? {} : { tab: append.tab }),
      action,
    });
  const next = ReviewLog.parse({ ...log, decisions });
  const text = `${JSON.stringify(next, null, 1)}\n`;
  const written = await writeFileAtomic(join(outDir, REVIEW_FILE), [text]);
  return { log: next, hash: written.hash };
}

/** The error for decisions taken on revision `seen` of a log now at revision `now`. */
export function staleReview(seen: number, now: number): StaleReviewError {
  return new StaleReviewError(
    `The review has changed since this page loaded (revision ${seen}, now ${now}): reload to see the current state`,
    now,
  );
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
