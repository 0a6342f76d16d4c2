import { appendAll } from '../arrays.js';
import { InputError } from '../errors.js';
import { MAX_NESTING, nestsDeeperThan } from '../nesting.js';
import { listInputs, quoteInput } from '../quote-input.js';
import { decodeText, readText } from './decode.js';
import type { RawRecord, ReadContext, RecordReader } from './source.js';

/**
 * Reads a JSON file holding an array of objects: the top level, or the array at the spec's
 * dotted `recordsPath` (e.g. `data.posts`). The whole file is parsed at once.
 */
export function readJson(ctx: ReadContext): RecordReader {
  const keys = new Set<string>();
  return {
    kind: 'objects',
    markup: 'plain',
    columns: () => [...keys],
    records: readJsonRecords(ctx, keys),
  };
}

/** Reads a JSON Lines file (`.jsonl`, `.ndjson`): one object per line, blank lines skipped. */
export function readJsonl(ctx: ReadContext): RecordReader {
  const keys = new Set<string>();
  return {
    kind: 'objects',
    markup: 'plain',
    columns: () => [...keys],
    records: readJsonlRecords(ctx, keys),
  };
}

async function* readJsonRecords(ctx: ReadContext, keys: Set<string>): AsyncGenerator<RawRecord> {
  const name = ctx.source.name;
  const items = await loadRecords(ctx);
  for (let i = 0; i < items.length; i++) {
    yield { record: i + 1, values: toValues(name, items[i], keys, `record ${i + 1}`) };
  }
}

/** Parses the file and finds its records (apart, so the text is not kept while they are read). */
async function loadRecords(ctx: ReadContext): Promise<unknown[]> {
  const name = ctx.source.name;
  const text = await readText(ctx, ctx.source.spec.encoding);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    throw new InputError(`${name}: not valid JSON (${reason})`, name, undefined, { cause: error });
  }
  return findRecords(name, document, ctx.source.spec.recordsPath);
}

async function* readJsonlRecords(ctx: ReadContext, keys: Set<string>): AsyncGenerator<RawRecord> {
  const name = ctx.source.name;
  let line = 0;
  let record = 0;
  for await (const text of splitLines(decodeText(ctx, ctx.source.spec.encoding))) {
    line++;
    if (!text.trim()) continue;
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (error) {
      const reason = (error as Error).message;
      throw new InputError(`${name}:${line}: not valid JSON (${reason})`, name, line, {
        cause: error,
      });
    }
    record++;
    yield { record, line, values: toValues(name, item, keys, `line ${line}`, line) };
  }
  if (record === 0) throw new InputError(`${name}: the file is empty`, name);
}

/** Splits streamed text into lines (without their `\n`). */
async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    yield* lines;
  }
  if (rest) yield rest;
}

/** The array of records at `path` (dotted) in the document, or an error saying what is there. */
function findRecords(name: string, document: unknown, path: string | undefined): unknown[] {
  let value = document;
  for (const key of path ? path.split('.') : []) {
    value = isObject(value) ? value[key] : undefined;
    if (value === undefined) {
      throw new InputError(
        `${name}: recordsPath ${quoteInput(path ?? '')} not found (no ${quoteInput(key)})`,
        name,
      );
    }
  }
  if (Array.isArray(value)) return value;
  const where = path ? `at recordsPath ${quoteInput(path)}` : 'at the top level';
  const arrays = isObject(value) ? findArrays(value, path ? `${path}.` : '') : [];
  const hint = arrays.length ? `; set recordsPath to one of: ${listInputs(arrays)}` : '';
  throw new InputError(
    `${name}: expected an array of records ${where}, got ${typeOf(value)}${hint}`,
    name,
  );
}

/** Dotted paths of arrays of objects inside `value`, two levels deep. */
function findArrays(value: Record<string, unknown>, prefix: string, depth = 0): string[] {
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (Array.isArray(child) && child.some(isObject)) found.push(prefix + key);
    else if (isObject(child) && depth < 1)
      appendAll(found, [...findArrays(child, `${prefix}${key}.`, 1)]);
  }
  return found;
}

/**
 * One JSON object as column -> text: strings as they are, other scalars stringified, objects
 * and arrays as JSON; null is left out. A value nested more than 100 levels deep is an error
 * (stringifying it would overflow the stack).
 */
function toValues(
  name: string,
  item: unknown,
  keys: Set<string>,
  where: string,
  line?: number,
): Record<string, string> {
  const at = line === undefined ? `${name}: ${where}` : `${name}:${line}`;
  if (!isObject(item)) {
    throw new InputError(`${at}: expected a JSON object, got ${typeOf(item)}`, name, line);
  }
  const values: Record<string, string> = {};
  for (const key in item) {
    const value = item[key];
    if (value === null || value === undefined) continue;
    keys.add(key);
    if (typeof value === 'object' && nestsDeeperThan(value, MAX_NESTING - 1)) {
      throw new InputError(`${at}: nested too deeply (over ${MAX_NESTING} levels)`, name, line);
    }
    values[key] =
      typeof value === 'string'
        ? value
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  }
  return values;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
