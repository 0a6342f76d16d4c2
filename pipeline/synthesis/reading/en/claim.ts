/**
 * The claim a stance is taken on, read from a yes/no question ("Should the country accept more
 * refugees?") or a statement (a motion, a rule, a theme's leading proposal: "We should abolish
 * capital punishment"): what it is about, its action, and whether it is for or against its topic.
 */

import { foldedWords } from '../../findings/support.js';
import { acronymsOf } from '../acronyms.js';
import { appraisal, NEGATION } from './appraisal.js';
import { withoutFrame } from './kinds.js';
import { type Tag, tagSentence } from './tags.js';
import { nextVerb, OBLIGATION } from './words.js';

/** A claim a stance can be taken on: what it is about, and whether it is for it or against. */
export interface Claim {
  /** The claim's nouns and adjectives (folded), for what it is about. */
  topic: ReadonlySet<string>;
  /** Whether the claim is put negatively ("should not be charged"). */
  negated: boolean;
  /** The lemma of its action ("abolish"), or null for a claim of being ("X should be a crime"). */
  action: string | null;
  /** 1: the claim is for its topic (adopt, accept, more); -1: against it (ban, abolish). */
  polarity: 1 | -1;
  /** Acronyms of its capitalised names, to the names ("UBI": "Universal Basic Income"). */
  acronyms: ReadonlyMap<string, string>;
}

/**
 * Actions against the thing they act on as it is, to be rid of it or to mend it: a claim with
 * one of these is against its topic, so complaints about the topic support it ("traffic is a
 * nightmare" for "traffic flow must be improved"). The rest (adopt, accept, build, keep, fund)
 * are for it.
 */
/** Actions that mend what they act on: a claim with one is against its topic as it is. */
export const MENDING: ReadonlySet<string> = new Set([
  'address',
  'fix',
  'improve',
  'reform',
  'repair',
  'tackle',
]);
export const AGAINST: ReadonlySet<string> = new Set([
  ...MENDING,
  'abolish',
  'abandon',
  'ban',
  'bar',
  'close',
  'criminalize',
  'criminalise',
  'cut',
  'eliminate',
  'end',
  'fight',
  'forbid',
  'limit',
  'outlaw',
  'prohibit',
  'reduce',
  'remove',
  'restrict',
  'scrap',
  'stop',
  'lower',
]);
/** Nouns naming an action against their object: "the abolition of X", "a ban on X". */
const AGAINST_NOUNS: ReadonlySet<string> = new Set([
  'abolition',
  'ban',
  'banning',
  'prohibition',
  'removal',
  'end',
  'closure',
  'restriction',
  'elimination',
]);
/** English question openings that ask for a yes or a no. */
export const YES_NO_OPENING =
  /^(?:should|shall|must|do|does|did|is|are|was|were|can|could|would|will|have|has)\b/i;

/**
 * An invitation worded as a yes/no question: "Is there anything else you would like to add?",
 * "Do you have any other comments?", "Would you like to tell us more?". Its answers say what
 * the respondent has to add, not yes or no, so it has no claim to take a side on.
 */
const INVITATION =
  /\b(?:anything|any\s+(?:other|further|more|additional|comments?|suggestions?|ideas?|thoughts?|feedback|concerns?|questions?|views?|recommendations?|examples?)|like\s+to\s+(?:add|tell|say|share|mention|raise))\b/i;

/**
 * The claim of a yes/no question ("Should the country accept more refugees?"), or null for a
 * question that asks for something else ("What should change ...?", "A or B?", "Is there
 * anything else you would like to add?"). The question's last sentence counts: a preamble may
 * come before it.
 */
export function questionClaim(question: string): Claim | null {
  const sentences = question.split(/(?<=[.?!])\s+/u).filter((s) => s.trim() !== '');
  const asked = sentences.findLast((s) => s.trim().endsWith('?'))?.trim();
  if (!asked || !YES_NO_OPENING.test(asked) || /\bor\b/i.test(asked)) return null;
  if (INVITATION.test(asked)) return null;
  return claimOf(asked);
}

/**
 * The claim a sentence makes: its action on its topic and whether the action is for or
 * against it ("We should abolish X": against X; "X should be a criminal offence": against X,
 * by the appraisal of what it is called; "should not" turns either round). Null for a sentence
 * with nothing to take a side on (no content word).
 */
export function claimOf(sentence: string, context: ReadonlySet<string> = new Set()): Claim | null {
  const { tags } = tagSentence(sentence);
  const all = withoutFrame(
    gerundSubjects(tags.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM')),
  );
  const [at, action] = actionOf(all);
  // The main clause only: "because some men are there when they shouldn't be" gives reasons.
  const reason = all.findIndex((t, i) => i > at && (t.pos === 'SCONJ' || REASONS.has(t.word)));
  const words = reason > 0 ? all.slice(0, reason) : all;
  const named = words.filter((t, i) => TOPIC_POS.has(t.pos) && i !== at && t.lemma !== action);
  const topic = new Set(
    foldedWords(named.map((t) => t.word).join(' '), 'en').filter((w) => !context.has(w)),
  );
  if (topic.size === 0) return null;
  // "should not be charged", "Should we not ...": a negation before the action.
  const negated = words.slice(0, Math.max(at, 0)).some((t) => NEGATION.has(t.word));
  let polarity: 1 | -1;
  if (action !== null && action !== 'be') polarity = AGAINST.has(action) ? -1 : 1;
  else if (words.some((t) => AGAINST_NOUNS.has(t.lemma))) polarity = -1;
  else polarity = appraisal(words, (t) => AGAINST.has(t.lemma)) < 0 ? -1 : 1;
  return {
    topic,
    negated,
    action: action === 'be' ? null : action,
    polarity: negated ? (-polarity as 1 | -1) : polarity,
    acronyms: acronymsOf(sentence),
  };
}

/**
 * The tags with a gerund that is the subject read as a noun: the tagger takes "homeschooling"
 * in "Should homeschooling be banned?" or "Smoking should be banned" for a verb, which would
 * make it the action and leave the claim without a topic. A gerund is a subject when it opens
 * the sentence or follows the question's auxiliary, and a form of "be" or a modal comes next.
 */
function gerundSubjects(tags: Tag[]): Tag[] {
  const at = YES_NO_OPENING.test(tags[0]?.word ?? '') ? 1 : 0;
  const gerund = tags[at];
  const next = tags[at + 1];
  if (gerund?.pos !== 'VERB' || !gerund.word.endsWith('ing') || next?.pos !== 'AUX') return tags;
  return tags.map((t, i) => (i === at ? { ...t, pos: 'NOUN', lemma: t.word } : t));
}

/** Words that open a claim's reasons, which take no part in what it claims. */
const REASONS: ReadonlySet<string> = new Set(['because', 'as', 'since', 'so', 'when', 'if']);
/** The parts of speech that name what a claim is about. */
const TOPIC_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ']);

/**
 * The main action's position and lemma, or [-1, null]. In a question the tagger may read the
 * verb after the subject as a noun ("Should the city ban cars ...?"): then the first noun after
 * the subject that reads as a verb in "we ... it" is the action.
 */
function actionOf(words: readonly Tag[]): [number, string | null] {
  const at = actionAt(words);
  if (at >= 0) return [at, (words[at] as Tag).lemma];
  if (!YES_NO_OPENING.test(words[0]?.word ?? '')) return [-1, null];
  for (let i = 2; i < words.length; i++) {
    const tag = words[i] as Tag;
    if (tag.pos !== 'NOUN' || !NOUN_LIKE.has(words[i - 1]?.pos ?? '')) continue;
    const reread = tagSentence(`we ${tag.word} it`).tags[1];
    if (reread?.pos === 'VERB') return [i, reread.lemma];
  }
  return [-1, null];
}

/** What a subject ends with. */
const NOUN_LIKE: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON']);

/** The main action: the verb after a modal or the question's auxiliary, else the first verb. */
function actionAt(words: readonly Tag[]): number {
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] as Tag).word;
    if (OBLIGATION.has(word) || word === 'need' || word === 'can' || word === 'would') {
      const verb = nextVerb(words, i);
      if (verb < 0) continue;
      // "Should homeschooling be banned?": a gerund after the modal is the subject.
      // "should be banned": the participle is the action.
      const after = words[verb + 1];
      if (words[verb]?.lemma === 'be' && after?.pos === 'VERB') return verb + 1;
      return verb;
    }
  }
  const first = words.findIndex((t) => t.pos === 'VERB');
  if (first < 0) return -1;
  // "Should the country accept ...": the auxiliary opens, the verb follows its subject.
  return first;
}

/** How many of the claim's topic words a text uses. */
export function topicWordsIn(text: string, claim: Claim): number {
  return new Set(foldedWords(text, 'en').filter((w) => claim.topic.has(w))).size;
}

/** Whether a word is the claim's action ("abolish", "abolishing", "abolition"). */
export function sameAction(tag: Tag, action: string | null): boolean {
  return action !== null && (tag.lemma === action || tag.word.startsWith(action.slice(0, 5)));
}
