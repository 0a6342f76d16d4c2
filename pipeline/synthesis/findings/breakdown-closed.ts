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
