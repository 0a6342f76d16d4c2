import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { type Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Consultation, ConsultationChecked } from '../schemas/consultation.js';
import { closestMatch, knownKeysAt } from './config-keys.js';
import { ConfigError } from './errors.js';
import { sha256 } from './hash.js';
import { MAX_NESTING, nestsDeeperThan } from './nesting.js';
import { clipInput } from './quote-input.js';
import { formatPath } from './zod-issues.js';

/** A parsed, validated consultation config and where it came from. */
export interface LoadedConfig {
  config: Consultation;
  /** Absolute path of the YAML file. */
  path: string;
  /** Folder that relative input paths are resolved against. */
  dir: string;
  /** SHA-256 of the file's bytes. */
  hash: string;
  bytes: number;
}

const MAX_LISTED_ISSUES = 8;

/**
 * Reads and validates a consultation config. Errors name the file, the line, the path in the
 * config, what was expected and what was found, with "did you mean" for misspelt keys.
 */
export async function loadConsultation(path: string): Promise<LoadedConfig> {
  const absolute = resolve(path);
  const name = basename(path);
  const bytes = await readFile(absolute).catch((cause: NodeJS.ErrnoException) => {
    const why = cause.code === 'ENOENT' ? 'no such file' : cause.message;
    throw new ConfigError(`${path}: cannot read the config (${why})`, path, { cause });
  });
  const lines = new LineCounter();
  const doc = parseDocument(bytes.toString('utf8'), { lineCounter: lines, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line;
    // The parser recurses per level: a 100,000-deep `[[[...]]]` exhausts its stack.
    const why =
      yamlError.code === 'RESOURCE_EXHAUSTION'
        ? `nested too deeply (over ${MAX_NESTING} levels)`
        : `not valid YAML: ${clipInput(yamlError.message.split('\n')[0] ?? '')}`;
    throw new ConfigError(`${name}:${line}: ${why}`, path);
  }
  const checked = ConsultationChecked.safeParse(toPlainData(doc, path, name));
  if (!checked.success) {
    const messages = checked.error.issues.map((issue) => describeIssue(issue, doc, lines, name));
    const more =
      messages.length > MAX_LISTED_ISSUES
        ? [`... and ${messages.length - MAX_LISTED_ISSUES} more`]
        : [];
    throw new ConfigError(
      ['Invalid config:', ...messages.slice(0, MAX_LISTED_ISSUES), ...more].join('\n  '),
      path,
    );
  }
  return {
    config: checked.data,
    path: absolute,
    dir: dirname(absolute),
    hash: sha256(bytes),
    bytes: bytes.length,
  };
}

/**
 * The document as plain data. Aliases expanding past yaml's limit (its `maxAliasCount`, 100
 * by default: a "billion laughs" bomb) and nesting deeper than 100 levels are refused with a
 * clear line.
 */
function toPlainData(doc: Document, path: string, name: string): unknown {
  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (cause) {
    if (!(cause instanceof ReferenceError && /alias count/i.test(cause.message))) throw cause;
    throw new ConfigError(
      `${name}: too many aliases (its *references would expand past the YAML reader's limit, as in a "billion laughs" bomb); write the values out instead`,
      path,
      { cause },
    );
  }
  if (nestsDeeperThan(data))
    throw new ConfigError(`${name}: nested too deeply (over ${MAX_NESTING} levels)`, path);
  return data;
}

function describeIssue(
  issue: z.core.$ZodIssue,
  doc: Document,
  lines: LineCounter,
  name: string,
): string {
  const at = (path: readonly PropertyKey[]) => {
    const node = doc.getIn(path as unknown[], true) as
      | { range?: [number, number, number] }
      | undefined;
    const offset = node?.range?.[0];
    return offset === undefined ? name : `${name}:${lines.linePos(offset).line}`;
  };
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(ConsultationChecked, issue.path);
    return issue.keys
      .map((key) => {
        const guess = closestMatch(key, known);
        const hint = guess ? ` (did you mean \`${guess}\`?)` : ` (known keys: ${known.join(', ')})`;
        return `${keyLine(doc, lines, name, issue.path, key)}: ${formatPath([...issue.path, key])}: unknown key${hint}`;
      })
      .join('\n  ');
  }
  const found = doc.getIn(issue.path as unknown[]);
  const seen = found === undefined ? '' : ` (found \`${clipInput(JSON.stringify(found), 60)}\`)`;
  return `${at(issue.path)}: ${formatPath(issue.path)}: ${clipInput(issue.message)}${seen}`;
}

/** `file:line` of a key's own line (not its value's, which may start lines later). */
function keyLine(
  doc: Document,
  lines: LineCounter,
  name: string,
  path: readonly PropertyKey[],
  key: string,
): string {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  const pair = isMap(parent)
    ? parent.items.find((item) => isScalar(item.key) && item.key.value === key)
    : undefined;
  const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  return offset === undefined ? name : `${name}:${lines.linePos(offset).line}`;
}
