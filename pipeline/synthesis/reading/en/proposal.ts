/**
 * Whether an English clause proposes: it asks for or recommends an action or change (a modal of
 * obligation before a verb, "need" with something needed, a first-person wish, an order, a
 * verbless wish, "X is the best way to ...").
 */
import { appraisal, NEGATION } from './appraisal.js';
import { opensWithVerb, type Tag } from './tags.js';
import {
  DESIRE,
  nextVerb,
  OBJECT_POS,
  OBLIGATION,
  PHRASE_POS,
  POSSIBILITY,
  startsWithClause,
  subjectBefore,
  VERB_POS,
  WISH_OPENERS,
} from './words.js';

/** Verbs of thinking, which a negative "Don't" does not order: "Don't think so", "Don't know". */
const COGNITION: ReadonlySet<string> = new Set(['think', 'know', 'believe', 'remember']);
/** What "it is ... to" says of a course to take: "it is important to", "it is time to". */
const COURSE: ReadonlySet<string> = new Set([
  'advisable',
  'best',
  'better',
  'critical',
  'crucial',
  'essential',
  'fair',
  'idea',
  'imperative',
  'important',
  'key',
  'necessary',
  'needed',
  'paramount',
  'right',
  'sensible',
  'time',
  'urgent',
  'vital',
  'wise',
]);
/** What "it would be ... to" wishes for: "it would be nice to have a pool". */
const WISHED: ReadonlySet<string> = new Set([
  'good',
  'great',
  'nice',
  'helpful',
  'useful',
  'ideal',
]);
const HYPOTHETICAL_BE: ReadonlySet<string> = new Set(['would', 'could', "'d"]);
const PAST_BE: ReadonlySet<string> = new Set(['was', 'were']);

/** Whether a clause (its words, frame read past) asks for an action or a change. */
export function isProposal(tags: readonly Tag[], sentence: string): boolean {
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
    if (tag.pos !== 'VERB') continue;
    // "I need ...", "nothing needs to change": the speaker's own need, or none.
    const denied = tags.slice(Math.max(0, i - 5), i).some((t) => NO_ONE.has(t.word));
    if (subjectBefore(tags, i)?.word === 'i' || denied || isNegatedAt(tags, i)) continue;
    // "helpful if needed": a condition, not a call.
    if (CONDITION.has(tags[i - 1]?.word ?? '')) continue;
    // "More youth programs are needed", "Stronger laws needed!".
    if (tag.word === 'needed' && (tags[i - 1]?.lemma === 'be' || next === undefined)) return true;
    // "needed a test" in the past tells what was needed, not what is asked for.
    if (tag.word === 'needed') continue;
    if (next?.word === 'to' || (next !== undefined && PHRASE_POS.has(next.pos))) return true;
  }
  return false;
}

/** Subjects that deny the need: "nothing needs to change", "nobody needs ...". */
const NO_ONE: ReadonlySet<string> = new Set(['nothing', 'nobody', 'none']);
/** Words that make "needed" a condition: "if needed", "when needed", "as needed". */
const CONDITION: ReadonlySet<string> = new Set(['if', 'when', 'as', 'where', 'whenever']);
/** What "I would like to ..." does when it thanks rather than wishes. */
const THANKING: ReadonlySet<string> = new Set(['thank', 'say', 'express', 'mention', 'add']);

/** A negation straight before a word: "not", "never", "no longer" ("No longer needing to ..."). */
function isNegatedAt(tags: readonly Tag[], at: number): boolean {
  const before = tags[at - 1]?.word ?? '';
  return NEGATION.has(before) || (before === 'longer' && tags[at - 2]?.word === 'no');
}

/** "I would like to see ...", "we want more ...": a first-person wish for something. */
function hasDesire(tags: readonly Tag[]): boolean {
  const at = tags.findIndex((t) => DESIRE.has(t.lemma) && t.pos === 'VERB');
  if (at < 0) return false;
  const subject = subjectBefore(tags, at)?.word;
  // "I would like to thank the crew": thanks, not a wish.
  if (tags[at + 1]?.word === 'to' && THANKING.has(tags[at + 2]?.lemma ?? '')) return false;
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
  // "Very prompt & professional": a word read as a verb before nothing but appraisal describes;
  // a verb that takes an adjective ("Be more patient", "Stay calm") still orders.
  const rest = tags.slice(tags.indexOf(first) + 1);
  // "Find the service very good.": a judgement with its "I" left out, not an order.
  const clause = rest.some((t) => VERB_POS.has(t.pos) || t.word === 'to');
  if (JUDGING.has(first.lemma) && !clause && judges(rest.at(-1))) return false;
  if (!LINKING.has(first.lemma) && (isVerblessAppraisal(rest) || describes(rest))) return false;
  // "Do something about ...", "Have certain hours ...": a bare auxiliary before its object.
  if (first.pos === 'VERB' || first.pos === 'AUX')
    return next?.pos !== 'PRON' || first.pos === 'VERB';
  // A noun phrase with a verb after it is a subject ("Flag burning is ..."), not an order.
  if (startsWithClause(tags) || !OBJECT_POS.has(next?.pos ?? '')) return false;
  // A noun and what it is like: "Staff very helpful & friendly." appraises, it orders nothing.
  if (isVerblessAppraisal(tags.slice(1))) return false;
  return opensWithVerb(sentence);
}

/** Verbs of judging, whose object and adjective say what the speaker found: "Find it good". */
const JUDGING: ReadonlySet<string> = new Set(['find', 'rate', 'consider']);
/** Whether a word says what a thing is like: an adjective, or a word the tagger misreads ("kind"). */
function judges(tag: Tag | undefined): boolean {
  return tag !== undefined && (tag.pos === 'ADJ' || appraisal([tag]) !== 0);
}

/** Degree words before an adjective: "Staff very friendly", "Porters always kind". */
const DEGREE: ReadonlySet<string> = new Set([
  'very',
  'so',
  'really',
  'extremely',
  'always',
  'quite',
  'both',
]);

/**
 * What follows a word read as a verb says what the word's thing is like or was, so the word is
 * a noun or an adjective: an adjective (after degree words) that does not go before a noun
 * ("Staff polite, helpful ...", "Staff very friendly"; not "Hire friendly staff", "Build better
 * roads"), an adjective joined to the word by "and" ("Prompt and very helpful response": a verb
 * is not joined to an adjective), or a noun then "was"/"were" ("Wait time was ridiculous").
 */
function describes(rest: readonly Tag[]): boolean {
  const [a, b] = rest;
  if (a?.pos === 'NOUN' && (b?.word === 'was' || b?.word === 'were')) return true;
  const joined = a?.pos === 'CCONJ';
  let at = joined ? 1 : 0;
  while (DEGREE.has(rest[at]?.word ?? '')) at++;
  const adjective = rest[at];
  // Joined by "and", the tagger's misread nouns count too: "Prompt and very kind".
  const judged = joined ? judges(adjective) : adjective?.pos === 'ADJ';
  if (adjective === undefined || !judged || adjective.word !== adjective.lemma) return false;
  const after = rest[at + 1]?.pos;
  // "Clean and tidy the ward": an object after the adjectives makes them verbs after all.
  return joined ? after !== 'DET' : after !== 'NOUN' && after !== 'PROPN';
}

/** Verbs whose order takes an adjective: "Be more patient", "Stay calm", "Keep clean". */
const LINKING: ReadonlySet<string> = new Set(['be', 'stay', 'keep', 'remain', 'get', 'become']);
/** What is said of feedback itself: "No comments", "No issues" praise or say nothing; no wish. */
const FEEDBACK: ReadonlySet<string> = new Set([
  'comment',
  'complaint',
  'problem',
  'issue',
  'concern',
  'suggestion',
  'improvement',
  'change',
  'idea',
  'need',
]);

/**
 * Only adverbs, adjectives and appraising words joined by "and": what a named thing is like
 * ("very kind and helpful", where the tagger may read "kind" as a noun).
 */
function isVerblessAppraisal(rest: readonly Tag[]): boolean {
  const joins = new Set(['ADV', 'ADJ', 'CCONJ', 'SYM']);
  // After a degree word comes what the thing is like, however tagged: "Crew very patient".
  const describes = (t: Tag, k: number) =>
    joins.has(t.pos) || appraisal([t]) !== 0 || DEGREE.has(rest[k - 1]?.word ?? '');
  // "People very kind": after a degree word the tagger may read the adjective as a noun.
  const judged = rest.some((t) => t.pos === 'ADJ') || DEGREE.has(rest[0]?.word ?? '');
  return judged && rest.every(describes);
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
  if (first.word === 'no' && FEEDBACK.has(tags[1]?.lemma ?? '')) return false;
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
  // "it is important to ...", "it would be nice to ..."; not "it is easy to find a job" (a fact),
  // "it was a long wait to ..." (what happened).
  const wished = HYPOTHETICAL_BE.has(tags[be - 1]?.word ?? '') && tags[be - 2]?.word === 'it';
  const placeholder =
    (tags[be - 1]?.word === 'it' || wished) &&
    !PAST_BE.has(tags[be]?.word ?? '') &&
    course.some((t) => COURSE.has(t.lemma) || (wished && WISHED.has(t.lemma)));
  const opening = tags.findIndex((t) => t.word === 'it') === 0 && be <= 2;
  const wish = opening && rest.some((t) => t.word === 'if');
  return (to > 0 && (names || placeholder)) || wish;
}
