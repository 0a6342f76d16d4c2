// A table's header as the readers take it: the declared header rows combined into unique column names, with one-line warnings.
import { listInputs } from '../quote-input.js';
import type { Logger } from '../stage.js';
import { combineHeaderRows, detectHeaderRows } from './header-rows.js';

/** Rows a reader holds back before it names the columns: enough for {@link detectHeaderRows}. */
export const HEADER_PEEK_ROWS = 3;

/** The first rows of a table, with the line (or sheet row) where each starts. */
export interface HeadRows {
  cells: readonly (readonly string[])[];
  lines: readonly number[];
}

/**
 * The column names of a table whose first `declared` rows (of `head`) are its header, combined
 * by the survey conventions ({@link combineHeaderRows}). Warns in one line when the rows do not
 * look like the convention `declared` asks for, or when a header of one row is followed by what
 * looks like a SurveyMonkey or Qualtrics header row; and in one line for names that repeat.
 */
export function readTableHeader(
  file: string,
  head: HeadRows,
  declared: number,
  logger: Logger,
): string[] {
  // A file shorter than its declared header has no rows to misread (the stage warns it has none).
  const detected = detectHeaderRows(head.cells);
  const judged = head.cells.length >= declared;
  const mismatch = judged ? describeMismatch(declared, detected, head.lines) : '';
  if (mismatch) logger.warn(`${file}: ${mismatch}`);
  const columns = combineHeaderRows(head.cells.slice(0, declared)).map((column) => column.name);
  const repeats = repeatedNames(columns);
  if (repeats.length > 0) {
    const count =
      repeats.length === 1 ? '1 column name repeats' : `${repeats.length} column names repeat`;
    logger.warn(`${file}: ${count}, later ones read as "<name>~2", "~3": ${listInputs(repeats)}`);
  }
  return columns;
}

/** What is wrong with `declared` header rows when the rows look like `detected`, or ''. */
function describeMismatch(declared: number, detected: 1 | 2 | 3, lines: readonly number[]): string {
  if (declared === detected) return '';
  const at = (row: number) => `row ${row} (line ${lines[row - 1] ?? row})`;
  if (declared === 1 && detected === 2) {
    return `${at(2)} looks like SurveyMonkey's second header row ("Response" or options under the questions) but is read as a respondent; set this file's headerRows: 2`;
  }
  if (declared === 1 && detected === 3) {
    return `rows 2 and 3 look like Qualtrics header rows (question texts, then {"ImportId": ...}) but are read as respondents; set this file's headerRows: 3`;
  }
  if (detected === 3) {
    return `${at(3)} holds Qualtrics {"ImportId": ...} cells, a header row, but is read as a respondent; set this file's headerRows: 3`;
  }
  if (declared === 3) {
    return `headerRows is 3 but ${at(3)} has no {"ImportId": ...} cells, as a Qualtrics export's third header row has; read as a header row anyway: if it holds answers, set headerRows: ${detected}`;
  }
  return `headerRows is 2 but ${at(2)} does not look like SurveyMonkey's second header row (blank under the respondent's columns, "Response" or options under the questions); read as a header row anyway: if it holds answers, set headerRows: 1`;
}

/** The names that occur more than once among unique `columns` (`a`, `a~2` -> `"a" x2`). */
function repeatedNames(columns: readonly string[]): string[] {
  const names = new Set(columns);
  const times = new Map<string, number>();
  for (const name of columns) {
    const match = /^(.*)~(\d+)$/s.exec(name);
    if (!match || !names.has(match[1] as string)) continue;
    times.set(match[1] as string, Number(match[2]));
  }
  return [...times].map(([name, n]) => `"${name}" x${n}`);
}
