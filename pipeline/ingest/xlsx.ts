import { InvalidInputError, type Row, readSheet, SheetNotFoundError } from 'read-excel-file/node';
import { appendAll } from '../arrays.js';
import { InputError } from '../errors.js';
import { listInputs, quoteInput } from '../quote-input.js';
import { readAllBytes } from './decode.js';
import type { RawRecord, ReadContext, RecordReader } from './source.js';

/**
 * Reads a sheet of an XLSX workbook (the spec's `sheet`, default the first): the first row is
 * the header, each further row a record. Dates become ISO 8601 strings (to the second), numbers
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
  const [header, ...data] = rows;
  if (!header) throw new InputError(`${name}: the file is empty (the sheet has no rows)`, name);
  appendAll(columns, [...header.map((cell, i) => cellText(cell).trim() || `column${i + 1}`)]);
  for (let i = 0; i < data.length; i++) {
    const row = data[i] as Row;
    if (row.every((cell) => cell === null)) continue; // a blank row, like a blank CSV line
    const values: Record<string, string> = {};
    for (let c = 0; c < columns.length; c++) values[columns[c] as string] = cellText(row[c]);
    yield { record: i + 1, line: i + 2, values };
  }
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
