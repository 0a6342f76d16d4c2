/**
 * A statement reader for a language without a tagger, read from word forms: phrases that ask
 * for an action, a lexicon of evaluative words with negation, phrases of lack and excess, and
 * the words that make a sentence lean on its context. The German, French and Spanish readers
 * are this reader with rules of their own.
 */
import { MAX_WORDS, wordCount } from './en/alone.js';
import type { Dependence, StatementKind, StatementReader } from './reader.js';

/** A word of a sentence, as written and lower-case. */
export interface Word {
  text: string;
  lower: string;
}

/** What one language's reader knows. Phrases match the sentence's lower-case words. */
export interface WordRules {
  language: string;
  /** Asks for an action or change: modals of obligation and wish, requests, "es wäre gut". */
  proposal: RegExp;
  /** In a question, asks for a change all the same: "wäre es nicht besser ...?". */
  rhetorical: RegExp;
  /** Asks for a change by its form: an order, a verbless wish ("Bordsteine absenken"). */
  asks(words: readonly Word[], line: string): boolean;
  /** A lack or an excess ("fehlt", "kein Radweg", "zu schmal"): a concern without judging words. */
  lackOrExcess(words: readonly Word[], line: string): boolean;
  /** What might be, not what is: positive words under it do not praise. */
  hypothetical: RegExp;
  /** Words that speak well of something (see `wordList`). */
  positive: (word: string) => boolean;
  /** Words that speak ill of something. */
  negative: (word: string) => boolean;
  /** Words that turn the appraisal of the few words after them round. */
  negation: (word: string) => boolean;
  /** Who the speaker is: "Ich bin Mutter ...", "Je suis ...", "Soy ...". */
  describesSelf(words: readonly Word[], line: string): boolean;
  /** An opening greeting or thanks. */
  greeting: RegExp;
  /** First words that continue the sentence before ("Jedoch", "Cependant", "Sin embargo"). */
  connective: RegExp;
  /** A first word pointing back to something named before ("Das wäre ...", "Dies ...", "Ici"). */
  pointsBack(words: readonly Word[], line: string): boolean;
  /**
   * Whether a sentence has a clause of its own: a finite verb with its subject. Rules that know
   * their language's verbs well enough give it; without it, every sentence counts as a clause.
   */
  hasClause?(words: readonly Word[], line: string): boolean;
}

/** Words after a negation whose appraisal turns round ("nicht gut", "keine sicheren"). */
const SCOPE = 3;
const MIN_WORDS = 3;
const QUESTION = /\?\s*["'”’)»]*$/u;

/** Gaps between the words of a phrase: `~` up to six words, `~~` up to twelve. */
const GAPS: Readonly<Record<string, string>> = { '~': '(?:\\S+ ){0,6}', '~~': '(?:\\S+ ){0,12}' };

/**
 * A regular expression matching any of `items` as whole words in a sentence's line (its
 * lower-case words, each with a space before and after). Words (letters only) are separated
 * by spaces; a
 * word ending in `*` takes any ending; `~` stands for up to six words and `~~` for up to
 * twelve (German puts a verb's parts far apart); a leading `^` anchors
 * the phrase at the sentence's start.
 */
export function phrases(items: string): RegExp {
  const alternatives = items
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item) => {
      const start = item.startsWith('^');
      const body = (start ? item.slice(1) : item)
        .split(/\s+/)
        .map((w) => GAPS[w] ?? `${w.replace(/\*$/u, '\\S*')} `)
        .join('');
      return start ? `^ ${body}` : ` ${body}`;
    });
  return new RegExp(`(?:${alternatives.join('|')})`, 'u');
}

/**
 * Connectives: `opening` phrases (see `phrases`, each anchored at the sentence's start), and
 * `middle` words that tie a clause to the sentence before wherever they stand ("Viele fahren
 * deshalb ...", "roulent donc ..."), unless one of the sentence's own `conjunctions` comes just
 * before them ("..., und deshalb ...": the reason is in the sentence). Words are separated by
 * spaces, several words of one item by `_` ("por_eso").
 */
export function connectives(opening: string, middle: string, conjunctions: string): RegExp {
  const list = (items: string) => items.split(/\s+/).filter((w) => w.length > 0);
  const anchored = phrases(
    list(opening)
      .map((w) => `^${w.replaceAll('_', ' ')}`)
      .join(' | '),
  );
  const after = list(conjunctions)
    .map((w) => `(?<! ${w.replaceAll('_', ' ')})`)
    .join('');
  const words = list(middle).map((w) => w.replaceAll('_', ' '));
  return new RegExp(`${anchored.source}|${after} (?:${words.join('|')}) `, 'u');
}

/** A test of one lower-case word against a list of words and stems (`gefährlich*`). */
export function wordList(items: string): (word: string) => boolean {
  const words = items.split(/\s+/).filter((w) => w.length > 0);
  const exact = new Set(words.filter((w) => !w.endsWith('*')));
  const stems = words.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1));
  return (word) => exact.has(word) || stems.some((stem) => word.startsWith(stem));
}

/** The words of a sentence; elided articles ("l'", "d'") count as words of their own. */
export function wordsOf(sentence: string): Word[] {
  const found = sentence.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return found.map((text) => ({ text, lower: text.toLowerCase() }));
}

/** The line phrases are matched against: lower-case words, each with a space either side. */
function lineOf(words: readonly Word[]): string {
  return ` ${words.map((w) => w.lower).join(' ')} `;
}

/** Counts of words that speak well and ill, a negation turning the few after it round. */
function appraisal(words: readonly Word[], rules: WordRules): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  let turnedUntil = -1;
  words.forEach(({ lower }, i) => {
    if (rules.negation(lower)) {
      turnedUntil = i + SCOPE;
      return;
    }
    const turned = i <= turnedUntil;
    if (rules.positive(lower)) {
      if (turned) bad++;
      else good++;
    } else if (rules.negative(lower) && !turned) bad++;
  });
  return { good, bad };
}

/**
 * What a sentence does under a language's rules: a proposal when it asks for an action (in a
 * question, only a rhetorical one or a verbless wish: "Breiterer Radweg?"); a concern when it speaks ill of something or names a lack
 * or an excess; praise when, asking for nothing and supposing nothing, it speaks more well
 * than ill; a self-description when the speaker says who they are. `['other']` when none.
 */
function kindsByRules(sentence: string, rules: WordRules): StatementKind[] {
  const words = wordsOf(sentence);
  const line = lineOf(words);
  const kinds: StatementKind[] = [];
  const question = QUESTION.test(sentence);
  const proposal =
    (question ? rules.rhetorical.test(line) : rules.proposal.test(line)) || rules.asks(words, line);
  if (proposal) kinds.push('proposal');
  if (!question) {
    const { good, bad } = appraisal(words, rules);
    if (bad > 0 || rules.lackOrExcess(words, line)) kinds.push('concern');
    if (!proposal && good > bad && !rules.hypothetical.test(line)) kinds.push('praise');
  }
  if (rules.describesSelf(words, line)) kinds.push('self_description');
  return kinds.length > 0 ? kinds : ['other'];
}

/**
 * Why a sentence cannot be quoted alone under a language's rules: too short or too long, a
 * question, a greeting, an opening connective, a word that points back, or no clause of its
 * own (a heading naming a topic, "Radweg auf der Wallanlage", or a scrap) unless, without
 * one, it still asks for something, complains or praises ("Gefährliche Kreuzung am Markt").
 */
function dependenceByRules(sentence: string, rules: WordRules): Dependence {
  const count = wordCount(sentence);
  if (count < MIN_WORDS || count > MAX_WORDS) return 'length';
  if (QUESTION.test(sentence)) return 'question';
  const words = wordsOf(sentence);
  const line = lineOf(words);
  if (rules.greeting.test(line)) return 'greeting';
  if (rules.connective.test(line)) return 'connective';
  if (rules.pointsBack(words, line)) return 'pronoun';
  if (rules.hasClause?.(words, line) === false && kindsByRules(sentence, rules).includes('other')) {
    return 'no-clause';
  }
  return null;
}

/** The reader of a language's rules. */
export function wordReader(rules: WordRules): StatementReader {
  return {
    language: rules.language,
    kindsOf: (sentence) => kindsByRules(sentence, rules),
    dependenceOf: (sentence) => dependenceByRules(sentence, rules),
  };
}
