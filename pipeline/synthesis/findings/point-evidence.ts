// Which passages are evidence for a point: those making the same point as its example, or those mentioning its topic.
import { dot, rowOf } from '../../matrix.js';
import { WORD, wordTokens } from '../../nlp/tokenise.js';
import { NEGATION } from '../reading/en/appraisal.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { foldedWords } from './support.js';

/** A sentence quoted as a point's example, with the passage it is from. */
export interface Example {
  text: string;
  passage: SynthesisPassage;
}

/**
 * A passage makes an example's point when it has at least this share of the example's folded
 * content words...
 */
const SAME_POINT_WORDS = 0.25;
/**
 * ...and its vector is at least this similar to the example's passage, and (in English) it says
 * "not", "n't" or "never" (bar "not only") when the example does and only then. Words alone join
 * passages that share a topic word and say something else; vectors alone join passages on the
 * same topic; both join opposites ("Marijuana should not be legalized", "Recreational marijuana
 * should be legal"). Measured on ArgKP's key point labels (the yes/no dev consultation, two
 * halves of its questions): 74% and 70% of a key point's citations share a labelled key point
 * with its example (47% and 37% when it cited its whole cluster; 67% and 64% without the
 * negation test), and 36% and 42% of those sharing it are cited.
 */
const SAME_POINT_VECTOR = 0.55;
/** "not only ... but": no negation. */
const NOT_ONLY = /\bnot only\b/giu;

/**
 * The passages among `candidates` that make the example's point (see `SAME_POINT_WORDS` and
 * `SAME_POINT_VECTOR`), the example's own passage first, then the most alike. The
 * consultation's subject (its title's and questions' words) is in most passages: it tells no
 * point apart, so it is left out of the example's words.
 */
export function passagesAlike(
  corpus: SynthesisCorpus,
  example: Example,
  candidates: readonly SynthesisPassage[],
): SynthesisPassage[] {
  const { language } = example.passage;
  const subject = subjectOf(corpus, language);
  const words = new Set(foldedWords(example.text, language).filter((w) => !subject.has(w)));
  const negated = isNegated(example.text, language);
  const alike = byLikeness(corpus, example, candidates).filter(({ passage, similarity }) => {
    if (passage === example.passage) return true;
    if (similarity < SAME_POINT_VECTOR || words.size === 0) return false;
    if (isNegated(passage.text, passage.language) !== negated) return false;
    const own = new Set(foldedWords(passage.text, passage.language));
    let shared = 0;
    for (const w of words) if (own.has(w)) shared++;
    return shared / words.size >= SAME_POINT_WORDS;
  });
  return alike.map(({ passage }) => passage);
}

/** Each corpus's subject words by language, folded. */
const subjects = new WeakMap<SynthesisCorpus, Map<string, Set<string>>>();

function subjectOf(corpus: SynthesisCorpus, language: string): ReadonlySet<string> {
  const known = subjects.get(corpus) ?? new Map<string, Set<string>>();
  subjects.set(corpus, known);
  let words = known.get(language);
  if (!words) {
    const texts = [corpus.config.title, ...corpus.config.questions.map((q) => q.text)];
    words = new Set(texts.flatMap((text) => foldedWords(text, language)));
    known.set(language, words);
  }
  return words;
}

/** Whether an English text says "not" (bar "not only"), "n't" or "never"; false in other languages. */
function isNegated(text: string, language: string): boolean {
  if (language !== 'en') return false;
  return wordTokens(text.replace(NOT_ONLY, ' ')).some((w) => NEGATION.has(w) || w.endsWith("n't"));
}

/** Passages ordered by how alike they are to the example: its own passage first. */
export function likestFirst(
  corpus: SynthesisCorpus,
  example: Example,
  passages: readonly SynthesisPassage[],
): SynthesisPassage[] {
  return byLikeness(corpus, example, passages).map(({ passage }) => passage);
}

function byLikeness(
  corpus: SynthesisCorpus,
  example: Example,
  passages: readonly SynthesisPassage[],
): { passage: SynthesisPassage; similarity: number }[] {
  const anchor = rowOf(corpus.vectors, example.passage.index);
  return passages
    .map((passage) => ({
      passage,
      similarity:
        passage === example.passage
          ? Number.POSITIVE_INFINITY
          : dot(rowOf(corpus.vectors, passage.index), anchor),
    }))
    .sort((a, b) => b.similarity - a.similarity || a.passage.index - b.passage.index);
}

/**
 * The passages that use every content word of a topic's name (folded: "shade tree" mentions
 * "Shade trees"), in the given order; all of them when the name has no content word.
 */
export function mentionsOf(
  topic: string,
  passages: readonly SynthesisPassage[],
): SynthesisPassage[] {
  return passages.filter((p) => {
    const own = new Set(foldedWords(p.text, p.language));
    return foldedWords(topic, p.language).every((w) => own.has(w));
  });
}

/**
 * A topic's name as written inside a sentence: its first letter in lower case ("parking
 * downtown"), unless its first word is in capitals ("UBI") or the passages capitalise it
 * inside a sentence more often than not ("Scottsville Rd").
 */
export function nameInSentence(topic: string, passages: readonly SynthesisPassage[]): string {
  const [first] = wordTokens(topic);
  if (first === undefined || topic.startsWith(first.toUpperCase())) return topic;
  let lowered = 0;
  let capitalised = 0;
  for (const p of passages) {
    for (const match of p.text.matchAll(WORD)) {
      const word = match[0].replace('’', "'");
      if (word.toLowerCase() !== first) continue;
      if (word === first) lowered++;
      else if (!OPENS_SENTENCE.test(p.text.slice(0, match.index))) capitalised++;
    }
  }
  if (capitalised > lowered) return topic;
  return topic.charAt(0).toLowerCase() + topic.slice(1);
}

/** What comes before a word that opens a sentence: nothing, or a sentence's end. */
const OPENS_SENTENCE = /(?:^|[.!?:;]["'”’)]*)\s*["'“‘(]*$/u;
