import { InvalidInputError, type Row, readSheet, SheetNotFoundError } from 'read-excel-file/node';
import { appendAll } from '../arrays.js';
import { InputError } from '../errors.js';
import { listInputs, quoteInput } from '../quote-input.js';
import { readAllBytes } from './decode.js';
import type { RawRecord, ReadContext, RecordReader } from './source.js';
import { HEADER_PEEK_ROWS, type HeadRows, readTableHeader } from './table-header.js';

/**
 * Reads a sheet of an XLSX workbook (the spec's `sheet`, default the first): the first
 * `headerRows` rows are the header (combined by the survey conventions, names made unique: see
 * `table-header.ts`), each further row a record. Dates become ISO 8601 strings (to the second), numbers
 * and booleans text. Blank rows are skipped; `record` and `line` count from the sheet's rows
 * (`line` is the row number as the spreadsheet shows it).
 */
export function readXlsx(ctx: ReadContext): RecordReader {
  const columns: string[] = [];
  return {
    kind: 'table',
    markup: 'plain',
    columns: () => columns,
    records: readRows(ctx, columns),
  };
}

async function* readRows(ctx: ReadContext, columns: string[]): AsyncGenerator<RawRecord> {
  const name = ctx.source.name;
  const bytes = await readAllBytes(ctx);
  if (bytes.length === 0) throw new InputError(`${name}: the file is empty`, name);
  const rows = await readWorkbook(name, bytes, ctx.source.spec.sheet);
  const declared = ctx.source.spec.headerRows;
  const head = firstRows(rows, HEADER_PEEK_ROWS);
  if (head.cells.length === 0) {
    throw new InputError(`${name}: the file is empty (the sheet has no rows)`, name);
  }
  appendAll(columns, readTableHeader(name, head, declared, ctx.logger));
  const first = (head.lines[declared - 1] ?? rows.length) as number;
  for (let i = first; i < rows.length; i++) {
    const row = rows[i] as Row;
    if (row.every((cell) => cell === null)) continue; // a blank row, like a blank CSV line
    const values: Record<string, string> = {};
    for (let c = 0; c < columns.length; c++) values[columns[c] as string] = cellText(row[c]);
    yield { record: i + 1 - first, line: i + 1, values };
  }
}

/** The first `count` rows that are not blank, as text, with their sheet row numbers. */
function firstRows(rows: readonly Row[], count: number): HeadRows {
  const cells: string[][] = [];
  const lines: number[] = [];
  for (let i = 0; i < rows.length && cells.length < count; i++) {
    const row = rows[i] as Row;
    if (cells.length > 0 && row.every((cell) => cell === null)) continue;
    cells.push(row.map((cell) => cellText(cell)));
    lines.push(i + 1);
  }
  return { cells, lines };
}

async function readWorkbook(
  name: string,
  bytes: Buffer,
  sheet: string | undefined,
): Promise<Row[]> {
  try {
    return await readSheet(bytes, sheet ?? 1);
  } catch (error) {
    throw new InputError(`${name}: ${describeXlsxError(error, sheet)}`, name, undefined, {
      cause: error,
    });
  }
}

function describeXlsxError(error: unknown, sheet: string | undefined): string {
  if (error instanceof SheetNotFoundError) {
    const sheets = (error as SheetNotFoundError & { sheets?: string[] }).sheets ?? [];
    return `sheet ${quoteInput(sheet ?? '')} not found; sheets are: ${listInputs(sheets)}`;
  }
  if (error instanceof InvalidInputError && error.code === 'XLS_FILE_NOT_SUPPORTED') {
    return 'is an old .xls workbook; save it as .xlsx or .csv';
  }
  if (error instanceof InvalidInputError) return `not a valid .xlsx workbook (${error.code})`;
  return `not a valid .xlsx workbook (${error instanceof Error ? error.message : String(error)})`;
}

/**
 * A cell as text: empty cells as '', dates as ISO 8601 rounded to the second (Excel stores them
 * as fractional days, so 06:30 may come back as 06:29:59.999).
 */
function cellText(cell: Row[number] | undefined): string {
  if (cell === null || cell === undefined) return '';
  if ((cell as unknown) instanceof Date) {
    const time = (cell as unknown as Date).getTime();
    return Number.isNaN(time) ? '' : new Date(Math.round(time / 1000) * 1000).toISOString();
  }
  return String(cell);
}
