// Whether passages carry a statement's words: the lexical test behind every grounding check.
import { contentWords, foldWord } from '../../nlp/tokenise.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { foldedWords } from './support.js';
import { FRAME_WORDS } from './templates.js';

/** A word is carried by a passage's word whose vector is at least this similar. */
const SAME_MEANING = 0.6;

/**
 * Words that attribute a statement rather than make it ("contributors propose", "several
 * residents worry"): a synthesiser reporting what people said needs them, and no source says
 * them. Compared folded, so inflections count too.
 */
const REPORTING_WORDS = [
  'contributor contribution participant respondent resident people person citizen',
  'many several some other most few various number also including',
  'say said suggest propose call want ask urge argue note raise express mention describe',
  'stress emphasise emphasize highlight point feel believe think view recommend request',
  'support favour favor oppose worry concern fear welcome agree disagree',
].flatMap((line) => line.split(' '));

/** The words of a statement a source must carry. */
export interface StatementWords {
  /** Beyond frames, reporting words, numbers, theme labels and question texts. */
  own: string[];
  /** The same with the labels' and questions' words: what one citation must carry. */
  specific: string[];
}

/**
 * Measures how much of a statement's words passages carry: a word is carried when a passage has
 * the same folded word, or a word whose vector is at least 0.6 similar. Passages' folded words
 * are remembered.
 */
export class WordSupport {
  private readonly names: Set<string>;
  private readonly reporting: Set<string>;
  private readonly folded = new Map<string, Set<string>>();

  constructor(private readonly corpus: SynthesisCorpus) {
    const { language } = corpus.config;
    // Theme labels and question texts are names the brief may use without a source saying them.
    this.names = new Set(
      [
        ...corpus.themes.themes.map((t) => t.label),
        ...corpus.config.questions.map((q) => q.text),
      ].flatMap((text) => contentWords(text, language)),
    );
    this.reporting = new Set(REPORTING_WORDS.map((w) => foldWord(w, language)));
  }

  /**
   * The words of a text that need a source (see `StatementWords`), each folded form once: "bus"
   * and "buses" are one word, so repeating a word cannot raise a passage's share.
   */
  wordsOf(text: string): StatementWords {
    const language = this.corpus.config.language;
    const byFold = new Map<string, string>();
    for (const w of contentWords(text, language)) {
      const folded = foldWord(w, language);
      if (FRAME_WORDS.has(w) || this.reporting.has(folded) || /^\p{N}+$/u.test(w)) continue;
      if (!byFold.has(folded)) byFold.set(folded, w);
    }
    const specific = [...byFold.values()];
    return { own: specific.filter((w) => !this.names.has(w)), specific };
  }

  /**
   * Share of `words` the passages carry together; 1 when there are no words. `exact`: only the
   * same folded word counts, not one of similar meaning.
   */
  share(
    words: readonly string[],
    passages: readonly SynthesisPassage[],
    match: 'meaning' | 'exact' = 'meaning',
  ): number {
    if (words.length === 0) return 1;
    const language = this.corpus.config.language;
    const available = new Set<string>();
    for (const p of passages) for (const w of this.foldedWordsOf(p)) available.add(w);
    const carried = words.filter(
      (w) =>
        available.has(foldWord(w, language)) ||
        (match === 'meaning' && this.similarIn(w, available)),
    ).length;
    return carried / words.length;
  }

  /** Whether some word of `available` means the same as `word` by the word vectors. */
  private similarIn(word: string, available: ReadonlySet<string>): boolean {
    const { words } = this.corpus;
    const row = words.index.get(word);
    if (row === undefined) return false;
    const v = words.data.subarray(row * words.dims, (row + 1) * words.dims);
    for (const candidate of available) {
      const other = words.index.get(candidate);
      if (other === undefined) continue;
      const u = words.data.subarray(other * words.dims, (other + 1) * words.dims);
      if (cosine(v, u) >= SAME_MEANING) return true;
    }
    return false;
  }

  private foldedWordsOf(p: SynthesisPassage): Set<string> {
    let words = this.folded.get(p.id);
    if (!words) {
      words = new Set(foldedWords(p.text, p.language));
      // A finding written from a passage's translation is carried by the translation's words.
      if (p.translation !== null) {
        for (const w of foldedWords(p.translation, this.corpus.config.language)) words.add(w);
      }
      this.folded.set(p.id, words);
    }
    return words;
  }
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    dot += (a[k] as number) * (b[k] as number);
    na += (a[k] as number) ** 2;
    nb += (b[k] as number) ** 2;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
