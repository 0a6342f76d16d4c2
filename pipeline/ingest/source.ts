import type { Contribution } from '../../schemas/contribution.js';
import type { InputSource, Logger } from '../stage.js';

/** Markup of a contribution's text, as the clean stage expects it. */
export type Markup = Contribution['markup'];

/** One record as read from a file, before the config's field mapping is applied. */
export interface RawRecord {
  /** 1-based record number within the file (data rows for tables, items for JSON). */
  record: number;
  /** 1-based line where the record starts, when the format has lines. */
  line?: number;
  /** Column (or key) name to its value as text. Absent columns are simply missing. */
  values: Record<string, string>;
}

/** What a reader is given: the file, where to report, and how to count bytes read. */
export interface ReadContext {
  source: InputSource;
  logger: Logger;
  signal: AbortSignal;
  /** Called with the number of bytes just read from the file. */
  onBytes(bytes: number): void;
}

/** A file being read, record by record. */
export interface RecordReader {
  /**
   * `table`: every record has the header's columns, mapped with `input.fields`.
   * `objects`: records have the keys each object has (JSON), mapped with `input.fields`.
   * `document`: records carry the `title` and `text` of a section of a document.
   */
  kind: 'table' | 'objects' | 'document';
  markup: Markup;
  /** Columns: the header for tables (known once the first record is read), keys seen so far for objects. */
  columns(): readonly string[];
  records: AsyncIterable<RawRecord>;
}

/** Where a record is, for messages: `comments.csv:12` or `posts.json record 3`. */
export function describeRecord(
  file: string,
  raw: { record: number; line?: number | undefined },
): string {
  return raw.line === undefined ? `${file} record ${raw.record}` : `${file}:${raw.line}`;
}
