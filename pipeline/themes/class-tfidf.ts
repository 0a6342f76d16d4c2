/**
 * Class-based TF-IDF (c-TF-IDF, as in BERTopic) over candidate phrases: each theme is a class,
 * its sibling themes the contrast.
 *
 * weight(x, c) = tf(x, c) / |c| * log(1 + A / f(x)), where tf counts the theme's passages that
 * contain x (a passage repeating a word is one voice), |c| is the theme's total count, A the
 * average total count over themes and f(x) the count of x over all themes.
 */
import { displayOf, type PhraseCount } from './phrase-counts.js';

/** A phrase of one theme with its weights. */
export interface ScoredPhrase {
  count: PhraseCount;
  /** The c-TF-IDF weight. */
  weight: number;
  /**
   * For choosing names: the weight, raised by a share per extra word of a noun phrase, and
   * times the square root of the share of the phrase's passages that are in this theme, so that
   * a phrase spread over all siblings (their parent's topic) does not name each of them.
   */
  rank: number;
  /** How the phrase is shown. */
  display: string;
  /** A generic word ("people", "way"), or a shorter phrase nearly always inside a longer one. */
  weak: boolean;
}

/** Each extra word of a noun phrase raises its rank by this share. */
const LENGTH_BONUS = 0.3;
/** A phrase inside a longer one that occurs in at least this share of its passages is weak. */
const SUBSUMED_SHARE = 0.8;

/**
 * Nouns too general to name a theme on their own; they still count in longer phrases
 * ("public places"). Not stop words in the model, so listed here.
 */
const GENERIC = new Set(
  (
    'area bit case day end example fact idea issue kind lot need number one part people person ' +
    'place point problem question reason something sort stuff thing time today way year'
  ).split(' '),
);

/**
 * Scores the tallies of sibling themes against each other; per theme, in tally order. Phrases
 * made only of `context` words (the consultation's own subject, such as its place name) are weak:
 * every theme is about them, so they name none. A theme not `wanted` (default: all are) only
 * stands in contrast to the others: its list is empty. `overall` is each phrase's count summed
 * over the tallies (see `PhraseTotals`), when the caller keeps it; default computed here.
 */
export function scoreThemes(
  tallies: readonly Map<string, PhraseCount>[],
  context: ReadonlySet<string> = new Set(),
  wanted?: readonly boolean[],
  overall: ReadonlyMap<string, number> = new PhraseTotals(tallies).counts,
): ScoredPhrase[][] {
  const totals = tallies.map(totalOf);
  const average = totals.reduce((a, b) => a + b, 0) / Math.max(1, tallies.length);
  return tallies.map((tally, c) => {
    if (wanted && !wanted[c]) return [];
    const subsumed = subsumedKeys(tally);
    const scored: ScoredPhrase[] = [];
    for (const [key, count] of tally) {
      const frequency = overall.get(key) as number;
      const weight = (count.passages / (totals[c] as number)) * Math.log(1 + average / frequency);
      const words = count.kind === 'other' ? 1 : count.words.length;
      const bonus = 1 + LENGTH_BONUS * (words - 1);
      const rank = weight * bonus * Math.sqrt(count.passages / frequency);
      const weak =
        subsumed.has(key) ||
        count.words.every((word) => GENERIC.has(word)) ||
        count.words.every((word) => context.has(word.toLowerCase()));
      scored.push(scoredPhrase(count, weight, rank, weak));
    }
    return scored;
  });
}

/**
 * A scored phrase whose display form is worked out when first read: a theme has thousands of
 * phrases, and only the few that name or describe it are shown.
 */
function scoredPhrase(count: PhraseCount, weight: number, rank: number, weak: boolean) {
  let display: string | undefined;
  return {
    count,
    weight,
    rank,
    weak,
    get display(): string {
      display ??= displayOf(count);
      return display;
    },
  };
}

const totalsMemo = new WeakMap<ReadonlyMap<string, PhraseCount>, number>();

/** A tally's count of phrase occurrences (tallies do not change once made). */
function totalOf(tally: ReadonlyMap<string, PhraseCount>): number {
  let sum = totalsMemo.get(tally);
  if (sum === undefined) {
    sum = 0;
    for (const count of tally.values()) sum += count.passages;
    totalsMemo.set(tally, sum);
  }
  return sum;
}

/**
 * Each phrase's count summed over a set of tallies, kept up to date as tallies of the set are
 * replaced, so that re-scoring siblings after one of them changed does not sum them all again.
 */
export class PhraseTotals {
  readonly counts = new Map<string, number>();
  /** The tallies summed, with how many times each is. */
  private summed = new Map<ReadonlyMap<string, PhraseCount>, number>();

  constructor(tallies: readonly ReadonlyMap<string, PhraseCount>[] = []) {
    this.update(tallies);
  }

  /** Makes the totals those of `tallies`, adding and removing only the tallies that differ. */
  update(tallies: readonly ReadonlyMap<string, PhraseCount>[]): this {
    const next = new Map<ReadonlyMap<string, PhraseCount>, number>();
    for (const tally of tallies) next.set(tally, (next.get(tally) ?? 0) + 1);
    for (const [tally, times] of this.summed)
      if (next.get(tally) !== times) this.add(tally, (next.get(tally) ?? 0) - times);
    for (const [tally, times] of next) if (!this.summed.has(tally)) this.add(tally, times);
    this.summed = next;
    return this;
  }

  private add(tally: ReadonlyMap<string, PhraseCount>, sign: number): void {
    for (const [key, count] of tally) {
      const sum = (this.counts.get(key) ?? 0) + sign * count.passages;
      if (sum === 0) this.counts.delete(key);
      else this.counts.set(key, sum);
    }
  }
}

/**
 * Keys of noun phrases that nearly always occur inside a longer noun phrase of the same theme:
 * "bay detention camp" inside "guantanamo bay detention camp", "flag" inside "flag burning".
 */
function subsumedKeys(tally: ReadonlyMap<string, PhraseCount>): Set<string> {
  const subsumed = new Set<string>();
  for (const longer of tally.values()) {
    const { words } = longer;
    if (longer.kind !== 'noun' || words.length < 2) continue;
    // A phrase with a preposition ("lanes for kids") does not hold its parts as one run does.
    if (longer.key.split(' ').length !== words.length) continue;
    for (let first = 0; first < words.length; first++) {
      for (let last = first + 1; last <= words.length; last++) {
        if (last - first === words.length) continue;
        const key = words.slice(first, last).join(' ');
        const shorter = tally.get(key);
        if (shorter !== undefined && longer.passages >= SUBSUMED_SHARE * shorter.passages) {
          subsumed.add(key);
        }
      }
    }
  }
  return subsumed;
}

/** `phrases` best first by rank (ties: first seen). */
export function byRank(phrases: readonly ScoredPhrase[]): ScoredPhrase[] {
  return phrases
    .map((phrase, i) => ({ phrase, i }))
    .sort((a, b) => b.phrase.rank - a.phrase.rank || a.i - b.i)
    .map(({ phrase }) => phrase);
}

/**
 * Whether two phrases share a word, or two words with the same stem as far as a shared prefix
 * shows it ("accident" and "accidental", "terrorist" and "terrorism").
 */
export function overlaps(a: ScoredPhrase, b: ScoredPhrase): boolean {
  return a.count.words.some((x) => b.count.words.some((y) => sameStem(x, y)));
}

function sameStem(x: string, y: string): boolean {
  if (x === y) return true;
  let common = 0;
  while (common < x.length && x[common] === y[common]) common++;
  const shorter = Math.min(x.length, y.length);
  return common >= 6 || (common === shorter && shorter >= 4);
}
