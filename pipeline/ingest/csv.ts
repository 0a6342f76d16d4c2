import { pipeline, Readable } from 'node:stream';
import { CsvError, type Options, type Parser, parse } from 'csv-parse';
import { appendAll } from '../arrays.js';
import { InputError } from '../errors.js';
import { decodeText } from './decode.js';
import type { RawRecord, ReadContext, RecordReader } from './source.js';
import { HEADER_PEEK_ROWS, readTableHeader } from './table-header.js';

/** Delimiters tried when sniffing, in order of preference on a tie. */
const CANDIDATES = [',', ';', '\t', '|'];

/**
 * Reads a CSV or TSV file as a stream of records keyed by its header (the spec's `headerRows`
 * rows, combined by the survey conventions: see `table-header.ts`). Handles a BOM,
 * CRLF and quoted multi-line fields. Malformed input (an unclosed quote, a row with the wrong
 * number of fields) is an InputError naming the line.
 * @param defaultDelimiter used when the file's spec has none; default: sniffed from the header.
 */
export function readCsv(ctx: ReadContext, defaultDelimiter?: string): RecordReader {
  const columns: string[] = [];
  return {
    kind: 'table',
    markup: 'plain',
    columns: () => columns,
    records: readRecords(ctx, columns, defaultDelimiter),
  };
}

async function* readRecords(
  ctx: ReadContext,
  columns: string[],
  defaultDelimiter: string | undefined,
): AsyncGenerator<RawRecord> {
  const name = ctx.source.name;
  const { head: firstLine, text } = await peekFirstLine(decodeText(ctx, ctx.source.spec.encoding));
  const delimiter = ctx.source.spec.delimiter ?? defaultDelimiter ?? sniffDelimiter(firstLine);
  const seen: ParserPosition = { lines: 0, emptyLines: 0 };
  const parser = createParser(delimiter, seen);
  const rows = pipeline(Readable.from(text), parser, () => {});
  const head: ParsedRow[] = [];
  let record = 0;
  try {
    for await (const row of rows as AsyncIterable<ParsedRow>) {
      if (columns.length === 0 && head.length < HEADER_PEEK_ROWS) {
        head.push(row);
        if (head.length < HEADER_PEEK_ROWS) continue;
        record = yield* nameColumns(ctx, columns, head);
      } else yield { record: ++record, line: row.line, values: toValues(columns, row.fields) };
    }
  } catch (error) {
    if (error instanceof CsvError) throw describeCsvError(name, error, seen.lines, delimiter);
    throw error;
  }
  if (head.length === 0) throw new InputError(`${name}: the file is empty`, name);
  if (columns.length === 0) yield* nameColumns(ctx, columns, head);
}

/**
 * Names the columns from the first rows held back (the header rows the file's spec declares),
 * then yields the data rows among them. Returns how many records it yielded.
 */
function* nameColumns(
  ctx: ReadContext,
  columns: string[],
  head: readonly ParsedRow[],
): Generator<RawRecord, number> {
  const declared = ctx.source.spec.headerRows;
  const cells = head.map((row) => row.fields);
  const lines = head.map((row) => row.line);
  appendAll(columns, readTableHeader(ctx.source.name, { cells, lines }, declared, ctx.logger));
  let record = 0;
  for (const row of head.slice(declared)) {
    yield { record: ++record, line: row.line, values: toValues(columns, row.fields) };
  }
  return record;
}

/** A row as the parser hands it over: its fields and the line where it starts. */
interface ParsedRow {
  fields: string[];
  line: number;
}

/**
 * Lines and skipped empty lines up to the end of the last record parsed, kept in step with the
 * parser (not the consumer, which lags behind it) so that errors can name their line.
 */
interface ParserPosition {
  lines: number;
  emptyLines: number;
}

function createParser(delimiter: string, seen: ParserPosition): Parser {
  const options: Options<ParsedRow, { record: string[] }> = {
    delimiter,
    // The raw text of each record is what lets an error find the line where a field starts.
    raw: true,
    skip_empty_lines: true,
    on_record: ({ record: fields }, info) => {
      const line = seen.lines + 1 + info.empty_lines - seen.emptyLines;
      seen.lines = info.lines;
      seen.emptyLines = info.empty_lines;
      return { fields, line };
    },
  };
  // csv-parse's typings have no overload for a stream parser whose on_record changes the type.
  return parse(options as unknown as Options);
}

function toValues(columns: readonly string[], fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < columns.length; i++) values[columns[i] as string] = fields[i] ?? '';
  return values;
}

/** Picks the candidate delimiter that occurs most often outside quotes in the header line. */
export function sniffDelimiter(header: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && CANDIDATES.includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/** Reads text until the first line break, returning that line and the whole text again. */
async function peekFirstLine(
  chunks: AsyncGenerator<string>,
): Promise<{ head: string; text: AsyncGenerator<string> }> {
  const buffered: string[] = [];
  let done = false;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    if (next.value.includes('\n')) break;
  }
  const joined = buffered.join('');
  const end = joined.indexOf('\n');
  async function* replay(): AsyncGenerator<string> {
    yield* buffered;
    if (!done) yield* chunks;
  }
  return { head: end < 0 ? joined : joined.slice(0, end), text: replay() };
}

/** Error details csv-parse attaches (not all are in its typings). */
type CsvDetails = CsvError & {
  lines?: number;
  empty_lines?: number;
  raw?: string;
  column?: number;
};

/** Turns csv-parse's error into one naming the line where the problem starts. */
function describeCsvError(
  name: string,
  error: CsvError,
  linesBefore: number,
  delimiter: string,
): InputError {
  const details = error as CsvDetails;
  const raw = details.raw ?? '';
  const leading = raw.length - raw.replace(/^\n+/, '').length;
  const recordLine = linesBefore + 1 + leading;
  const errorLine = details.lines ?? recordLine;
  const fieldLine = recordLine + countNewlines(raw, leading, quotedFieldStart(raw, delimiter));
  const fail = (line: number, message: string) =>
    new InputError(`${name}:${line}: ${message}`, name, line, { cause: error });
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return fail(fieldLine, 'unclosed quote (the field that starts here never ends)');
    case 'CSV_INVALID_CLOSING_QUOTE': {
      const seen = /got "(.*?)" at line/s.exec(error.message)?.[1] ?? '?';
      if (errorLine > fieldLine) {
        return fail(
          fieldLine,
          `unclosed quote (the field that starts here runs on to line ${errorLine}, where a quote is followed by "${seen}")`,
        );
      }
      return fail(
        fieldLine,
        `a quoted field is followed by "${seen}" instead of a delimiter; write a quote inside a quoted field as ""`,
      );
    }
    case 'INVALID_OPENING_QUOTE':
      return fail(
        errorLine,
        `stray quote inside unquoted field ${(details.column ?? 0) + 1}; quote the whole field and write each quote inside it as ""`,
      );
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return fail(recordLine, describeRaggedRow(error));
    default:
      return fail(errorLine, error.message);
  }
}

function describeRaggedRow(error: CsvError): string {
  const got = (error as CsvDetails & { record?: unknown[] }).record?.length ?? 0;
  const expected = /expect (\d+)/.exec(error.message)?.[1] ?? '?';
  const hint =
    got > Number(expected)
      ? 'is there an unquoted delimiter inside a field?'
      : 'is a field missing, or a line break inside an unquoted field?';
  return `this row has ${got} fields but the header has ${expected} (${hint})`;
}

/** Index in `raw` of the opening quote of the last quoted field, or -1. */
function quotedFieldStart(raw: string, delimiter: string): number {
  let start = -1;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (inQuotes) {
      if (char === '"' && raw[i + 1] === '"') i++;
      else if (char === '"') inQuotes = false;
    } else if (atFieldStart && char === '"') {
      inQuotes = true;
      start = i;
      atFieldStart = false;
    } else atFieldStart = char === delimiter || char === '\n';
  }
  return start;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
