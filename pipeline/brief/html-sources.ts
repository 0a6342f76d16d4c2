// The HTML report's complete list of contributions, read from the sources.csv beside the brief.
import { parse } from 'csv-parse/sync';
import { escapeXml } from './charts.js';
import { excerptOf } from './sources.js';
import { SOURCES_COLUMNS } from './sources-csv.js';

type SourceRow = Record<(typeof SOURCES_COLUMNS)[number], string>;

/** Characters of each contribution's text in the report; `sources.csv` has it whole. */
const TEXT_CHARS = 300;

/**
 * Every cited contribution as a table (number when the brief shows it, contribution, credit,
 * date, where cited, text), then those no finding cites with their themes; '' when the CSV is
 * not a `sources.csv` (an edited brief may sit beside anything).
 */
export function citedSourcesHtml(csv: string): string {
  let rows: SourceRow[];
  try {
    rows = parse(csv, { columns: true, skip_empty_lines: true }) as SourceRow[];
  } catch {
    return '';
  }
  if (rows.length > 0 && SOURCES_COLUMNS.some((column) => !(column in (rows[0] as object))))
    return '';
  const cited = rows.filter((row) => row.status !== 'not cited');
  const uncited = rows.filter((row) => row.status === 'not cited');
  const cell = (value: string) => `<td>${escapeXml(value)}</td>`;
  const text = (row: SourceRow) => cell(excerptOf(unguarded(row.text), TEXT_CHARS));
  const parts = [
    '<table class="all-sources">',
    '<thead><tr><th>#</th><th>Contribution</th><th>Credit</th><th>Date</th><th>Cited in</th><th>Text</th></tr></thead>',
    '<tbody>',
    ...cited.map(
      (row) =>
        `<tr>${cell(row.number)}${cell(unguarded(row.contribution))}${cell(unguarded(row.credit))}${cell(row.date)}${cell(unguarded(row.cited_in))}${text(row)}</tr>`,
    ),
    '</tbody></table>',
  ];
  if (uncited.length > 0) {
    parts.push(
      `<h4>Contributions not cited (${uncited.length.toLocaleString('en')})</h4>`,
      '<table class="all-sources">',
      '<thead><tr><th>Contribution</th><th>Credit</th><th>Date</th><th>Themes</th><th>Text</th></tr></thead>',
      '<tbody>',
      ...uncited.map(
        (row) =>
          `<tr>${cell(unguarded(row.contribution))}${cell(unguarded(row.credit))}${cell(row.date)}${cell(unguarded(row.themes))}${text(row)}</tr>`,
      ),
      '</tbody></table>',
    );
  }
  return `${parts.join('\n')}\n`;
}

/** A field as written before `csvField` guarded it against spreadsheet formulas. */
function unguarded(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
