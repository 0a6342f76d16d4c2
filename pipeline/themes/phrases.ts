/**
 * Candidate phrases for theme labels and keywords, from wink-nlp's part-of-speech tags: noun
 * phrases (runs of adjectives and nouns ending in a noun, up to four words), "X and Y"
 * coordinations of short noun phrases, content-word unigrams (nouns, verbs, adjectives) and
 * verb-object bigrams ("deter crime"); two-word noun phrases are the noun bigrams. Each has a key
 * (lower-case lemmas, for counting) and the surface form as written (for display).
 *
 * Only the POS tagger runs (no sentence splitting, entities, negation or sentiment) and only
 * token-level outputs are read, so 100,000 short passages take a few seconds.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction, type PartOfSpeech, type WinkMethods } from 'wink-nlp';
import { stopWordsFor } from '../nlp/stop-words.js';
import { isNoiseWord, withoutLabelNoise } from './label-noise.js';
import { extractNgramPhrases } from './phrase-ngrams.js';

/**
 * `noun`: a noun phrase (label material); `fragment`: the start of a longer noun phrase, seen
 * only inside one ("wider bike" of "wider bike lanes"); `coordination`: "X and Y"; `other`:
 * a verb, an adjective or a verb and its object.
 */
export type PhraseKind = 'noun' | 'fragment' | 'coordination' | 'other';

/** A candidate phrase found in a text. */
export interface Phrase {
  /** Lower-case lemma form used for counting: "bus route", "public transport and bus route". */
  key: string;
  /** As written, with sentence-initial capitals removed: "bus routes". */
  surface: string;
  kind: PhraseKind;
  /** The keys of its content words (without "and"), to tell overlapping phrases apart. */
  words: readonly string[];
}

/** The longest noun phrase kept, in words: longer runs keep their last (head-final) words. */
const MAX_PHRASE_WORDS = 4;
const PHRASE_POS: ReadonlySet<PartOfSpeech> = new Set(['ADJ', 'NOUN', 'PROPN']);
const HEAD_POS: ReadonlySet<PartOfSpeech> = new Set(['NOUN', 'PROPN']);
const CONTENT_POS: ReadonlySet<PartOfSpeech> = new Set(['ADJ', 'NOUN', 'PROPN', 'VERB']);
const SENTENCE_END = new Set(['.', '!', '?']);
/** A capitalised word at the start of the text, of a sentence or of a (bulleted) line. */
const SENTENCE_START = /(^\s*|[.!?]\s+|\n\s*(?:[-*•]\s+)?)(["'“‘(]?)(\p{Lu})(?=\p{Ll})/gu;
const LETTER = /\p{L}/u;
const STOP_WORDS = stopWordsFor('en');

/** A token after tagging, with hyphenated compounds ("low-income") merged into one. */
interface Word {
  /** As written, except a sentence-initial capital, which the tagger would take for a name. */
  text: string;
  key: string;
  pos: PartOfSpeech;
  /** A word of a content part of speech that is not a stop word. */
  content: boolean;
  initial: boolean;
}

let tagger: WinkMethods | undefined;

/** One shared instance: loading the model takes a while, tagging keeps no state. */
function nlp(): WinkMethods {
  tagger ??= winkNLP(model, ['pos']);
  return tagger;
}

/**
 * The distinct candidate phrases of `text` (one per key, first occurrence). The tagger is
 * English; other languages get content-word n-grams (`phrase-ngrams.ts`).
 */
export function extractPhrases(text: string, language = 'en'): Phrase[] {
  if (language !== 'en') return extractNgramPhrases(text, language);
  const words = tagWords(text);
  const found = new Map<string, Phrase>();
  const runs = nounRuns(words);
  for (const [start, end] of runs) addNounPhrases(words, start, end, found);
  addCoordinations(words, runs, found);
  addLinkedPhrases(words, runs, found);
  addUnigramsAndBigrams(words, found);
  return [...found.values()];
}

function tagWords(raw: string): Word[] {
  const plain = withoutLabelNoise(raw);
  const text = (isShouting(plain) ? plain.toLowerCase() : plain).replace(
    SENTENCE_START,
    (_match, lead: string, quote: string, letter: string) => lead + quote + letter.toLowerCase(),
  );
  const { its } = nlp();
  const tokens = nlp().readDoc(text).tokens();
  const values = tokens.out(its.value);
  const tags = tokens.out(its.pos) as PartOfSpeech[];
  // wink-nlp's typings declare `its.lemma` with a third parameter that `ItsFunction` lacks.
  const lemmas = tokens.out(its.lemma as ItsFunction<string>);
  const stops = tokens.out(its.stopWordFlag) as boolean[];
  const types = tokens.out(its.type);
  const spaces = tokens.out(its.precedingSpaces);
  const words: Word[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    const pos = tags[i] as PartOfSpeech;
    const isWord = types[i] === 'word' && value.length > 1 && LETTER.test(value);
    const previous = i === 0 ? undefined : (values[i - 1] as string);
    const initial = previous === undefined || SENTENCE_END.has(previous) || tags[i - 1] === 'SPACE';
    if (isHyphenJoint(value, i, types, spaces) && words.length > 0) {
      joinCompound(words, values[i + 1] as string, tags[i + 1] as PartOfSpeech);
      i += 1;
      continue;
    }
    // wink-nlp gives no lemma for some tokens; the word itself stands in.
    const lemma = pos === 'NOUN' || pos === 'VERB' ? lemmas[i] : undefined;
    const key = lemma || value.toLowerCase();
    const content =
      isWord &&
      CONTENT_POS.has(pos) &&
      !stops[i] &&
      !STOP_WORDS.has(value.toLowerCase()) &&
      !isNoiseWord(value);
    words.push({ text: value, key, pos, content, initial });
  }
  hidePersonNames(words);
  return words;
}

/** Words after which capitalised words name a person: titles, greetings, sign-offs. */
const NAME_CUES: ReadonlySet<string> = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'prof',
  'professor',
  'sir',
  'madam',
  'dear',
  'hi',
  'hello',
  'hey',
  'thanks',
  'regards',
  'sincerely',
  'cheers',
  'councilman',
  'councilwoman',
  'councillor',
  'commissioner',
  'mayor',
  'senator',
  'judge',
]);
/** What may stand between a cue and the name: "Dr. Smith", "Thanks, Dianne". */
const NAME_CUE_GAP: ReadonlySet<string> = new Set(['.', ',', ':']);

/**
 * A person's name is never label material ("Dr and Dianne"): the cue word and the proper nouns
 * after it (a title, a greeting or a sign-off, then capitalised words) are taken out of the
 * content words, so no phrase is built from them.
 */
function hidePersonNames(words: Word[]): void {
  for (let i = 0; i < words.length; i++) {
    const cue = words[i] as Word;
    if (!NAME_CUES.has(cue.text.toLowerCase().replace(/\.$/, ''))) continue;
    let j = i + 1;
    while (j < words.length && NAME_CUE_GAP.has((words[j] as Word).text)) j++;
    let names = 0;
    for (; j < words.length && isNameWord(words[j] as Word, names === 0); j++, names++)
      (words[j] as Word).content = false;
    if (names > 0) cue.content = false;
  }
}

/**
 * A word of a name: a proper noun or a capitalised word; right after the cue also a noun, since
 * a capital after "Dr." is taken for a sentence start and lowered before tagging.
 */
function isNameWord(word: Word, first: boolean): boolean {
  return word.pos === 'PROPN' || /^\p{Lu}/u.test(word.text) || (first && word.pos === 'NOUN');
}

/** A hyphen written without spaces between two words: "low-income", "long-term". */
function isHyphenJoint(value: string, i: number, types: string[], spaces: string[]): boolean {
  return (
    value === '-' &&
    types[i - 1] === 'word' &&
    types[i + 1] === 'word' &&
    spaces[i] === '' &&
    spaces[i + 1] === ''
  );
}

/** Appends `next` to the last word with a hyphen; the compound takes `next`'s part of speech. */
function joinCompound(words: Word[], next: string, pos: PartOfSpeech): void {
  const last = words[words.length - 1] as Word;
  last.text = `${last.text}-${next}`;
  last.key = last.text.toLowerCase();
  last.pos = pos;
  last.content = CONTENT_POS.has(pos);
}

/** Mostly capitals: tagged lower-cased, so that every word is not taken for a name. */
function isShouting(text: string): boolean {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 8 && upper > 3 * lower;
}

/** Maximal runs of content adjectives and nouns, cut back to end in a noun: [start, end). */
function nounRuns(words: readonly Word[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  while (start < words.length) {
    if (!isPhraseWord(words[start])) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < words.length && isPhraseWord(words[end])) end += 1;
    let head = end;
    while (head > start && !HEAD_POS.has((words[head - 1] as Word).pos)) head -= 1;
    if (head > start) runs.push([start, head]);
    start = end;
  }
  return runs;
}

function isPhraseWord(word: Word | undefined): boolean {
  return word?.content === true && PHRASE_POS.has(word.pos);
}

/**
 * Every span of the run that ends in a noun and has at most `MAX_PHRASE_WORDS` words; those
 * ending before the run does are fragments ("public transport" of "public transport system").
 */
function addNounPhrases(
  words: readonly Word[],
  start: number,
  end: number,
  found: Map<string, Phrase>,
): void {
  for (let last = end; last > start; last--) {
    if (!HEAD_POS.has((words[last - 1] as Word).pos)) continue;
    for (let first = last - 1; first >= Math.max(start, last - MAX_PHRASE_WORDS); first--) {
      addPhrase(found, words.slice(first, last), last === end ? 'noun' : 'fragment');
    }
  }
}

/** Prepositions that link a noun phrase to the one it is about ("traffic on Scottsville Road"). */
const LINKS: ReadonlySet<string> = new Set(['of', 'on', 'for', 'in', 'at', 'near', 'to', 'from']);
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/**
 * "traffic on Scottsville Road", "access to the internet": a noun phrase of one or two words, a
 * preposition, maybe an article and a whole noun phrase of one or two words, as written.
 */
function addLinkedPhrases(
  words: readonly Word[],
  runs: readonly [number, number][],
  found: Map<string, Phrase>,
): void {
  for (let r = 0; r + 1 < runs.length; r++) {
    const [start, end] = runs[r] as [number, number];
    const [nextStart, nextEnd] = runs[r + 1] as [number, number];
    const link = words[end]?.key.toLowerCase() ?? '';
    const gap = nextStart - end - 1;
    if (!LINKS.has(link) || gap > 1 || nextEnd - nextStart > 2) continue;
    if (gap === 1 && !ARTICLES.has(words[end + 1]?.key.toLowerCase() ?? '')) continue;
    if (gap < 0 || isPhraseWord(words[nextEnd])) continue;
    const left = words.slice(Math.max(start, end - 2), end);
    const right = words.slice(nextStart, nextEnd);
    const joint = words.slice(end, nextStart);
    const key = [left, joint, right].map(keyOf).join(' ');
    if (found.has(key)) continue;
    const surface = [surfaceOf(left), ...joint.map((w) => w.text), surfaceOf(right)].join(' ');
    found.set(key, { key, surface, kind: 'noun', words: [...left, ...right].map(keyOfWord) });
  }
}

/** "police officers and firefighters", "public transport and bus routes": 1-2 words each side. */
function addCoordinations(
  words: readonly Word[],
  runs: readonly [number, number][],
  found: Map<string, Phrase>,
): void {
  for (let r = 0; r + 1 < runs.length; r++) {
    const [start, end] = runs[r] as [number, number];
    const [nextStart, nextEnd] = runs[r + 1] as [number, number];
    const joint = words[end];
    if (joint?.key !== 'and' || nextStart !== end + 1 || nextEnd - nextStart > 2) continue;
    if (isPhraseWord(words[nextEnd])) continue; // the second phrase goes on: not its head
    const left = words.slice(Math.max(start, end - 2), end);
    const right = words.slice(nextStart, nextEnd);
    const key = `${keyOf(left)} and ${keyOf(right)}`;
    if (found.has(key)) continue;
    const surface = `${surfaceOf(left)} and ${surfaceOf(right)}`;
    found.set(key, {
      key,
      surface,
      kind: 'coordination',
      words: [...left, ...right].map(keyOfWord),
    });
  }
}

/** Content words (nouns, verbs, adjectives) and verb-object pairs. */
function addUnigramsAndBigrams(words: readonly Word[], found: Map<string, Phrase>): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    if (!word.content) continue;
    addPhrase(found, [word], HEAD_POS.has(word.pos) ? 'noun' : 'other');
    // Verb and object ("prevent crime", "reach jobs"); noun pairs are noun phrases already.
    const next = words[i + 1];
    if (
      word.pos === 'VERB' &&
      next?.content &&
      HEAD_POS.has(next.pos) &&
      !isPhraseWord(words[i + 2])
    ) {
      addPhrase(found, [word, next], 'other');
    }
  }
}

function addPhrase(found: Map<string, Phrase>, span: readonly Word[], kind: PhraseKind): void {
  const key = keyOf(span);
  const known = found.get(key);
  if (known !== undefined) {
    if (known.kind === 'fragment' && kind === 'noun') known.kind = 'noun';
    return;
  }
  found.set(key, { key, surface: surfaceOf(span), kind, words: span.map(keyOfWord) });
}

function keyOfWord(word: Word): string {
  return word.key;
}

function keyOf(span: readonly Word[]): string {
  return span.map(keyOfWord).join(' ');
}

/** The words as written; a sentence-initial name ("Bowling Green") gets its capital back. */
function surfaceOf(span: readonly Word[]): string {
  return span
    .map((word, i) => {
      const nextIsName = /^\p{Lu}/u.test(span[i + 1]?.text ?? '');
      return word.initial && (word.pos === 'PROPN' || nextIsName)
        ? capitalise(word.text)
        : word.text;
    })
    .join(' ');
}

/** `text` with its first character in upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
