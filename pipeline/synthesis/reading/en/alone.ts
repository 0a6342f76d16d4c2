/**
 * Whether an English sentence can be quoted on its own: a complete clause that does not lean on
 * the sentence before it, is not a question or a greeting, and is neither a scrap nor a speech.
 */
import type { Dependence } from '../reader.js';
import { pointsOutside } from './reference.js';
import { opensWithVerb, type Tag, tagSentence } from './tags.js';

/** Shortest and longest sentence quoted alone, in words. */
const MIN_WORDS = 3;
export const MAX_WORDS = 60;

/** Words that open a sentence continuing the one before ("However, ...", "Also more stops"). */
const CONNECTIVES: ReadonlySet<string> = new Set([
  'also',
  'besides',
  'furthermore',
  'however',
  'instead',
  'moreover',
  'otherwise',
  'plus',
  'then',
  'therefore',
  'thus',
  'because',
  'so',
  'first',
  'again',
  'hence',
  'nevertheless',
  'nonetheless',
  'consequently',
  'additionally',
  'likewise',
  'similarly',
  'meanwhile',
  'secondly',
  'finally',
  'lastly',
  'anyway',
]);
/** Phrases that open a sentence continuing the one before ("In effect, ...", "As a result"). */
const CONNECTIVE_PHRASE =
  /^(?:in (?:effect|addition|fact|turn|other words|that case|any case|contrast|short)|as a (?:result|consequence)|on the other hand|on top of that|for (?:example|instance)|after all|even so|that said|if so|if not|by contrast)\b/iu;
/** Pronouns that point back to something named earlier. */
const BACK_POINTING: ReadonlySet<string> = new Set([
  'it',
  'its',
  'they',
  'them',
  'their',
  'this',
  'that',
  'these',
  'those',
  'he',
  'him',
  'his',
  'she',
  'her',
]);
/** Comparatives and quantities that make a verbless wish or complaint ("More green spaces."). */
const QUANTIFIERS: ReadonlySet<string> = new Set(['more', 'less', 'fewer', 'better', 'too', 'no']);
const HEAD_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

/**
 * Why an English sentence cannot be quoted alone: it has fewer than MIN_WORDS or more than
 * MAX_WORDS words; it has no verb (bar a wish or complaint such as "More green spaces." or "Too
 * many apartments in Plano."); it is a question or a greeting or thanks; it opens with a
 * connective ("However", "But", "Also", "In effect,") or has a pronoun ("they", "it", "this") before any
 * noun it could point to ("It should stop.", "Make it a walking city."), bar an "it" that only
 * holds a place ("It would help if buses ran later."), or one with nothing before it that it
 * could stand for, or "this problem" (`reference.ts`).
 */
export function dependenceOf(sentence: string): Dependence {
  const words = wordCount(sentence);
  if (words < MIN_WORDS || words > MAX_WORDS) return 'length';
  if (/\?\s*["'”’)]*$/u.test(sentence)) return 'question';
  const tags = tagSentence(sentence).tags.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  const first = tags[0];
  if (first === undefined) return 'no-clause';
  if (isGreeting(tags)) return 'greeting';
  if (first.pos === 'CCONJ' || CONNECTIVES.has(first.word)) return 'connective';
  if (CONNECTIVE_PHRASE.test(sentence.trimStart())) return 'connective';
  if (pointsBackFirst(tags) || pointsOutside(tags)) return 'pronoun';
  if (!hasClause(tags, sentence) && !isVerblessWish(tags)) return 'no-clause';
  return null;
}

/** Words of a text: runs of letters or digits. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** "Hi all", "Thanks for ...", "Thank you ...": an interjection (bar "please") or thanks. */
function isGreeting(tags: readonly Tag[]): boolean {
  const [first, second] = tags;
  if (first === undefined) return false;
  if (first.pos === 'INTJ' && first.word !== 'please') return true;
  return first.word === 'thanks' || (first.lemma === 'thank' && second?.word === 'you');
}

/**
 * A back-pointing pronoun before the sentence's first noun, except a placeholder "it" ("it is
 * important to ...", "it would be great if ..."): "it" or "this" with a form of "be" after it
 * and, later, a "to" + verb with more after it, or an "if" or "that" clause.
 */
function pointsBackFirst(tags: readonly Tag[]): boolean {
  const firstNoun = tags.findIndex((t) => HEAD_POS.has(t.pos));
  const end = firstNoun < 0 ? tags.length : firstNoun;
  for (let i = 0; i < end; i++) {
    const tag = tags[i] as Tag;
    if (tag.pos !== 'PRON' && tag.pos !== 'DET') continue;
    if (!BACK_POINTING.has(tag.word)) continue;
    // "This road" names what it means; "these rights" and "those families" point back.
    const named = tag.word !== 'these' && tag.word !== 'those';
    if (tag.pos === 'DET' && named && HEAD_POS.has(tags[i + 1]?.pos ?? '')) continue;
    if (tag.word === 'it' && isPlaceholderIt(tags, i)) continue;
    return true;
  }
  return false;
}

function isPlaceholderIt(tags: readonly Tag[], at: number): boolean {
  const next = tags.slice(at + 1, at + 4);
  if (!next.some((t) => t.lemma === 'be')) return false;
  for (let i = at + 2; i < tags.length; i++) {
    const tag = tags[i] as Tag;
    if (tag.word === 'if' || (tag.word === 'that' && tag.pos === 'SCONJ')) return true;
    // "to" + verb with words after it: "it is important to practise fiscal responsibility".
    if (tag.word === 'to' && tags[i + 1]?.pos === 'VERB' && i + 2 < tags.length) return true;
  }
  return false;
}

/**
 * A finite verb, or an order: a verb other than a bare "-ing" form ("Too much land going to
 * waste"), and no "-s" verb opening the sentence without its subject ("Seems rehab would be
 * better.").
 */
function hasClause(tags: readonly Tag[], sentence: string): boolean {
  const first = tags[0] as Tag;
  if (first.pos === 'VERB' && first.word !== first.lemma && first.word.endsWith('s')) {
    return false;
  }
  if (tags.some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && !t.word.endsWith('ing')))) {
    return true;
  }
  return opensWithVerb(sentence);
}

/** "More green spaces.", "Too many apartments in Plano.": a quantifier, then a noun. */
function isVerblessWish(tags: readonly Tag[]): boolean {
  const [first] = tags;
  if (first === undefined || !QUANTIFIERS.has(first.word)) return false;
  return tags.slice(1, 5).some((t) => HEAD_POS.has(t.pos));
}
