/**
 * Whether an English sentence says who the speaker is: identity, gender, age, party or vote,
 * job, residence, situation ("I identify as a woman.", "I am 55 or older", "I voted to Remain.",
 * "I live in a rural area", "As a nurse, ..."). Attitudes are not ("I am worried that ...",
 * "I am against ...", "I'm a big fan of ...").
 */
import type { Tag } from './tags.js';

/** Verbs that with "I" tell where or how the speaker lives: "I live in", "I voted to". */
const LIFE_VERBS: ReadonlySet<string> = new Set([
  'identify',
  'live',
  'vote',
  'work',
  'rent',
  'own',
  'bear',
  'grow',
  'retire',
  'speak',
  'study',
  'reside',
]);
/** What one is, said with "I am": a situation ("working", "receiving", "retired", "male"). */
const SITUATION: ReadonlySet<string> = new Set([
  'work',
  'receive',
  'retire',
  'retired',
  'employ',
  'employed',
  'unemployed',
  'study',
  'live',
  'rent',
  'claim',
  'raise',
  'marry',
  'married',
  'divorce',
  'widow',
  'disable',
  'disabled',
  'serve',
  'register',
  'male',
  'female',
  'pregnant',
  'homeless',
  'single',
]);
/**
 * Nouns of attitude ("a fan of", "a believer in") say what one thinks, and nouns of degree ("a
 * bit worried") how much: neither says who one is.
 */
const NOT_WHO: ReadonlySet<string> = new Set([
  'bit',
  'lot',
  'little',
  'fan',
  'believer',
  'supporter',
  'advocate',
  'opponent',
  'proponent',
  'critic',
  'lover',
]);
/** Words of age: "years of age", "in my forties", "aged 40". */
const AGE: ReadonlySet<string> = new Set(['year', 'age', 'aged', 'old', 'forty', 'fifty']);
const AGE_PATTERN = /^(?:\d+s?|(?:twen|thir|for|fif|six|seven|eigh|nine)ties|teens?)$/u;

/**
 * Where what the speaker says of themselves ends: 0 when the sentence is no self-description,
 * the whole length when it is only that ("I am male"), else the index after a leading "As a
 * nurse," (the rest says something of its own).
 */
export function selfDescriptionEnd(tags: readonly Tag[]): number {
  const as = asOpener(tags);
  if (as > 0) return as;
  const start = tags[0]?.word === 'and' || tags[0]?.word === 'also' ? 1 : 0;
  return describesSpeaker(tags.slice(start)) ? tags.length : 0;
}

/** "As a nurse, ...", "As a parent of two, ...": the index after its comma, or 0. */
function asOpener(tags: readonly Tag[]): number {
  if (tags[0]?.word !== 'as' || !['a', 'an'].includes(tags[1]?.word ?? '')) return 0;
  const comma = tags.findIndex((t) => t.word === ',');
  if (comma < 3 || comma > 8) return 0;
  const phrase = tags.slice(2, comma);
  const isNounPhrase = phrase.every((t) => t.pos !== 'VERB' && t.pos !== 'AUX');
  return isNounPhrase && phrase.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') ? comma + 1 : 0;
}

/** "I" followed by a verb of life, or "I am" / "I consider myself" with who one is. */
function describesSpeaker(tags: readonly Tag[]): boolean {
  if (tags[0]?.word !== 'i') return false;
  let i = 1;
  while (tags[i]?.pos === 'ADV' || tags[i]?.word === 'can') i++;
  const verb = tags[i];
  if (verb === undefined) return false;
  if (verb.lemma === 'consider' && tags[i + 1]?.word === 'myself') return true;
  if (verb.lemma === 'have' && tags[i + 1]?.lemma === 'be') return isWhoOneIs(tags.slice(i + 2));
  if (verb.lemma === 'have' || (verb.lemma === 'be' && tags[i + 1]?.word === 'born')) {
    return verb.lemma === 'be' || LIFE_VERBS.has(tags[i + 1]?.lemma ?? '');
  }
  if (LIFE_VERBS.has(verb.lemma) && verb.pos === 'VERB') return true;
  return verb.lemma === 'be' && isWhoOneIs(tags.slice(i + 1));
}

/** After "I am": an age, a situation, a noun of who one is ("a nurse"), or where one is from. */
function isWhoOneIs(rest: readonly Tag[]): boolean {
  let i = 0;
  while (rest[i]?.pos === 'ADV' || rest[i]?.pos === 'PART') i++;
  const first = rest[i];
  if (first === undefined) return false;
  if (rest.slice(i, i + 4).some((t) => AGE.has(t.lemma) || AGE_PATTERN.test(t.word))) return true;
  if (SITUATION.has(first.word) || SITUATION.has(first.lemma)) return true;
  if (first.word === 'from') return true;
  // "self employed": a compound before the situation.
  if (SITUATION.has(rest[i + 1]?.lemma ?? '') && first.pos === 'NOUN') return true;
  // "I am healthcare professional", "I am nurse": a job without its article.
  if (first.pos === 'NOUN' && !NOT_WHO.has(first.lemma)) return true;
  if (first.word !== 'a' && first.word !== 'an') return false;
  let j = i + 1;
  while (rest[j]?.pos === 'ADJ' || rest[j]?.pos === 'ADV' || rest[j]?.pos === 'PROPN') j++;
  const noun = rest[j]?.pos === 'NOUN' ? rest[j] : rest[j - 1];
  if (noun === undefined || (noun.pos !== 'NOUN' && noun.pos !== 'PROPN')) return false;
  return !NOT_WHO.has(noun.lemma);
}
