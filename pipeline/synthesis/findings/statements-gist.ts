/**
 * What an English statement says, read from its structure, so that only statements saying the
 * same thing are grouped: the action a proposal asks for or the thing it wishes for, and the
 * thing a concern or an opportunity is about, with the noun phrases they concern.
 */
import { foldWord } from '../../nlp/tokenise.js';
import { NEGATION } from '../reading/en/appraisal.js';
import { withoutFrame } from '../reading/en/kinds.js';
import { isImperative, isVerblessWish } from '../reading/en/proposal.js';
import { type Tag, tagSentence } from '../reading/en/tags.js';
import { DESIRE, nextVerb, OBLIGATION } from '../reading/en/words.js';
import type { FindingKind } from '../reading/reader.js';

/** A noun phrase: its head noun and the words before the head that say which one. */
export interface Phrase {
  head: string;
  modifiers: ReadonlySet<string>;
  /** "less", "fewer" or "no" before it: a wish for less of it. */
  less: boolean;
}

/** What a statement says: two statements say the same thing when their gists agree. */
export interface Gist {
  /**
   * What it asks for or is about, any of them: "do:add" (an action, "not do:allow" negated),
   * "be:legal" (a state), "want:bus" (a thing wished for, "want-less:car"), "about:rent".
   */
  keys: ReadonlySet<string>;
  /** Who or what a proposal's modal or "need" is said of ("Dogs should ..."), when a noun. */
  subject: Phrase | null;
  /** The things acted on or wished for ("trees and shade"), or what a concern is about. */
  objects: readonly Phrase[];
  /** Where or how, after the object, up to the next clause: "in public parks", "on chains". */
  complement: ReadonlySet<string>;
}

const NOUN: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);
const IN_PHRASE: ReadonlySet<string> = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET', 'ADV']);
const POSSESSIVE: ReadonlySet<string> = new Set([
  'my',
  'our',
  'your',
  'their',
  'its',
  'his',
  'her',
]);
/** Words that say how much, not which: "more buses" and "buses" are the same buses. */
const QUANTITY: ReadonlySet<string> = new Set([
  ...['more', 'less', 'fewer', 'better', 'no', 'many', 'few', 'much', 'enough', 'some'],
  ...['all', 'every', 'any', 'other', 'several', 'lot', 'most', 'least', 'new', 'existing'],
]);
const LESS: ReadonlySet<string> = new Set(['less', 'fewer', 'no']);
/** Heads that name an amount of what follows "of": "a lack of bins" is about bins. */
const AMOUNT: ReadonlySet<string> = new Set([
  ...['lack', 'shortage', 'number', 'amount', 'lot', 'kind', 'type', 'variety', 'level'],
]);
/** Verbs that only carry the thing they take: "should have shade trees" wishes for trees. */
const LIGHT: ReadonlySet<string> = new Set(['have', 'get', 'see']);
const JOINS: ReadonlySet<string> = new Set(['and', 'or', '&']);
/** Farthest a noun phrase reaches, in words. */
const MAX_PHRASE = 8;
/** Farthest a complement reaches, in words. */
const MAX_COMPLEMENT = 10;
const CLAUSE_END: ReadonlySet<string> = new Set(['VERB', 'AUX', 'PRON', 'PUNCT', 'SCONJ', 'PART']);
const CONTENT: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const NONE: ReadonlySet<string> = new Set();

/**
 * The gist of a statement of the given kind, or null when its structure does not tell (such
 * a statement is grouped with no other). A concern or an opportunity is about its first noun
 * phrase headed by none of `topic` (folded words, default none: a claim's own topic, which
 * every reason on the claim is about). English only, as `statementKind`.
 */
export function gistOf(
  sentence: string,
  kind: FindingKind,
  topic: ReadonlySet<string> = NONE,
): Gist | null {
  const tags = withoutFrame(tagSentence(sentence).tags.filter((t) => t.pos !== 'SPACE'));
  if (kind !== 'proposal') {
    const about = firstPhrase(tags, topic);
    if (about === null) return null;
    return {
      keys: new Set([`about:${about.head}`]),
      subject: null,
      objects: [about],
      complement: NONE,
    };
  }
  const gist = proposalGist(tags, sentence);
  // "Think about it.", "We need to act now": an action on nothing named says too little to group.
  const named = gist !== null && (gist.subject !== null || gist.objects.length > 0);
  return named || (gist?.complement.size ?? 0) > 0 ? gist : null;
}

/**
 * Whether two gists say the same thing: they share a key, and where both name a subject, or
 * both objects, the same head noun without contrasting modifiers ("medical marijuana" is not
 * "recreational marijuana"; "more frequent buses" are still "more buses").
 */
export function sameGist(a: Gist, b: Gist): boolean {
  if (![...a.keys].some((k) => b.keys.has(k))) return false;
  if (a.subject !== null && b.subject !== null && !samePhrase(a.subject, b.subject)) return false;
  if (!overlaps(a.complement, b.complement)) return false;
  if (a.objects.length === 0 || b.objects.length === 0) return true;
  return a.objects.some((x) => b.objects.some((y) => samePhrase(x, y)));
}

function samePhrase(a: Phrase, b: Phrase): boolean {
  return a.head === b.head && overlaps(a.modifiers, b.modifiers);
}

/** Words that do not contrast: one side has none, or both share one. */
function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  return [...a].some((w) => b.has(w));
}

/** An order or a verbless wish opens the sentence; else the first modal, "need" or wish leads. */
function proposalGist(tags: readonly Tag[], sentence: string): Gist | null {
  const words = tags.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  if (isVerblessWish(words)) return thingGist(tags, 0, null);
  if (isImperative(words, sentence)) {
    const please = tags.findIndex((t) => t.word === 'please');
    const start = please >= 0 ? please + 1 : tags[0]?.lemma === 'let' ? 2 : 0;
    const first = tags[start]?.pos === 'ADV' ? start + 1 : start;
    return actionGist(tags, first, false, null);
  }
  for (let i = 0; i < tags.length; i++) {
    const gist = obligationAt(tags, i) ?? needAt(tags, i) ?? desireAt(tags, i);
    if (gist !== undefined) return gist;
  }
  return courseGist(tags);
}

/** "X should (not) VERB": the action, said of the noun before the modal. */
function obligationAt(tags: readonly Tag[], at: number): Gist | null | undefined {
  if (!OBLIGATION.has((tags[at] as Tag).word)) return undefined;
  const verb = nextVerb(tags, at);
  if (verb < 0) return undefined;
  const negated = tags.slice(at + 1, verb).some((t) => NEGATION.has(t.word));
  return actionGist(tags, verb, negated, subjectBefore(tags, at));
}

/** "X needs to VERB" (the action), "X needs Y" or "Y is needed" (the thing). */
function needAt(tags: readonly Tag[], at: number): Gist | null | undefined {
  const tag = tags[at] as Tag;
  if (tag.lemma !== 'need' || tag.pos !== 'VERB') return undefined;
  // "I need to ..." speaks of the speaker, "don't need" of nothing wanted: as `statementKind`.
  if (tags[at - 1]?.word === 'i' || NEGATION.has(tags[at - 1]?.word ?? '')) return undefined;
  const subject = subjectBefore(tags, at);
  if (tag.word === 'needed' && tags[at - 1]?.lemma === 'be') {
    const thing = subjectBefore(tags, at - 1);
    if (thing === null) return null;
    return {
      keys: new Set([wantKey(thing)]),
      subject: null,
      objects: [thing],
      complement: complementAt(tags, at + 1),
    };
  }
  if (tags[at + 1]?.word === 'to') return actionGist(tags, at + 2, false, subject);
  return thingGist(tags, at + 1, subject);
}

/** "I would like to see more parks", "we want a pool", "I wish we had a train". */
function desireAt(tags: readonly Tag[], at: number): Gist | null | undefined {
  const tag = tags[at] as Tag;
  if (!DESIRE.has(tag.lemma) || tag.pos !== 'VERB') return undefined;
  let next = at + 1;
  if (tags[next]?.word === 'to') next++;
  else if (tags[next]?.pos === 'PRON' && tags[next + 1]?.pos === 'VERB') next++;
  if (tags[next]?.pos === 'VERB' || tags[next]?.pos === 'AUX')
    return actionGist(tags, next, false, null);
  return thingGist(tags, next, null);
}

/** "X is the best way to VERB" proposes X; "it is time to VERB" the action after "to". */
function courseGist(tags: readonly Tag[]): Gist | null {
  const be = tags.findIndex((t) => t.lemma === 'be');
  let modal = be;
  while (modal > 0 && tags[modal - 1]?.pos === 'AUX') modal--;
  const proposed = be > 0 ? subjectBefore(tags, modal) : null;
  if (proposed !== null) {
    return {
      keys: new Set([wantKey(proposed)]),
      subject: null,
      objects: [proposed],
      complement: NONE,
    };
  }
  // A proposal the noun phrase reading missed ("A round about would be ..."): it does not tell.
  if (be > 0 && tags[modal - 1]?.pos !== 'PRON') return null;
  const to = tags.findIndex((t, i) => t.word === 'to' && tags[i + 1]?.pos === 'VERB');
  return to >= 0 ? actionGist(tags, to + 1, false, null) : null;
}

/**
 * The action of the verb at `at`, with the verbs coordinated with it ("enacted and enforced"):
 * through "do not" and a passive or copular "be" ("should be kept", "should be legal"); a light
 * verb ("should have shade trees") wishes for its object.
 */
function actionGist(
  tags: readonly Tag[],
  at: number,
  negatedBefore: boolean,
  subject: Phrase | null,
): Gist | null {
  let i = at;
  let negated = negatedBefore;
  for (; tags[i] !== undefined; i++) {
    const tag = tags[i] as Tag;
    if (NEGATION.has(tag.word)) negated = true;
    else if (tag.pos !== 'ADV' && tag.pos !== 'PART' && !(tag.lemma === 'do' && i === at)) break;
  }
  const verb = tags[i];
  if (verb === undefined) return null;
  const not = negated ? 'not ' : '';
  if (verb.lemma === 'be' && tags[i + 1] !== undefined) {
    const after = skipAdverbs(tags, i + 1, () => {
      negated = true;
    });
    const next = tags[after];
    if (next?.pos === 'VERB') return actionGist(tags, after, negated, subject);
    if (next === undefined || !IN_PHRASE.has(next.pos)) return null;
    const state = `${negated ? 'not ' : ''}be:${fold(next)}`;
    return {
      keys: new Set([state]),
      subject,
      objects: [],
      complement: complementAt(tags, after + 1),
    };
  }
  if (LIGHT.has(verb.lemma) && !negated) {
    const thing = thingGist(tags, i + 1, subject);
    if (thing !== null) return thing;
  }
  const keys = new Set([`${not}do:${fold(verb)}`]);
  let last = i;
  while (JOINS.has(tags[last + 1]?.word ?? '') && tags[last + 2]?.pos === 'VERB') {
    last += 2;
    keys.add(`${not}do:${fold(tags[last] as Tag)}`);
  }
  const object = phraseAt(tags, last + 1);
  const complement = complementAt(tags, object?.end ?? last + 1);
  return { keys, subject, objects: object === null ? [] : [object], complement };
}

/** A wish for the thing named at `at`, and for the things joined to it ("trees and shade"). */
function thingGist(tags: readonly Tag[], at: number, subject: Phrase | null): Gist | null {
  const thing = phraseAt(tags, at);
  if (thing === null) return null;
  const joined = JOINS.has(tags[thing.end]?.word ?? '') ? phraseAt(tags, thing.end + 1) : null;
  const objects =
    joined === null ? [thing] : [thing, { ...joined, less: thing.less || joined.less }];
  const end = (objects.at(-1) as Phrase & { end: number }).end;
  return {
    keys: new Set(objects.map(wantKey)),
    subject,
    objects,
    complement: complementAt(tags, end),
  };
}

function wantKey(thing: Phrase): string {
  return `${thing.less ? 'want-less' : 'want'}:${thing.head}`;
}

/**
 * The first noun phrase of a sentence, past names ("Bowling Green has ...") and phrases headed
 * by a `topic` word: what a concern or an opportunity is about.
 */
function firstPhrase(tags: readonly Tag[], topic: ReadonlySet<string>): Phrase | null {
  for (let i = 0; i < tags.length; i++) {
    const phrase = phraseAt(tags, i);
    if (phrase === null) continue;
    const words = tags.slice(i, phrase.end);
    const named = words.length >= 2 && words.every((t) => t.pos === 'PROPN');
    const head = tags[phrase.end - 1] as Tag;
    const onTopic = topic.has(phrase.head) || topic.has(foldWord(head.word, 'en'));
    if (!named && !onTopic) return phrase;
    i = phrase.end - 1;
  }
  return null;
}

/**
 * The content words from `at` to the end of the clause (a verb, a pronoun, punctuation or a
 * subordinating word): where or how the action is asked for.
 */
function complementAt(tags: readonly Tag[], at: number): ReadonlySet<string> {
  const words = new Set<string>();
  for (let i = at; i < tags.length && i < at + MAX_COMPLEMENT; i++) {
    const tag = tags[i] as Tag;
    if (CLAUSE_END.has(tag.pos) || tag.word === 'so' || tag.word === 'because') break;
    if (CONTENT.has(tag.pos) && !QUANTITY.has(tag.word)) words.add(fold(tag));
  }
  return words;
}

/**
 * The noun phrase starting at `at` (determiners, adjectives, participles and nouns, up to a
 * preposition, a verb or punctuation), headed by its last noun; "a lack of bins" by "bins".
 */
function phraseAt(tags: readonly Tag[], at: number): (Phrase & { end: number }) | null {
  let i = at;
  if (POSSESSIVE.has(tags[i]?.word ?? '')) i++;
  let head = -1;
  for (; i < tags.length && i < at + MAX_PHRASE; i++) {
    const tag = tags[i] as Tag;
    if (NOUN.has(tag.pos)) head = i;
    else if (!IN_PHRASE.has(tag.pos) && !isParticiple(tag)) break;
  }
  if (head < 0) return null;
  const headTag = tags[head] as Tag;
  if (AMOUNT.has(headTag.lemma) && tags[head + 1]?.word === 'of') {
    const of = phraseAt(tags, head + 2);
    if (of !== null) return of;
  }
  const before = tags.slice(at, head);
  const modifiers = new Set(
    before
      .filter(
        (t) => (NOUN.has(t.pos) || t.pos === 'ADJ' || isParticiple(t)) && !QUANTITY.has(t.word),
      )
      .map(fold),
  );
  const less = before.some((t) => LESS.has(t.word));
  return { head: fold(headTag), modifiers, less, end: head + 1 };
}

/** The noun phrase ending just before `at` (past adverbs), or null for a pronoun or none. */
function subjectBefore(tags: readonly Tag[], at: number): Phrase | null {
  let end = at;
  while (tags[end - 1]?.pos === 'ADV') end--;
  let start = end;
  while (start > 0 && isPhraseWord(tags[start - 1] as Tag)) start--;
  if (start === end) return null;
  const phrase = phraseAt(tags, start);
  return phrase !== null && phrase.end === end ? phrase : null;
}

function isPhraseWord(tag: Tag): boolean {
  return (IN_PHRASE.has(tag.pos) && tag.pos !== 'ADV') || isParticiple(tag);
}

/** "fenced area", "mixed-use development": a participle the tagger reads as a verb. */
function isParticiple(tag: Tag): boolean {
  return tag.pos === 'VERB' && tag.word.endsWith('ed');
}

/** Past adverbs and particles; a negation among them is reported. */
function skipAdverbs(tags: readonly Tag[], at: number, onNegation: () => void): number {
  let i = at;
  while (tags[i]?.pos === 'ADV' || tags[i]?.pos === 'PART') {
    if (NEGATION.has((tags[i] as Tag).word)) onNegation();
    i++;
  }
  return i;
}

/** A word as compared: wink's lemma, folded as the content words are ("Dogs", "dog"). */
function fold(tag: Tag): string {
  return foldWord(tag.lemma, 'en');
}
