/**
 * English word classes the statement and stance rules share (modals of obligation, possibility
 * and wish; parts of speech that make a phrase or an object) and where a clause's parts stand:
 * the verb after a modal, the subject before a verb, whether a clause opens with its subject.
 */
import type { Tag } from './tags.js';

export const OBLIGATION: ReadonlySet<string> = new Set(['should', 'must', 'ought', 'shall']);
export const POSSIBILITY: ReadonlySet<string> = new Set([
  'could',
  'would',
  'can',
  'will',
  'may',
  'might',
]);
/** Verbs of wanting, which with "I" or "we" make a wish: "I would like to see more parks". */
export const DESIRE: ReadonlySet<string> = new Set(['like', 'love', 'want', 'wish']);
/** Words that make a verbless wish: "More green spaces.", "Better public transit". */
export const WISH_OPENERS: ReadonlySet<string> = new Set(['more', 'less', 'fewer', 'better', 'no']);
export const VERB_POS: ReadonlySet<string> = new Set(['VERB', 'AUX']);
export const NOUN_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON']);
export const PHRASE_POS: ReadonlySet<string> = new Set([
  'ADJ',
  'NOUN',
  'PROPN',
  'NUM',
  'DET',
  'ADV',
]);
/** What can follow an imperative verb: its object or an adverb. */
export const OBJECT_POS: ReadonlySet<string> = new Set([
  'ADJ',
  'NOUN',
  'PROPN',
  'NUM',
  'DET',
  'ADV',
  'PRON',
  'CCONJ',
]);
/** Below this appraisal (AFINN-165 valence, see `appraisal.ts`) a sentence evaluates negatively. */

/** A subject (a pronoun, or a noun phrase) followed by a verb: "Bowling Green could ...". */
export function startsWithClause(tags: readonly Tag[]): boolean {
  let i = 0;
  if (tags[0]?.pos === 'PRON') i = 1;
  else {
    while (i < tags.length && PHRASE_POS.has((tags[i] as Tag).pos) && i < 5) i++;
    // "Staff always found ...": adverbs after the noun stand before its verb.
    while (i > 1 && tags[i - 1]?.pos === 'ADV') i--;
    if (i === 0 || !NOUN_POS.has(tags[i - 1]?.pos ?? '')) return false;
  }
  while (tags[i]?.pos === 'ADV' || tags[i]?.pos === 'PART') i++;
  return VERB_POS.has(tags[i]?.pos ?? '');
}

/**
 * The verb after a modal (past adverbs and "not"), or -1. An adjective straight before an
 * object is a verb the tagger misread ("should close it", "should lower taxes").
 */
export function nextVerb(tags: readonly Tag[], at: number): number {
  let i = at + 1;
  while (tags[i]?.pos === 'ADV' || tags[i]?.pos === 'PART') i++;
  if (tags[i]?.word === 'to') i++;
  const tag = tags[i];
  if (VERB_POS.has(tag?.pos ?? '')) return i;
  const object = tags[i + 1]?.pos;
  // After a modal an adjective needs "be"; straight before an object it is a misread verb.
  return tag?.pos === 'ADJ' && object !== undefined && OBJECT_POS.has(object) ? i : -1;
}

/** The nearest pronoun or noun before a position: the subject, as near as word order tells. */
export function subjectBefore(tags: readonly Tag[], at: number): Tag | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const tag = tags[i] as Tag;
    if (NOUN_POS.has(tag.pos)) return tag;
  }
  return undefined;
}
