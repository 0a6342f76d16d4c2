// `brief review --export` / `--import`: the review as a spreadsheet, one row per passage.
import type { ReviewAction, ReviewLog } from '../../schemas/review.js';
import { applyReview } from './apply.js';
import type { ReviewSession } from './session.js';
import { readReviewSheet, writeReviewSheet } from './sheet-file.js';
import { planSheetImport, type SheetPlan } from './sheet-import.js';
import { reviewSheetRows } from './sheet-rows.js';

/**
 * Writes one row per passage (see `ReviewSheetRow`) to a .csv or .xlsx file, from the
 * session's reviewed themes; returns the number of rows.
 */
export async function exportReviewSheet(session: ReviewSession, file: string): Promise<number> {
  const texts = new Map<string, string>();
  for (const record of session.records.values())
    for (const passage of record.passages) texts.set(passage.id, passage.text);
  const rows = reviewSheetRows({
    state: session.state(),
    passageIds: session.facts.passageIds,
    textOf: (id) => texts.get(id) ?? '',
  });
  await writeReviewSheet(file, rows);
  return rows.length;
}

/**
 * Turns an edited sheet into decisions and appends them to the review log (all or nothing:
 * a row in error writes nothing). Returns a report of what it did.
 */
export async function importReviewSheet(
  session: ReviewSession,
  file: string,
  reviewer: string | null,
): Promise<string> {
  const rows = await readReviewSheet(file);
  const revision = session.revision();
  const plan = planSheetImport(file, rows, new Set(session.facts.passageIds), (actions) =>
    applyReview(session.found, withActions(session.log(), actions, reviewer), session.facts, null),
  );
  if (plan.actions.length === 0) return `${file}: no changes to import\n`;
  await session.decide(plan.actions, revision, reviewer);
  return `${file}: ${describePlan(plan)}; run \`brief run\` to rebuild the brief\n`;
}

/** The log with `actions` appended, as `appendDecisions` would number them. */
function withActions(
  log: ReviewLog | null,
  actions: readonly ReviewAction[],
  reviewer: string | null,
): ReviewLog {
  const decisions = [...(log?.decisions ?? [])];
  const at = new Date().toISOString();
  for (const action of actions) decisions.push({ n: decisions.length + 1, at, reviewer, action });
  return {
    format: 'consultation-brief review',
    version: 1,
    base: log?.base ?? { passages: 0, hash: '' },
    decisions,
  };
}

/** "2 renames, 10 moves, 1 exclusion". */
export function describePlan(plan: SheetPlan): string {
  const parts: [number, string, string][] = [
    [plan.renames, 'rename', 'renames'],
    [plan.merges, 'merge', 'merges'],
    [plan.moves, 'move', 'moves'],
    [plan.newThemes, 'new theme', 'new themes'],
    [plan.exclusions, 'exclusion', 'exclusions'],
    [plan.restorations, 'restoration', 'restorations'],
    [plan.reasons, 'reason changed', 'reasons changed'],
  ];
  return parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`)
    .join(', ');
}
