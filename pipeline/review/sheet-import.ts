// Turns an edited review sheet into decisions: checks the rows, then plans exclusions and themes.
import type { ReviewAction, ReviewedThemes } from '../../schemas/review.js';
import { appendAll } from '../arrays.js';
import { InputError } from '../errors.js';
import { quoteInput } from '../quote-input.js';
import { excludedCell, exclusionChanges } from './sheet-exclusions.js';
import type { ReadSheetRow } from './sheet-file.js';
import { themeChanges } from './sheet-themes.js';

/** What an import decides, and how many of each change, for the report. */
export interface SheetPlan {
  actions: ReviewAction[];
  renames: number;
  merges: number;
  moves: number;
  newThemes: number;
  exclusions: number;
  restorations: number;
  reasons: number;
}

/** The themes with the log's decisions and then `actions` applied (nothing written). */
export type Preview = (actions: readonly ReviewAction[]) => ReviewedThemes;

/** Errors listed in full at most; the rest are counted. */
const MAX_LISTED = 20;

/**
 * Plans the decisions an edited sheet asks for, against the review as it stands. Every row is
 * checked first (known passage, listed once, a yes/no `excluded` cell): any error, and nothing
 * is decided. Restores come first, so that restored passages can move; then renames and merges,
 * moves, new themes; exclusions last. The plan is tried on the themes before it is returned:
 * a decision that would not apply is an error too.
 */
export function planSheetImport(
  file: string,
  rows: readonly ReadSheetRow[],
  known: ReadonlySet<string>,
  preview: Preview,
): SheetPlan {
  failOn(file, checkRows(rows, known));
  const exclusions = exclusionChanges(rows, preview([]));
  const restored = preview(exclusions.restores);
  const themes = themeChanges(rows, restored);
  failOn(file, themes.errors);
  const actions: ReviewAction[] = [];
  appendAll(actions, exclusions.restores);
  appendAll(actions, themes.actions);
  appendAll(actions, exclusions.excludes);
  const outcomes = preview(actions).review.decisions;
  const orphaned = outcomes
    .slice(outcomes.length - actions.length)
    .filter((d) => d.status === 'orphaned');
  if (orphaned.length > 0)
    throw new InputError(
      `${file}: the sheet asks for changes that do not apply (nothing was imported): ${orphaned.map((d) => `${d.kind}: ${d.detail}`).join('; ')}`,
      file,
    );
  return {
    actions,
    renames: themes.renames,
    merges: themes.merges,
    moves: themes.moves,
    newThemes: themes.newThemes,
    exclusions: exclusions.excluded,
    restorations: exclusions.restored,
    reasons: exclusions.reasons,
  };
}

/** Rows naming no passage of the run, a passage twice, or an `excluded` cell neither yes nor no. */
function checkRows(rows: readonly ReadSheetRow[], known: ReadonlySet<string>): [number, string][] {
  const errors: [number, string][] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const passage = values.passage.trim();
    const first = seen.get(passage);
    if (passage === '') errors.push([row, 'the passage cell is empty']);
    else if (!known.has(passage)) errors.push([row, `unknown passage ${quoteInput(passage)}`]);
    else if (first !== undefined)
      errors.push([row, `passage ${quoteInput(passage)} is also on row ${first}`]);
    else seen.set(passage, row);
    if (excludedCell(values.excluded) === null)
      errors.push([
        row,
        `excluded is ${quoteInput(values.excluded)}; write yes, or leave it empty`,
      ]);
  }
  return errors;
}

function failOn(file: string, errors: readonly [number, string][]): void {
  if (errors.length === 0) return;
  const listed = errors.slice(0, MAX_LISTED).map(([row, message]) => `${file}:${row}: ${message}`);
  if (errors.length > MAX_LISTED) listed.push(`... and ${errors.length - MAX_LISTED} more`);
  const [first] = errors[0] as [number, string];
  throw new InputError(
    errors.length === 1
      ? `${listed[0]} (nothing was imported)`
      : `${errors.length} rows are in error, nothing was imported:\n  ${listed.join('\n  ')}`,
    file,
    first,
  );
}
