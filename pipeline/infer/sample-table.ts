// The first rows of a data file, header rows included, for inferring a config from it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputFile } from '../../schemas/consultation.js';
import { InputError } from '../errors.js';
import { combineHeaderRows, detectHeaderRows, type HeaderColumn } from '../ingest/header-rows.js';
import type { ReadContext } from '../ingest/source.js';
import type { InputSource, Logger } from '../stage.js';
import { openReader, resolveFormat } from '../stages/ingest.js';

/** Rows read for inference by default: enough to see every column's kind, fast on any file. */
const SAMPLE_ROWS = 2000;

/** Formats a config can be inferred from: tables and lists of objects. */
const TABLE_FORMATS = ['csv', 'tsv', 'xlsx', 'json', 'jsonl'] as const;

/** The sampled start of a data file. */
export interface TableSample {
  /** The file's name as given. */
  name: string;
  format: (typeof TABLE_FORMATS)[number];
  /** Header rows (1 for JSON). */
  headerRows: 1 | 2 | 3;
  columns: HeaderColumn[];
  /** Data rows, each cell by column position; short rows are padded with ''. */
  rows: string[][];
}

const SILENT: Logger = { debug: () => {}, info: () => {}, warn: () => {} };

/**
 * Reads the header and up to `limit` data rows of `path` (CSV, TSV, XLSX, JSON or JSON Lines),
 * with the ingest stage's readers (so encodings and delimiters are read as a run reads them).
 * @param limit rows to read after the header; default {@link SAMPLE_ROWS}.
 */
export async function sampleTable(path: string, limit = SAMPLE_ROWS): Promise<TableSample> {
  const name = basename(path);
  const size = await stat(path).then(
    (info) => info.size,
    (cause: NodeJS.ErrnoException) => {
      const why = cause.code === 'ENOENT' ? 'file not found' : cause.message;
      throw new InputError(`${path}: ${why}`, path, undefined, { cause });
    },
  );
  const source: InputSource = {
    spec: InputFile.parse({ path: name }),
    name,
    path,
    size,
    open: () => createReadStream(path),
  };
  const format = resolveFormat(source);
  if (!(TABLE_FORMATS as readonly string[]).includes(format)) {
    throw new InputError(
      `${name}: a config can be inferred from ${TABLE_FORMATS.join(', ')} files, not ${format}; write consultation.yaml by hand (see README)`,
      name,
    );
  }
  const raw = await readRows(source, format, limit);
  if (raw.header.length === 0) throw new InputError(`${name}: the file has no columns`, name);
  const table = format === 'json' || format === 'jsonl';
  const headerRows = table ? 1 : detectHeaderRows([raw.header, ...raw.rows.slice(0, 2)]);
  const header = [raw.header, ...raw.rows.slice(0, headerRows - 1)];
  return {
    name,
    format: format as TableSample['format'],
    headerRows,
    columns: combineHeaderRows(header),
    rows: raw.rows.slice(headerRows - 1, headerRows - 1 + limit),
  };
}

async function readRows(
  source: InputSource,
  format: ReturnType<typeof resolveFormat>,
  limit: number,
): Promise<{ header: string[]; rows: string[][] }> {
  const controller = new AbortController();
  const read: ReadContext = {
    source,
    logger: SILENT,
    signal: controller.signal,
    onBytes: () => {},
  };
  const reader = openReader(format, read);
  const records: Record<string, string>[] = [];
  // Two more than the limit: the second and third header rows of survey exports are records here.
  for await (const record of reader.records) {
    records.push(record.values);
    if (records.length >= limit + 2) break;
  }
  const names = [...reader.columns()];
  const rows = records.map((values) => names.map((column) => values[column] ?? ''));
  // The readers name a blank header cell `column<n>`; the header conventions need it blank.
  const header = names.map((column, i) => (column === `column${i + 1}` ? '' : column));
  return { header: reader.kind === 'objects' ? names : header, rows };
}
