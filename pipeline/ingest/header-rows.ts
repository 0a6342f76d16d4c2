// Survey exports' header conventions: how many rows the header takes and what each column asks.

/** One column of a table's header, after its header rows are combined. */
export interface HeaderColumn {
  /** The column's name: what `input.fields`, `input.attributes` and a question's `column` name. */
  name: string;
  /** What the column asks, in words a reader understands (codes and paths taken off). */
  question: string;
}

/** SurveyMonkey's second header row names this under a question with one answer box. */
const SINGLE_ANSWER = /^(?:open-ended response|response)$/i;

/** A Qualtrics third header row cell: `{"ImportId":"QID1_TEXT"}`. */
const IMPORT_ID = /^\{\s*"ImportId"\s*:/;

/** A LimeSurvey "code. text" header: `G01Q01. What ...?` or `G01Q02[SQ001]. Which ... [Other]`. */
const LIMESURVEY = /^([A-Za-z][A-Za-z0-9_]*(?:\[[^\]]*\])*)\.\s+(\S.*)$/s;

/** A machine name: a KoboToolbox XML name or a code such as `q3_other` (no spaces). */
const MACHINE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * How many of `rows` (the first rows of a table) are header rows: 3 for a Qualtrics export
 * (short names, question texts, then `{"ImportId": ...}` cells), 2 for a SurveyMonkey export
 * (questions, then "Response" or each option under its question), else 1. A second row that
 * holds answers is data: SurveyMonkey's option row is blank under its own columns (respondent,
 * collector, dates), which answers never are, and names "Response" or fills a column the first
 * row left blank.
 */
export function detectHeaderRows(rows: readonly (readonly string[])[]): 1 | 2 | 3 {
  const [first, second, third] = rows;
  if (!first || !second) return 1;
  if (third && share(third, (cell) => IMPORT_ID.test(cell)) >= 0.5) return 3;
  const names = second.some((cell) => SINGLE_ANSWER.test(cell.trim()));
  const continues = second.some((cell, i) => cell.trim() !== '' && !first[i]?.trim());
  const blankFirst = second[0]?.trim() === '' && (first[0]?.trim() ?? '') !== '';
  return blankFirst && (names || continues) ? 2 : 1;
}

/**
 * The columns of a header of one to three rows. One row: each cell names its column. Two
 * (SurveyMonkey): a question's cell spans the blank cells after it, and each option column is
 * named `question - option` unless the option is "Response". Three (Qualtrics): the first row's
 * short names name the columns and the second row says what they ask. Blank names become
 * `column<n>`; a name that repeats gets `~2`, `~3` (see {@link uniqueNames}).
 */
export function combineHeaderRows(rows: readonly (readonly string[])[]): HeaderColumn[] {
  const [first = [], second = []] = rows;
  const width = Math.max(first.length, second.length);
  const columns: HeaderColumn[] = [];
  let spanning = '';
  for (let i = 0; i < width; i++) {
    const top = first[i]?.trim() ?? '';
    const below = second[i]?.trim() ?? '';
    if (rows.length >= 3) {
      columns.push({ name: top, question: questionText(below || top) });
      continue;
    }
    if (rows.length === 1) {
      columns.push({ name: top, question: questionText(top) });
      continue;
    }
    if (top !== '') spanning = top;
    const asked = top || spanning;
    const name = below === '' || SINGLE_ANSWER.test(below) ? asked : `${asked} - ${below}`;
    columns.push({ name, question: questionText(name) });
  }
  const names = uniqueNames(columns.map((column) => column.name));
  return columns.map((column, i) => ({ ...column, name: names[i] as string }));
}

/**
 * Names made unique: a blank one becomes `column<n>` (n from 1, by position) and a repeat gets
 * `~2`, `~3`, as the readers have always named them. Returns the names in order.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const base = raw.trim() || `column${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}~${count}`;
  });
}

/**
 * What a header asks, without the conventions around it: LimeSurvey's `G01Q01. ` code, a
 * KoboToolbox group path (`household/consent/what_changed` reads "What changed"), underscores in
 * a machine name. Plain text is kept as it is.
 */
export function questionText(header: string): string {
  const text = header.trim();
  const lime = LIMESURVEY.exec(text);
  if (lime) return (lime[2] as string).trim();
  const last = text.includes('/') && !text.includes(' ') ? (text.split('/').pop() ?? text) : text;
  if (!MACHINE_NAME.test(last) || !/[_a-z]/.test(last)) return last;
  const words = last.replace(/[_.-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : last;
}

function share(cells: readonly string[], test: (cell: string) => boolean): number {
  const filled = cells.filter((cell) => cell.trim() !== '');
  return filled.length === 0
    ? 0
    : filled.filter((cell) => test(cell.trim())).length / filled.length;
}
