/**
 * What an English sentence does, read from its structure: a proposal names an action (a modal of
 * obligation before a verb, "need" with an object, an imperative, a verbless wish), a concern a
 * problem (negative evaluation, excess or lack), an opportunity a possible gain (a modal of
 * possibility before a verb, or a thing doing something good). What the speaker says of
 * themselves ("I still need to ...", "AI has given me ...") is none of these.
 */

import type { FindingKind } from '../reader.js';
import { appraisal, DENIAL, NEGATION } from './appraisal.js';
import { opensWithVerb, type Tag, tagSentence } from './tags.js';

export const OBLIGATION: ReadonlySet<string> = new Set(['should', 'must', 'ought', 'shall']);
export const POSSIBILITY: ReadonlySet<string> = new Set([
  'could',
  'would',
  'can',
  'will',
  'may',
  'might',
]);
const HYPOTHETICAL: ReadonlySet<string> = new Set(['could', 'would', 'may', 'might']);
/** Verbs of wanting, which with "I" or "we" make a wish: "I would like to see more parks". */
export const DESIRE: ReadonlySet<string> = new Set(['like', 'love', 'want', 'wish']);
/** Words that make a verbless wish: "More green spaces.", "Better public transit". */
export const WISH_OPENERS: ReadonlySet<string> = new Set(['more', 'less', 'fewer', 'better', 'no']);
/** Verbs of giving or helping: what follows them is granted (see `grantsGain`). */
const GRANTING: ReadonlySet<string> = new Set([
  'allow',
  'assist',
  'create',
  'enable',
  'give',
  'help',
  'protect',
  'provide',
  'serve',
  'support',
]);
/** What "to be ..." says of the speaking, not of the thing: "to be honest". */
const ASIDES: ReadonlySet<string> = new Set(['honest', 'fair', 'frank']);
/** Verbs of thinking, which a negative "Don't" does not order: "Don't think so", "Don't know". */
const COGNITION: ReadonlySet<string> = new Set(['think', 'know', 'believe', 'remember']);
const PAST_BE: ReadonlySet<string> = new Set(['was', 'were']);
const SPEAKER: ReadonlySet<string> = new Set(['i', 'me', 'my', 'myself', 'mine']);
const VERB_POS: ReadonlySet<string> = new Set(['VERB', 'AUX']);
const NOUN_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON']);
const PHRASE_POS: ReadonlySet<string> = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET', 'ADV']);
/** What can follow an imperative verb: its object or an adverb. */
const OBJECT_POS: ReadonlySet<string> = new Set([
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
const NEGATIVE = 0;
const POSITIVE = 0;

/**
 * What an English sentence does: a proposal, a concern, an opportunity, or null for none (and
 * for questions and other languages). Proposals are read first, so "we need more police
 * because crime is rising" recommends. A leading "I think" or "I feel" frame is read past.
 */
export function statementKind(sentence: string, language: string): FindingKind | null {
  if (language !== 'en') return null;
  return readStatement(sentence)?.kind ?? null;
}

/** How a sentence was read: what it does, its words (frame read past) and its appraisal. */
export interface StatementReading {
  kind: FindingKind | null;
  words: Tag[];
  polarity: number;
}

/** An English sentence read as `statementKind` does; null for a question or no words. */
export function readStatement(sentence: string): StatementReading | null {
  if (/\?\s*["'”’)\]]*$/u.test(sentence)) return null;
  const { tags } = tagSentence(sentence);
  const words = withoutFrame(tags.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM'));
  if (words.length === 0) return null;
  const polarity = appraisal(withoutAside(words));
  return { kind: kindOf(words, sentence, polarity), words, polarity };
}

function kindOf(words: Tag[], sentence: string, polarity: number): FindingKind | null {
  if (isProposal(words, sentence)) return 'proposal';
  if (words.some((t) => SPEAKER.has(t.word))) return null;
  if (grantsGain(words)) return 'opportunity';
  if (polarity < NEGATIVE) return 'concern';
  const modal = possibilityAt(words);
  if (modal >= 0 && NEGATION.has(words[modal + 1]?.word ?? '')) {
    // "wouldn't be able to ..." is a loss, unless the sentence praises ("not a bad thing").
    return polarity > POSITIVE ? null : 'concern';
  }
  // "could" and "would" name what might be; "will" and "can" often state facts, so need praise.
  if (modal >= 0 && (HYPOTHETICAL.has(words[modal]?.word ?? '') || polarity > POSITIVE)) {
    return 'opportunity';
  }
  if (hasExcessOrLack(words)) return 'concern';
  if (polarity > POSITIVE && doesGood(words)) return 'opportunity';
  return null;
}

/** Words without an aside that appraises nothing: "to be honest", "to be fair". */
function withoutAside(tags: Tag[]): Tag[] {
  const at = tags.findIndex(
    (t, i) => t.word === 'to' && tags[i + 1]?.lemma === 'be' && ASIDES.has(tags[i + 2]?.word ?? ''),
  );
  return at < 0 ? tags : [...tags.slice(0, at), ...tags.slice(at + 3)];
}

/** The clause after "I think (that)", "I feel", "we believe": what the speaker holds. */
export function withoutFrame(tags: Tag[]): Tag[] {
  const [subject, verb] = tags;
  if (subject?.word !== 'i' && subject?.word !== 'we') return tags;
  if (verb?.pos !== 'VERB' || DESIRE.has(verb.lemma) || verb.lemma === 'need') return tags;
  const start = tags[2]?.word === 'that' ? 3 : 2;
  const rest = tags.slice(start);
  return startsWithClause(rest) ? rest : tags;
}

/** A subject (a pronoun, or a noun phrase) followed by a verb: "Bowling Green could ...". */
function startsWithClause(tags: readonly Tag[]): boolean {
  let i = 0;
  if (tags[0]?.pos === 'PRON') i = 1;
  else {
    while (i < tags.length && PHRASE_POS.has((tags[i] as Tag).pos) && i < 5) i++;
    if (i === 0 || !NOUN_POS.has(tags[i - 1]?.pos ?? '')) return false;
  }
  while (tags[i]?.pos === 'ADV' || tags[i]?.pos === 'PART') i++;
  return VERB_POS.has(tags[i]?.pos ?? '');
}

function isProposal(tags: readonly Tag[], sentence: string): boolean {
  return (
    hasObligation(tags) ||
    hasNeed(tags) ||
    hasDesire(tags) ||
    isImperative(tags, sentence) ||
    isVerblessWish(tags) ||
    isBestCourse(tags)
  );
}

/** "should", "must", "ought to" before a verb; with "I" only "I should be (able) ...". */
function hasObligation(tags: readonly Tag[]): boolean {
  for (let i = 0; i < tags.length; i++) {
    if (!OBLIGATION.has((tags[i] as Tag).word)) continue;
    const verb = nextVerb(tags, i);
    if (verb < 0) continue;
    if (subjectBefore(tags, i)?.word === 'i' && tags[verb]?.lemma !== 'be') continue;
    return true;
  }
  return false;
}

/** "X needs more ...", "we need to ...", "in need of": need with something needed, not "I need". */
function hasNeed(tags: readonly Tag[]): boolean {
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as Tag;
    if (tag.lemma !== 'need') continue;
    const next = tags[i + 1];
    if (tag.pos === 'NOUN') {
      if (tags[i - 1]?.word === 'in' && next?.word === 'of') return true;
      continue;
    }
    if (tag.pos !== 'VERB' || subjectBefore(tags, i)?.word === 'i') continue;
    if (NEGATION.has(tags[i - 1]?.word ?? '')) continue;
    // "More youth programs are needed", "Stronger laws needed!".
    if (tag.word === 'needed' && (tags[i - 1]?.lemma === 'be' || next === undefined)) return true;
    // "needed a test" in the past tells what was needed, not what is asked for.
    if (tag.word === 'needed') continue;
    if (next?.word === 'to' || (next !== undefined && PHRASE_POS.has(next.pos))) return true;
  }
  return false;
}

/** "I would like to see ...", "we want more ...": a first-person wish for something. */
function hasDesire(tags: readonly Tag[]): boolean {
  const at = tags.findIndex((t) => DESIRE.has(t.lemma) && t.pos === 'VERB');
  if (at < 0) return false;
  const subject = subjectBefore(tags, at)?.word;
  return (subject === 'i' || subject === 'we') && !NEGATION.has(tags[at - 1]?.word ?? '');
}

/**
 * A base-form verb at the start (after "please" or "let's"): "Build parking areas.", "Ban
 * smoking in parks." The tagger reads some sentence-initial verbs as nouns ("Ban", "Fund"),
 * so a first word that is not a verb is tagged again after "please".
 */
export function isImperative(tags: readonly Tag[], sentence: string): boolean {
  if (tags.some((t, i) => t.word === 'please' && tags[i + 1]?.pos === 'VERB')) return true;
  if (tags[0]?.lemma === 'let' && tags[1]?.word === "'s") return true;
  // "Actually teach HS students useful things.": an adverb before the order.
  const [first, next] = tags[0]?.pos === 'ADV' && tags.length > 2 ? tags.slice(1) : tags;
  if (first === undefined || first.word !== first.lemma || next?.word === 'you') return false;
  // "Don't think so": not knowing or thinking orders nothing.
  if (
    first.word === 'do' &&
    NEGATION.has(next?.word ?? '') &&
    COGNITION.has(tags[2]?.lemma ?? '')
  ) {
    return false;
  }
  // "Could not have been better.": a modal without its subject is no order.
  if (POSSIBILITY.has(first.word)) return false;
  if (VERB_POS.has(next?.pos ?? '')) return false;
  // "Do something about ...", "Have certain hours ...": a bare auxiliary before its object.
  if (first.pos === 'VERB' || first.pos === 'AUX')
    return next?.pos !== 'PRON' || first.pos === 'VERB';
  // A noun phrase with a verb after it is a subject ("Flag burning is ..."), not an order.
  if (startsWithClause(tags) || !OBJECT_POS.has(next?.pos ?? '')) return false;
  // A noun and what it is like: "Staff very helpful & friendly." appraises, it orders nothing.
  if (isVerblessAppraisal(tags.slice(1))) return false;
  return opensWithVerb(sentence);
}

/** Only adverbs and adjectives joined by "and": what a named thing is like ("very kind and helpful"). */
function isVerblessAppraisal(rest: readonly Tag[]): boolean {
  const joins = new Set(['ADV', 'ADJ', 'CCONJ', 'SYM']);
  return rest.some((t) => t.pos === 'ADJ') && rest.every((t) => joins.has(t.pos));
}

/** A wish without a verb of its own: "More green spaces.", "Better public transit and ...". */
export function isVerblessWish(tags: readonly Tag[]): boolean {
  const first = tags[0];
  if (first === undefined) return false;
  // A comparative adjective ("Stronger laws", "Lower taxes") wishes as "more" does.
  const comparative = first.pos === 'ADJ' && first.word !== first.lemma;
  if (!WISH_OPENERS.has(first.word) && !comparative) return false;
  // "No complaints.", "No problems at all": denying a harm praises; "No more fees" wishes.
  if (first.word === 'no' && tags[1]?.word !== 'more' && appraisal(tags) > 0) return false;
  let i = 1;
  while (i < tags.length && PHRASE_POS.has((tags[i] as Tag).pos)) i++;
  const hasNoun = tags.slice(1, i).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  return hasNoun && (!VERB_POS.has(tags[i]?.pos ?? '') || tags[i]?.word === 'needed');
}

/** "X is the best way to ...", "it is the right thing to do", "it would be great if ...". */
function isBestCourse(tags: readonly Tag[]): boolean {
  const be = tags.findIndex((t) => t.lemma === 'be');
  if (be < 0) return false;
  const rest = tags.slice(be + 1, be + 8);
  const to = rest.findIndex((t, k) => t.word === 'to' && rest[k + 1]?.pos === 'VERB');
  const course = rest.slice(0, Math.max(to, 0));
  const names = course.some((t) => t.pos === 'NOUN') && course[0]?.word === 'the';
  // "it is important to ...", "it is time to ...".
  // "it was a long wait to ..." tells what happened.
  const placeholder =
    tags[be - 1]?.word === 'it' &&
    !PAST_BE.has(tags[be]?.word ?? '') &&
    course.some((t) => t.pos === 'ADJ' || t.pos === 'NOUN');
  const opening = tags.findIndex((t) => t.word === 'it') === 0 && be <= 2;
  const wish = opening && rest.some((t) => t.word === 'if');
  return (to > 0 && (names || placeholder)) || wish;
}

/**
 * "too expensive", "too many apartments", "not enough ...", a lack of something; not an excess
 * denied ("nothing was too much trouble", "never too busy to help").
 */
function hasExcessOrLack(tags: readonly Tag[]): boolean {
  return tags.some((t, i) => {
    const next = tags[i + 1];
    if (t.word === 'too') {
      const denied = tags.slice(0, i).some((d) => DENIAL.has(d.word) || NEGATION.has(d.word));
      return !denied && (next?.pos === 'ADJ' || next?.pos === 'ADV');
    }
    if (NEGATION.has(t.word)) return next?.word === 'enough' || tags[i + 2]?.word === 'enough';
    return t.lemma === 'lack';
  });
}

/**
 * A thing granting something, its main verb one of giving or helping: "X would provide a means
 * of curing deadly diseases", "it creates jobs for people who struggle". The harms after such a
 * verb are what it answers, not what it causes.
 */
function grantsGain(tags: readonly Tag[]): boolean {
  const verb = tags.findIndex((t) => t.pos === 'VERB');
  const tag = tags[verb];
  if (tag === undefined || !GRANTING.has(tag.lemma)) return false;
  const before = tags.slice(0, verb);
  return (
    before.some((t) => NOUN_POS.has(t.pos)) &&
    before.every((t) => t.pos !== 'SCONJ' && !NEGATION.has(t.word))
  );
}

/** Where a modal of possibility stands before a verb ("could become", "would help"), or -1. */
function possibilityAt(tags: readonly Tag[]): number {
  return tags.findIndex((t, i) => POSSIBILITY.has(t.word) && nextVerb(tags, i) >= 0);
}

/**
 * A thing doing something: the first finite verb (not "-ing") is a verb other than "be" or
 * "have", with a noun before it and no subordinate clause opening the sentence ("Once you ...").
 */
function doesGood(tags: readonly Tag[]): boolean {
  const verb = tags.findIndex(
    (t) => t.pos === 'AUX' || (t.pos === 'VERB' && !t.word.endsWith('ing')),
  );
  const tag = tags[verb];
  // "Great service, thank you": thanks praise what was done, they promise no gain.
  if (tag?.pos !== 'VERB' || tag.lemma === 'have' || tag.lemma === 'thank') return false;
  const before = tags.slice(0, verb);
  return (
    before.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') &&
    before.every((t) => t.pos !== 'SCONJ')
  );
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
function subjectBefore(tags: readonly Tag[], at: number): Tag | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const tag = tags[i] as Tag;
    if (NOUN_POS.has(tag.pos)) return tag;
  }
  return undefined;
}
