// Reads and writes the review spreadsheet as CSV (UTF-8 with BOM) or .xlsx.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { REVIEW_SHEET_COLUMNS, ReviewSheetRow } from '../../schemas/review-sheet.js';
import { writeFileAtomic } from '../atomic-write.js';
import { InputError, UsageError } from '../errors.js';
import { sniffDelimiter } from '../ingest/csv.js';
import { listInputs } from '../quote-input.js';
import { guardCell, unguardCell } from './sheet-rows.js';

/** A row read back from an edited sheet, with its row number as a spreadsheet shows it. */
export interface ReadSheetRow {
  /** 2 for the first row under the header. */
  row: number;
  values: ReviewSheetRow;
}

/** The sheet's format, from the file's extension. */
function formatOf(file: string): 'csv' | 'xlsx' {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new UsageError(`${file}: the review sheet is a .csv or .xlsx file, got "${ext || file}"`);
}

/** Writes the rows (atomically), every cell guarded against formula injection. */
export async function writeReviewSheet(
  file: string,
  rows: readonly ReviewSheetRow[],
): Promise<void> {
  const cells = rows.map((row) => REVIEW_SHEET_COLUMNS.map((column) => guardCell(row[column])));
  if (formatOf(file) === 'csv') {
    // The BOM makes Excel read the file as UTF-8, so accents survive.
    const text = stringify(cells, { bom: true, header: true, columns: [...REVIEW_SHEET_COLUMNS] });
    await writeFileAtomic(file, [text]);
    return;
  }
  const header = REVIEW_SHEET_COLUMNS.map((column) => ({
    value: column,
    fontWeight: 'bold' as const,
  }));
  const data = cells.map((row) => row.map((value) => ({ value, type: String })));
  const bytes = await writeXlsxFile([header, ...data], {
    sheet: 'Review',
    stickyRowsCount: 1,
    columns: REVIEW_SHEET_COLUMNS.map((column) => ({ width: column === 'text' ? 80 : 20 })),
  }).toBuffer();
  await writeFileAtomic(file, [bytes]);
}

/**
 * Reads an edited sheet: the header must name every column (in any order; others are
 * ignored), cells are unguarded, blank rows skipped. Missing columns are an InputError.
 */
export async function readReviewSheet(file: string): Promise<ReadSheetRow[]> {
  const format = formatOf(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new InputError(`${file}: cannot read it (${(cause as Error).message})`, file, undefined, {
      cause,
    });
  }
  const table = format === 'csv' ? parseCsv(file, bytes) : await parseXlsx(file, bytes);
  const [header, ...data] = table;
  if (!header) throw new InputError(`${file}: the sheet is empty`, file);
  const names = header.map((cell) => cell.trim());
  const missing = REVIEW_SHEET_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0)
    throw new InputError(
      `${file}:1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header has ${listInputs(names)})`,
      file,
      1,
    );
  const index = Object.fromEntries(REVIEW_SHEET_COLUMNS.map((c) => [c, names.indexOf(c)]));
  const rows: ReadSheetRow[] = [];
  data.forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const values = ReviewSheetRow.parse(
      Object.fromEntries(
        REVIEW_SHEET_COLUMNS.map((column) => [
          column,
          unguardCell(cells[index[column] as number] ?? ''),
        ]),
      ),
    );
    rows.push({ row: i + 2, values });
  });
  return rows;
}

function parseCsv(file: string, bytes: Buffer): string[][] {
  const text = decode(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  try {
    // Excel in many locales saves ";"-separated CSV: the delimiter is read from the header.
    return parse(text, {
      bom: true,
      delimiter: sniffDelimiter(firstLine),
      relax_column_count: true,
    });
  } catch (cause) {
    const line =
      cause instanceof CsvError ? (cause as CsvError & { lines?: number }).lines : undefined;
    throw new InputError(
      `${file}${line ? `:${line}` : ''}: ${(cause as Error).message}`,
      file,
      line,
      { cause },
    );
  }
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (Excel's "CSV" on Windows). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function parseXlsx(file: string, bytes: Buffer): Promise<string[][]> {
  try {
    const rows = await readSheet(bytes, 1);
    return rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  } catch (cause) {
    throw new InputError(
      `${file}: not a valid .xlsx workbook (${(cause as Error).message})`,
      file,
      undefined,
      { cause },
    );
  }
}
