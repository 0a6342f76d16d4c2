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
 * date, where cited, text), then those no finding cites with their themes; null when the CSV
 * is not a whole `sources.csv` (damaged, or an edited brief sitting beside another file).
 */
export function citedSourcesHtml(csv: string): string | null {
  let rows: SourceRow[];
  try {
    rows = parse(csv, { columns: true, skip_empty_lines: true }) as SourceRow[];
  } catch {
    return null;
  }
  if (rows.length > 0 && SOURCES_COLUMNS.some((column) => !(column in (rows[0] as object))))
    return null;
  const cited = rows.filter((row) => row.status !== 'not cited');
  const uncited = rows.filter((row) => row.status === 'not cited');
  const citedTable = table(
    ['#', 'Contribution', 'Credit', 'Date', 'Cited in', 'Text'],
    cited.map((row) => [
      row.number,
      unguarded(row.contribution),
      unguarded(row.credit),
      row.date,
      unguarded(row.cited_in),
      excerptOf(unguarded(row.text), TEXT_CHARS),
    ]),
  );
  if (uncited.length === 0) return citedTable;
  const uncitedTable = table(
    ['Contribution', 'Credit', 'Date', 'Themes', 'Text'],
    uncited.map((row) => [
      unguarded(row.contribution),
      unguarded(row.credit),
      row.date,
      unguarded(row.themes),
      excerptOf(unguarded(row.text), TEXT_CHARS),
    ]),
  );
  return `${citedTable}<h4>Contributions not cited (${uncited.length.toLocaleString('en')})</h4>\n${uncitedTable}`;
}

/** An HTML table of plain-text cells, escaped. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => `<th>${escapeXml(h)}</th>`).join('');
  const body = rows
    .map((cells) => `<tr>${cells.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table class="all-sources">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>\n`;
}

/** A field as written before `csvField` guarded it against spreadsheet formulas. */
function unguarded(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
