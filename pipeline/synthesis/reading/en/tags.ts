/**
 * English sentences tagged for the statement and stance rules: each word's part of speech and
 * lemma from wink-nlp, read as one sentence. Only the POS tagger runs: how a sentence appraises
 * is read from its words (`appraisal.ts`), not from wink's sentiment.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction, type PartOfSpeech, type WinkMethods } from 'wink-nlp';
import { TagStore } from './tag-store.js';

/** A token of a tagged sentence. */
export interface Tag {
  /** Lower case, as written otherwise ("n't" stays "n't"; a curly apostrophe is straight). */
  word: string;
  pos: PartOfSpeech;
  /** wink's lemma (lower case), or the word where it gives none. */
  lemma: string;
}

/** A tagged sentence: its tokens without spaces. */
export interface TaggedSentence {
  tags: Tag[];
}

let tagger: WinkMethods | undefined;

/** One shared instance: loading the model takes a while, tagging keeps no state. */
function nlp(): WinkMethods {
  tagger ??= winkNLP(model, ['pos']);
  return tagger;
}

/**
 * Sentences tagged lately, as objects: the fragment filter, the classifier, the examples and the
 * stance rules read the same ones in separate passes over a theme. Synthesis of 20,000 generated
 * contributions: 25.6 s with 2,000 entries, 21.4 s with 50,000.
 */
const recent = new Map<string, TaggedSentence>();
const RECENT_SIZE = 50_000;
/**
 * Every sentence tagged, as numbers (see `TagStore`): a theme of 100,000 passages has more
 * sentences than `recent` holds, and tagging them again in each pass made the synthesis grow
 * faster than the consultation.
 */
const store = new TagStore();

/**
 * Keeps sentences tagged elsewhere (on worker threads, by `tagText`), so that `tagSentence` reads
 * them instead of tagging them; as many as the store holds.
 */
export function preloadTags(tagged: Iterable<[sentence: string, tags: TaggedSentence]>): void {
  for (const [sentence, tags] of tagged) store.set(sentence, tags);
}

/** How many sentences the tags kept for `tagSentence` can be: more would push out the first. */
export const TAGS_KEPT = store.capacity;

/**
 * Tags an English sentence. Shouting (mostly capitals) is lower-cased first. The first word
 * keeps its capital: lower-cased, "Bowling Green needs" loses its name and its verb.
 */
export function tagSentence(sentence: string): TaggedSentence {
  const known = recent.get(sentence);
  if (known !== undefined) return known;
  if (recent.size >= RECENT_SIZE) recent.clear();
  let tagged = store.get(sentence);
  if (tagged === undefined) {
    tagged = tagText(sentence);
    store.set(sentence, tagged);
  }
  recent.set(sentence, tagged);
  return tagged;
}

/** Tags a sentence with wink-nlp, without the caches (see `tagSentence`). */
export function tagText(sentence: string): TaggedSentence {
  const text = isShouting(sentence) ? sentence.toLowerCase() : sentence;
  const { its } = nlp();
  const doc = nlp().readDoc(text);
  const tokens = doc.tokens();
  const words = tokens.out(its.value);
  const tags = tokens.out(its.pos) as PartOfSpeech[];
  // wink-nlp's typings declare `its.lemma` with a third parameter that `ItsFunction` lacks.
  const lemmas = tokens.out(its.lemma as ItsFunction<string>);
  const out: Tag[] = [];
  for (let i = 0; i < words.length; i++) {
    const pos = tags[i] as PartOfSpeech;
    if (pos === 'SPACE') continue;
    // "didn’t" denies as "didn't" does.
    const word = straight((words[i] as string).toLowerCase());
    // The tagger keeps "I'm" whole, as a name: the speaker and "am" are two words.
    if (/^i['’]m$/u.test(word)) {
      out.push({ word: 'i', pos: 'PRON', lemma: 'i' }, { word: "'m", pos: 'AUX', lemma: 'be' });
      continue;
    }
    out.push({ word, pos, lemma: straight((lemmas[i] || word).toLowerCase()) });
  }
  return { tags: out };
}

/** A word with its curly apostrophes made straight. */
function straight(word: string): string {
  return word.replace(/[’‘]/gu, "'");
}

/** Mostly capitals: tagged lower-cased, so that every word is not taken for a name. */
function isShouting(text: string): boolean {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 8 && upper > 3 * lower;
}

/**
 * Whether a sentence opens with a verb: the tagger reads some capitalised sentence-initial
 * verbs as names or nouns ("Ban smoking", "Increase service"), but not after "please".
 */
export function opensWithVerb(sentence: string): boolean {
  const text = sentence.trimStart();
  const first = tagSentence(`please ${text.charAt(0).toLowerCase()}${text.slice(1)}`).tags[1];
  // A base form only: "Bowling Green's ..." is a name, not an order to bowl.
  return first?.pos === 'VERB' && first.word === first.lemma && !first.word.endsWith('ing');
}
