// A closed yes/no question among the attributes: which it is, and each participant's answer.
import { valueKey } from './breakdown-groups.js';

/** A participant's answer to a closed yes/no question. */
export type ClosedAnswer = 'yes' | 'no' | 'unclear';

// Whole cell values, as `valueKey` gives them with end punctuation removed.
const YES = new Set(['yes', 'y', 'ja', 'oui', 'sí', 'si', 'yes definitely', 'definitely yes']);
const NO = new Set(['no', 'n', 'nein', 'non', 'no definitely not', 'definitely not']);
const UNCLEAR = new Set([
  "don't know",
  'dont know',
  'do not know',
  'not sure',
  'unsure',
  'maybe',
  'undecided',
  "don't know / not sure",
  'no opinion',
  'prefer not to say',
  'n/a',
  'weiß nicht',
  'weiss nicht',
  'keine angabe',
  'vielleicht',
  'je ne sais pas',
  'ne sais pas',
  'sans opinion',
  'peut-être',
  'no sé',
  'no lo sé',
  'ns/nc',
  'quizás',
  'tal vez',
]);

/** A cell value read as an answer to a yes/no question, or null when it is none. */
export function closedAnswer(value: string): ClosedAnswer | null {
  const key = valueKey(value)
    .replace(/[’‘]/gu, "'")
    .replace(/^[\s"'“«¡¿]+|[\s.!?,;:"'”»]+$/gu, '')
    .replace(/\s*,\s*/gu, ' ');
  if (YES.has(key)) return 'yes';
  if (NO.has(key)) return 'no';
  if (UNCLEAR.has(key)) return 'unclear';
  return null;
}

/**
 * Whether an attribute is a closed yes/no question: every value an answer (yes, no, or one
 * saying neither: "Don't know", "Weiß nicht"), with both a yes and a no among them.
 */
export function isClosedYesNo(values: Iterable<string>): boolean {
  const seen = new Set<ClosedAnswer>();
  for (const value of values) {
    const answer = closedAnswer(value);
    if (answer === null) return false;
    seen.add(answer);
  }
  return seen.has('yes') && seen.has('no');
}

/**
 * Each participant's answer (by index: 1 yes, 0 no, -1 neither clearly or none) and the counts,
 * when the attribute is a closed yes/no question (see `isClosedYesNo`); else null, as soon as a
 * value is no answer. Each distinct value is read once.
 */
export function closedAnswers(values: readonly (string | undefined)[]) {
  const read = new Map<string, ClosedAnswer | null>();
  const answers = new Array<ClosedAnswer | undefined>(values.length);
  for (const [i, value] of values.entries()) {
    if (value === undefined) continue;
    let answer = read.get(value);
    if (answer === undefined) {
      answer = closedAnswer(value);
      read.set(value, answer);
    }
    if (answer === null) return null;
    answers[i] = answer;
  }
  if (!isClosedYesNo(read.keys())) return null;
  const states = new Int8Array(values.length).fill(-1);
  const counts = { yes: 0, no: 0, unclear: 0 };
  for (const [i, answer] of answers.entries()) {
    counts[answer ?? 'unclear'] += 1;
    if (answer === 'yes' || answer === 'no') states[i] = answer === 'yes' ? 1 : 0;
  }
  return { states, counts };
}
