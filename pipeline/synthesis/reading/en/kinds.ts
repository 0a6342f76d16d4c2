/**
 * What an English sentence does, read from its structure: a proposal names an action (see
 * `proposal.ts`), a concern a problem (negative evaluation, excess or lack), an opportunity a possible gain (a modal of
 * possibility before a verb, or a thing doing something good). What the speaker says of
 * themselves ("I still need to ...", "AI has given me ...") is none of these.
 */

import type { FindingKind } from '../reader.js';
import { appraisal, DENIAL, NEGATION } from './appraisal.js';
import { isProposal } from './proposal.js';
import { type Tag, tagSentence } from './tags.js';
import { DESIRE, NOUN_POS, nextVerb, POSSIBILITY, startsWithClause, VERB_POS } from './words.js';

/** Verbs of thinking, whose "can't" is no loss: "cannot think of anything", "can't say". */
const THINKING: ReadonlySet<string> = new Set(['think', 'remember', 'recall', 'say', 'imagine']);
/** Words a subject before its modal may span: "Nothing the service could have done better". */
const SUBJECT_WORDS = 4;
const HYPOTHETICAL: ReadonlySet<string> = new Set(['could', 'would', 'may', 'might']);
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
const SPEAKER: ReadonlySet<string> = new Set(['i', 'me', 'my', 'myself', 'mine']);
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
  // Punctuation stays in for the appraisal: a denial's scope ends with its clause ("No comments -
  // very happy").
  const framed = withoutFrame(tags.filter((t) => t.pos !== 'SYM'));
  const polarity = appraisal(withoutAside(framed));
  return { kind: kindOf(words, sentence, polarity), words, polarity };
}

function kindOf(words: Tag[], sentence: string, polarity: number): FindingKind | null {
  if (isProposal(words, sentence)) return 'proposal';
  if (words.some((t) => SPEAKER.has(t.word))) return null;
  if (grantsGain(words)) return 'opportunity';
  if (polarity < NEGATIVE) return 'concern';
  const modal = possibilityAt(words);
  // "Nothing could be improved", "nothing else could have been done": no gain, no loss.
  if (modal >= 0 && deniedSubject(words, modal)) return null;
  if (modal >= 0 && NEGATION.has(words[modal + 1]?.word ?? '')) {
    // "wouldn't be able to ..." is a loss, unless the sentence praises ("not a bad thing"), or
    // it only cannot think of something ("cannot think of anything").
    const verb = words[nextVerb(words, modal)]?.lemma ?? '';
    return polarity > POSITIVE || THINKING.has(verb) ? null : 'concern';
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
  // "... so providing them with money would mean ...": a gerund is a subject, not the main verb.
  if (tag === undefined || !GRANTING.has(tag.lemma) || tag.word.endsWith('ing')) return false;
  const before = tags.slice(0, verb);
  return (
    before.some((t) => NOUN_POS.has(t.pos)) &&
    before.every((t) => t.pos !== 'SCONJ' && !NEGATION.has(t.word))
  );
}

/** Whether the subject before the modal at `at` is a denial: "Nothing could be improved". */
function deniedSubject(words: readonly Tag[], at: number): boolean {
  const subject = words.slice(Math.max(0, at - SUBJECT_WORDS), at);
  return subject.some((t) => DENIAL.has(t.word)) && subject.every((t) => !VERB_POS.has(t.pos));
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
