// Reads labelled statement files (one JSON object a line, `LabelledStatement`): every error
// names the file, the line and the field.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LabelledStatement } from '../../schemas/statement-eval.js';
import { InputError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-info.js';
import { clipInput } from '../quote-input.js';
import { formatPath } from '../zod-issues.js';

/** The folder of the repo-held labelled set: every `*.jsonl` in it is read by default. */
const STATEMENTS_DIR = join(PACKAGE_ROOT, 'eval', 'statements');

/** The repo-held labelled files, in name order. */
export async function defaultStatementFiles(dir: string = STATEMENTS_DIR): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
  return names.map((name) => join(dir, name));
}

/** A labelled line and where it was read. */
export interface SourcedStatement {
  item: LabelledStatement;
  file: string;
  line: number;
}

/**
 * Reads labelled files in order. Throws an InputError naming `file:line` and the field for a
 * line that is not JSON or fails the schema, an id seen before, or a contribution (same source
 * and contribution id) whose lines disagree on its stance, question or language.
 */
export async function loadLabelledStatements(
  files: readonly string[],
): Promise<SourcedStatement[]> {
  const out: SourcedStatement[] = [];
  for (const file of files) {
    for (const line of parseStatementLines(file, await readText(file))) out.push(line);
  }
  checkAcrossLines(out);
  return out;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    const why = (cause as Error).message;
    throw new InputError(`${file}: cannot read the labelled statements: ${why}`, file, undefined, {
      cause,
    });
  }
}

/** The labelled lines of one file's text; blank lines are skipped. */
export function parseStatementLines(file: string, text: string): SourcedStatement[] {
  const out: SourcedStatement[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() !== '')
      out.push({ item: parseStatementLine(file, i + 1, raw), file, line: i + 1 });
  });
  return out;
}

function parseStatementLine(file: string, line: number, raw: string): LabelledStatement {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    const why = (cause as Error).message;
    throw new InputError(`${file}:${line}: not a JSON object: ${why}`, file, line, { cause });
  }
  const parsed = LabelledStatement.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // An unknown field is named itself, not the object that holds it.
  const path = issue?.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue?.path;
  const message = `\`${formatPath(path ?? [])}\`: ${clipInput(issue?.message ?? '')}`;
  throw new InputError(`${file}:${line}: ${message}`, file, line);
}

/** Ids are unique; the lines of one contribution agree on what belongs to the contribution. */
function checkAcrossLines(lines: readonly SourcedStatement[]): void {
  const ids = new Map<string, SourcedStatement>();
  const contributions = new Map<string, SourcedStatement>();
  for (const line of lines) {
    const { item } = line;
    const seen = ids.get(item.id);
    if (seen) fail(line, 'id', `"${clipInput(item.id)}" is also on ${seen.file}:${seen.line}`);
    ids.set(item.id, line);
    const key = contributionKey(item);
    const first = contributions.get(key);
    if (first === undefined) {
      contributions.set(key, line);
      continue;
    }
    for (const field of ['stance', 'question', 'language'] as const) {
      if (first.item[field] !== item[field]) {
        const was = `${JSON.stringify(first.item[field])} on ${first.file}:${first.line}`;
        fail(line, field, `${JSON.stringify(item[field])}, but the same contribution has ${was}`);
      }
    }
  }
}

function fail(at: SourcedStatement, field: string, message: string): never {
  throw new InputError(`${at.file}:${at.line}: \`${field}\`: ${message}`, at.file, at.line);
}

/**
 * Lines whose ids differ only in the sentence number (`<source>:<contribution>:<n>`) are one
 * contribution: two people may write the same "Nothing." to different questions.
 */
export function contributionKey(item: Pick<LabelledStatement, 'id'>): string {
  return item.id.replace(/:[^:]*$/u, '');
}
