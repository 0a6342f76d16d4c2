// Reads an eval data file's CSV rows through a zod schema, naming the file and line of any fault.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { InputError } from '../../errors.js';
import { formatIssues } from '../../zod-issues.js';

/** A parsed CSV row with the line it ends on, for messages. */
export interface Located<T> {
  row: T;
  line: number;
}

/**
 * The rows of `dir/file` (a header line, then records; quoted fields may hold newlines), each
 * validated by `schema`. Throws an InputError naming the file and line of an unreadable file, a
 * malformed record or a row the schema rejects.
 */
export async function readCsvRows<T extends z.ZodType>(
  dir: string,
  file: string,
  schema: T,
): Promise<Located<z.infer<T>>[]> {
  const path = join(dir, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new InputError(
      `${file}: cannot read ${path}: ${(cause as Error).message}`,
      path,
      undefined,
      { cause },
    );
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, info: true });
  } catch (cause) {
    if (!(cause instanceof CsvError)) throw cause;
    const line = typeof cause.lines === 'number' ? cause.lines : undefined;
    throw new InputError(`${file}: ${cause.message}`, path, line, { cause });
  }
  return records.map(({ record, info }) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      throw new InputError(
        `${file}:${info.lines}: ${formatIssues(parsed.error)}`,
        path,
        info.lines,
      );
    }
    return { row: parsed.data, line: info.lines };
  });
}
