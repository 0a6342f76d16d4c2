/**
 * Boilerplate removal: greetings at the start, sign-offs and signatures at the end, and quoted
 * replies anywhere. Works on normalised text, removes whole lines (or a greeting prefix) so the
 * result stays normalised, and logs every removal so the text before it can be rebuilt.
 */
import type { RemovalKind } from '../../schemas/clean-record.js';
import {
  ADDRESSEES,
  ATTRIBUTION,
  ATTRIBUTION_START,
  CLIENT_SIGNATURE,
  GREETING,
  HEADER_FIELD,
  isNameLine,
  isSignOffLine,
  NEEDS_ADDRESSEE,
  QUOTED_HEADER,
  SIGNATURE_DELIMITER,
} from './boilerplate-patterns.js';
import type { Deletion, RemovalLog } from './removal-log.js';

/** Each pass removes something, so this only bounds pathological stacks of boilerplate. */
const MAX_PASSES = 100;
/** A signature longer than this is more likely a separator followed by content. */
const MAX_SIGNATURE_LINES = 10;
/** Lines a sign-off may be followed by (name, role, organisation, contact). */
const MAX_NAME_LINES = 4;

interface Line {
  text: string;
  start: number;
}

type Finder = (lines: readonly Line[], text: string) => Deletion[];

/**
 * Removes boilerplate from normalised `text` until none is left (a fixed point, so cleaning is
 * idempotent), logging each removal in `log`. Never removes the last letters of a text: a
 * contribution that is only "Thanks!" keeps it as its substance.
 */
export function stripBoilerplate(text: string, log: RemovalLog): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const deletions = findBoilerplate(current);
    if (deletions.length === 0) break;
    current = log.apply(current, deletions);
  }
  return current;
}

const FINDERS: readonly Finder[] = [findQuotedReplies, findSignature, findSignOff, findGreeting];

function findBoilerplate(text: string): Deletion[] {
  if (text.length === 0) return [];
  const lines = splitLines(text);
  for (const find of FINDERS) {
    const deletions = find(lines, text);
    if (deletions.length > 0 && leavesLetters(text, deletions)) return deletions;
  }
  return [];
}

function splitLines(text: string): Line[] {
  let start = 0;
  return text.split('\n').map((line) => {
    const entry = { text: line, start };
    start += line.length + 1;
    return entry;
  });
}

function leavesLetters(text: string, deletions: readonly Deletion[]): boolean {
  let from = 0;
  for (const { start, end } of [...deletions, { start: text.length, end: text.length }]) {
    if (/\p{L}/u.test(text.slice(from, start))) return true;
    from = end;
  }
  return false;
}

/**
 * Lines `first..last` as a character range, taking one neighbouring newline or blank line with
 * them so that what remains has no blank line at either end and never two in a row.
 */
function removeLines(
  lines: readonly Line[],
  first: number,
  last: number,
  text: string,
  kind: RemovalKind,
): Deletion {
  const isBlank = (i: number) => lines[i]?.text === '';
  const lineEnd = (i: number) => (lines[i]?.start ?? 0) + (lines[i]?.text.length ?? 0);
  let start = lines[first]?.start ?? 0;
  let end = lines[last + 1]?.start ?? text.length;
  if (last === lines.length - 1 && first > 0) {
    start = lineEnd(isBlank(first - 1) ? first - 2 : first - 1);
    end = text.length;
  } else if (isBlank(last + 1) && (first === 0 || isBlank(first - 1))) {
    end = lines[last + 2]?.start ?? text.length;
  }
  return { start, end, kind };
}

/** Blocks of `>` lines (with blank lines between them), each with its "On ... wrote:" line. */
function findQuotedReplies(lines: readonly Line[], text: string): Deletion[] {
  const toEnd = quotedTail(lines);
  const deletions: Deletion[] = [];
  for (let i = 0; i < toEnd; i++) {
    if (!lines[i]?.text.startsWith('>')) continue;
    let last = i;
    for (let j = i + 1; j < toEnd && /^(?:>|$)/.test(lines[j]?.text ?? ''); j++) {
      if (lines[j]?.text !== '') last = j;
    }
    pushMerged(
      deletions,
      removeLines(lines, attributionBefore(lines, i), last, text, 'quoted-reply'),
    );
    i = last;
  }
  if (toEnd < lines.length) {
    pushMerged(deletions, removeLines(lines, toEnd, lines.length - 1, text, 'quoted-reply'));
  }
  return trimEdges(deletions, text);
}

/**
 * Merged blocks can reach the end (or start) of the text from the middle: take the newlines
 * before (or after) them too, so the text keeps no blank line at its ends.
 */
function trimEdges(deletions: Deletion[], text: string): Deletion[] {
  const first = deletions[0];
  if (first?.start === 0) while (text[first.end] === '\n') first.end++;
  const last = deletions.at(-1);
  if (last?.end === text.length)
    while (last.start > 0 && text[last.start - 1] === '\n') last.start--;
  const previous = deletions.at(-2);
  if (last && previous && last.start <= previous.end) {
    previous.end = last.end;
    deletions.pop();
  }
  return deletions;
}

/** Appends a deletion, merging it into the previous one when their ranges touch. */
function pushMerged(deletions: Deletion[], deletion: Deletion): void {
  const previous = deletions.at(-1);
  if (previous !== undefined && deletion.start <= previous.end) {
    previous.end = Math.max(previous.end, deletion.end);
  } else deletions.push(deletion);
}

/** Where a quoted block's attribution starts ("On ... wrote:", maybe wrapped), else `first`. */
function attributionBefore(lines: readonly Line[], first: number): number {
  const at = lines[first - 1]?.text === '' ? first - 2 : first - 1;
  const line = lines[at]?.text ?? '';
  if (ATTRIBUTION.test(line)) return at;
  const joined = `${lines[at - 1]?.text ?? ''} ${line}`;
  return ATTRIBUTION_START.test(joined) && ATTRIBUTION.test(joined) ? at - 1 : first;
}

/** The first line of a forwarded/replied-to message whose quoted text runs to the end. */
function quotedTail(lines: readonly Line[]): number {
  const lastQuoted = lines.findLastIndex((l) => l.text.startsWith('>'));
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]?.text ?? '';
    if (QUOTED_HEADER.test(line)) return i;
    if (/^\S+:\s/.test(line) && isHeaderBlock(lines, i)) return i;
    // An attribution with a date but no `>` lines after it: the reply follows unquoted.
    if (ATTRIBUTION.test(line) && /\d/.test(line) && lastQuoted < i) return i;
  }
  return lines.length;
}

/** "From: / Sent: / To: / Subject:" headers of a quoted message: at least three in a row. */
function isHeaderBlock(lines: readonly Line[], i: number): boolean {
  let fields = 0;
  while (HEADER_FIELD.test(lines[i + fields]?.text ?? '')) fields++;
  return fields >= 3;
}

/** A `-- ` signature block or a "Sent from my iPhone" line at the end. */
function findSignature(lines: readonly Line[], text: string): Deletion[] {
  const last = lines.length - 1;
  if (CLIENT_SIGNATURE.test(lines[last]?.text ?? ''))
    return [removeLines(lines, last, last, text, 'signature')];
  for (let i = last - 1; i >= Math.max(1, last - MAX_SIGNATURE_LINES); i--) {
    if (SIGNATURE_DELIMITER.test(lines[i]?.text ?? ''))
      return [removeLines(lines, i, last, text, 'signature')];
  }
  return [];
}

/** A closing line ("Best regards,") followed only by name-like lines, at the end. */
function findSignOff(lines: readonly Line[], text: string): Deletion[] {
  const last = lines.length - 1;
  for (let i = last; i >= Math.max(0, last - MAX_NAME_LINES); i--) {
    const line = lines[i]?.text ?? '';
    if (isSignOffLine(line)) return [removeLines(lines, i, last, text, 'sign-off')];
    if (!isNameLine(line)) break;
  }
  return [];
}

/** A greeting opening the first line: the whole line, or the prefix before the content. */
function findGreeting(lines: readonly Line[], text: string): Deletion[] {
  const first = lines[0]?.text ?? '';
  const length = greetingLength(first);
  if (length === 0) return [];
  if (length >= first.length) return [removeLines(lines, 0, 0, text, 'greeting')];
  return [{ start: 0, end: length, kind: 'greeting' }];
}

/**
 * Length of the greeting that opens `line` ("Hi all, ", "Dear Ms Lima,"), or 0. After the greeting
 * word come at most four addressee words (group words or capitalised names), then punctuation or
 * the end of the line; anything else means the line is not a greeting.
 */
export function greetingLength(line: string): number {
  const keyword = GREETING.exec(line)?.[0];
  if (keyword === undefined) return 0;
  let rest = line.slice(keyword.length);
  let words = 0;
  for (;;) {
    // Punctuation must be followed by a space or the line end: what follows a removed prefix
    // then starts after whitespace as before, so redaction sees the same context when re-run.
    // A dash only counts with space around it, so "Hi-vis vests" is not a greeting.
    const punctuation = /^\s*[,!:;.]+(?:\s+|$)|^\s+[—–-]+(?:\s+|$)/.exec(rest)?.[0];
    if (punctuation !== undefined || rest.trim() === '') {
      if (words === 0 && NEEDS_ADDRESSEE.test(keyword)) return 0;
      return line.length - rest.length + (punctuation?.length ?? rest.length);
    }
    const word = /^\s+([\p{L}\p{M}'’./&-]+)/u.exec(rest);
    if (word === null || words === 4 || !isAddressee(word[1] ?? '')) return 0;
    rest = rest.slice(word[0].length);
    words++;
  }
}

function isAddressee(word: string): boolean {
  return ADDRESSEES.has(word.toLowerCase()) || /^\p{Lu}/u.test(word);
}
