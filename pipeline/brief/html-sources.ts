// The HTML report's list of every contribution, read from the sources file beside the brief:
// embedded gzip-compressed in blocks, then paged and searched by the page's script.
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { escapeXml } from './charts.js';
import { sourcesListScript } from './html-sources-script.js';
import { encodeSevenBit } from './seven-bit-text.js';
import { excerptOf } from './sources.js';
import { SOURCES_COLUMNS } from './sources-csv.js';

type SourceRow = Record<(typeof SOURCES_COLUMNS)[number], string>;

/**
 * Characters of each contribution's text in the report (the sources file has it whole): three
 * lines of the list, the whole text of three contributions in four, and what keeps the report
 * of 1,000,000 contributions under 25 MB (300 characters would take it over).
 */
const TEXT_CHARS = 200;

/** Rows the list shows at a time. */
export const PAGE_ROWS = 100;

/**
 * Rows compressed together: twenty pages, so showing a page decompresses one block of a few
 * hundred kilobytes (milliseconds), and gzip sees enough rows to compress well.
 */
export const BLOCK_ROWS = 2000;

/** How the brief uses a row, as the blocks store it: numbered source, cited, not cited. */
const STATUS_CODES: Record<string, number> = { shown: 0, cited: 1, 'not cited': 2 };

/**
 * What the page script needs besides the blocks (the section's `data-list` JSON): the row and
 * page counts, each block's length as text and as bytes, the theme and section names the rows
 * refer to by index, and the row of each numbered source, for citations to jump to.
 */
interface ListMeta {
  rows: number;
  pageRows: number;
  blockRows: number;
  /** Each block's length in bytes, compressed. */
  blocks: number[];
  labels: string[];
  numbered: Record<string, number>;
}

/** The list's section, to stand under its heading, and the rest of its data, for the page's end. */
export interface SourcesListHtml {
  /** The list, its first block of rows (a `<script>` element of type text) and its script. */
  section: string;
  /** The other blocks, at the end so that the page shows before they are read. */
  tail: string;
}

/**
 * Every contribution of the sources file (numbered sources, then the others cited, then those
 * no finding cites) as a paged, searchable list: the rows are stored in blocks of
 * `BLOCK_ROWS` as gzip-compressed JSON columns, written 7 bits to a byte (`encodeSevenBit`),
 * and the page decompresses only the blocks it shows or searches (`DecompressionStream`).
 * Text is cut to `TEXT_CHARS` characters. Null when the CSV is not a whole sources file
 * (damaged, or an edited brief sitting beside another file).
 */
export function citedSourcesHtml(csv: string): SourcesListHtml | null {
  let rows: SourceRow[];
  try {
    rows = parse(csv, { columns: true, skip_empty_lines: true }) as SourceRow[];
  } catch {
    return null;
  }
  if (rows.length > 0 && SOURCES_COLUMNS.some((column) => !(column in (rows[0] as object))))
    return null;
  const labels = new Map<string, number>();
  const meta: ListMeta = {
    rows: rows.length,
    pageRows: PAGE_ROWS,
    blockRows: BLOCK_ROWS,
    blocks: [],
    labels: [],
    numbered: {},
  };
  const blocks: string[] = [];
  for (let from = 0; from < rows.length; from += BLOCK_ROWS) {
    const json = JSON.stringify(blockColumns(rows.slice(from, from + BLOCK_ROWS), labels));
    const bytes = gzipSync(json);
    meta.blocks.push(bytes.length);
    // The text never holds `<`, so it cannot end its element (see `encodeSevenBit`).
    blocks.push(`<script type="text/x-compressed-rows">${encodeSevenBit(bytes)}</script>\n`);
  }
  meta.labels = [...labels.keys()];
  rows.forEach((row, i) => {
    if (row.number) meta.numbered[row.number] = i;
  });
  return {
    section: `${listSection(meta, summaryOf(rows))}${blocks[0] ?? ''}<script>${sourcesListScript()}</script>\n`,
    tail: blocks.slice(1).join(''),
  };
}

/**
 * A block's rows as columns (number, contribution, status, credit, date, themes, cited in,
 * text), themes and sections as indexes into `labels`, which grows as new names appear.
 */
function blockColumns(rows: readonly SourceRow[], labels: Map<string, number>): unknown[][] {
  const indexes = (list: string) =>
    list === ''
      ? []
      : list.split('; ').map((label) => {
          let index = labels.get(label);
          if (index === undefined) {
            index = labels.size;
            labels.set(label, index);
          }
          return index;
        });
  return [
    rows.map((r) => (r.number ? Number(r.number) : 0)),
    rows.map((r) => unguarded(r.contribution)),
    rows.map((r) => STATUS_CODES[r.status] ?? 2),
    rows.map((r) => unguarded(r.credit)),
    rows.map((r) => r.date),
    rows.map((r) => indexes(unguarded(r.themes))),
    rows.map((r) => indexes(unguarded(r.cited_in))),
    rows.map((r) => excerptOf(unguarded(r.text).replace(/\s+/g, ' ').trim(), TEXT_CHARS)),
  ];
}

/** "56,098 contributions: 43,512 cited by the findings (337 numbered sources), 12,586 not." */
function summaryOf(rows: readonly SourceRow[]): string {
  const n = (count: number) => count.toLocaleString('en');
  const shown = rows.filter((r) => r.status === 'shown').length;
  const uncited = rows.filter((r) => r.status === 'not cited').length;
  const cited = rows.length - uncited;
  return `${n(rows.length)} contribution${rows.length === 1 ? '' : 's'}: ${n(cited)} cited by the findings (${n(shown)} of them numbered sources), ${n(uncited)} not cited. Each page shows ${PAGE_ROWS}; the search looks through all of them, in the first ${TEXT_CHARS} characters of their text.`;
}

/** The list's section: summary, search box, an empty table and the pager; the script fills them. */
function listSection(meta: ListMeta, summary: string): string {
  return `<section id="all-sources" class="sources-list" data-list="${escapeXml(JSON.stringify(meta))}">
<p class="list-summary">${escapeXml(summary)}</p>
<noscript><p>The list needs JavaScript; the sources file beside the brief has every row.</p></noscript>
<div class="list-tools" hidden><input type="search" class="list-search" aria-label="Search every contribution" placeholder="Search every contribution: words, contribution id, credit, theme"> <span class="list-status" role="status"></span></div>
<table class="all-sources">
<thead><tr><th>#</th><th>Contribution</th><th>Cited in</th><th>Text</th></tr></thead>
<tbody></tbody></table>
<div class="pager" hidden><button type="button" data-go="first">« First</button> <button type="button" data-go="previous">‹ Previous</button> <label>Page <input type="number" class="page-number" min="1" value="1"> of <span class="page-count">1</span></label> <button type="button" data-go="next">Next ›</button> <button type="button" data-go="last">Last »</button></div>
</section>
`;
}

/** A field as written before `csvField` guarded it against spreadsheet formulas. */
function unguarded(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
