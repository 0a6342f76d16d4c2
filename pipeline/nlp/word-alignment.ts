import { createMatrix, type Matrix } from '../matrix.js';
import { foldWord } from './tokenise.js';
import type { WordVectors } from './word-vectors.js';

/**
 * Word pairs less similar than this (cosine of their vectors) do not align; above it, the
 * similarity is rescaled to 0..1, so only near-synonyms count and unrelated words add no noise.
 */
const ALIGN_FROM = 0.5;

/** A text as the vocabulary ids of its distinct folded words. */
type Bag = number[];

/**
 * How well each text's words align with each target's (a taxonomy theme's label, description,
 * keywords and examples): for every target word, its best match among the text's words (1 for
 * the same folded word, else the rescaled cosine of their vectors), and the reverse, each
 * weighted by IDF over texts and targets together, combined as an F1 score in 0..1. A greedy
 * word alignment in the manner of BERTScore (Zhang et al. 2020) with static word vectors: it
 * sees that "children miss out on interaction with their peers" speaks of "social skills" where
 * one averaged sentence vector blurs it. A target word shared with other targets weighs less,
 * so targets are told apart by what sets them apart.
 * @param texts each text's content words (as `contentWords` gives them)
 * @param targets each target's content words
 * @param groupOf the group each target belongs to (default: a group of its own); a word shared
 *   with targets of the same group (a theme's label and its examples) is not discounted
 * @param onText hears each text scored, for progress
 * @returns a texts x targets matrix of scores in 0..1
 */
export function alignmentScores(
  texts: readonly (readonly string[])[],
  targets: readonly (readonly string[])[],
  vectors: WordVectors,
  language: string,
  groupOf: readonly number[] = targets.map((_, t) => t),
  onText: () => void = () => {},
): Matrix {
  const vocabulary = new Vocabulary(vectors, language);
  const textBags = texts.map((words) => vocabulary.bag(words));
  const targetBags = targets.map((words) => vocabulary.bag(words));
  const idf = vocabulary.idf([...textBags, ...targetBags]);
  // Every word the targets use, and for each vocabulary word the target words it aligns with.
  const aligned = vocabulary.alignments([...new Set(targetBags.flat())]);
  // A target word shared with other groups says less about this one: its weight is divided.
  const shared = sharedByGroup(
    matchesByTarget(aligned, targetBags, () => 1),
    groupOf,
  );
  const discount = (x: number, t: number) => {
    const matches = shared.get(x) as Float32Array;
    const own = groupOf[t] as number;
    let elsewhere = 0;
    for (let g = 0; g < matches.length; g++) if (g !== own) elsewhere += matches[g] as number;
    return 1 / (1 + elsewhere);
  };
  const weights = targetBags.map((bag, t) => bag.map((x) => (idf[x] as number) * discount(x, t)));
  const byTarget = matchesByTarget(aligned, targetBags, discount);
  const out = createMatrix(texts.length, targets.length);
  const best = new Map<number, number>();
  textBags.forEach((bag, i) => {
    onText();
    // best.get(x): how well target word x is matched by this text's words.
    best.clear();
    for (const w of bag) {
      for (const [x, similarity] of aligned.get(w) ?? []) {
        if (similarity > (best.get(x) ?? 0)) best.set(x, similarity);
      }
    }
    const textWeights = bag.map((w) => idf[w] as number);
    targetBags.forEach((target, t) => {
      const recall = weightedMean(target, weights[t] as number[], (x) => best.get(x) ?? 0);
      const precision = weightedMean(bag, textWeights, (w) => byTarget.get(w)?.[t] ?? 0);
      const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
      out.data[i * targets.length + t] = f1;
    });
  });
  return out;
}

/**
 * For every word that aligns with some target word, its best match in each target, each match
 * scaled by `scale(targetWord, target)`.
 */
function matchesByTarget(
  aligned: ReadonlyMap<number, ReadonlyMap<number, number>>,
  targets: readonly Bag[],
  scale: (x: number, t: number) => number,
): Map<number, Float32Array> {
  const targetsOf = new Map<number, number[]>();
  targets.forEach((bag, t) => {
    for (const x of bag) targetsOf.set(x, [...(targetsOf.get(x) ?? []), t]);
  });
  const out = new Map<number, Float32Array>();
  for (const [w, matches] of aligned) {
    const best = new Float32Array(targets.length);
    for (const [x, similarity] of matches) {
      for (const t of targetsOf.get(x) ?? []) {
        best[t] = Math.max(best[t] as number, similarity * scale(x, t));
      }
    }
    out.set(w, best);
  }
  return out;
}

/** Each word's best match per group of targets (the best over the group's targets). */
function sharedByGroup(
  byTarget: ReadonlyMap<number, Float32Array>,
  groupOf: readonly number[],
): Map<number, Float32Array> {
  const groups = groupOf.reduce((top, g) => Math.max(top, g + 1), 0);
  const out = new Map<number, Float32Array>();
  for (const [x, matches] of byTarget) {
    const best = new Float32Array(groups);
    matches.forEach((m, t) => {
      const g = groupOf[t] as number;
      best[g] = Math.max(best[g] as number, m);
    });
    out.set(x, best);
  }
  return out;
}

function weightedMean(
  items: readonly number[],
  weights: readonly number[],
  value: (item: number) => number,
): number {
  let sum = 0;
  let total = 0;
  items.forEach((item, k) => {
    const weight = weights[k] as number;
    sum += weight * value(item);
    total += weight;
  });
  return total > 0 ? sum / total : 0;
}

/** The distinct folded words of a corpus, numbered, each with its word vector row if any. */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly rows: number[] = [];

  constructor(
    private readonly vectors: WordVectors,
    private readonly language: string,
  ) {}

  bag(words: readonly string[]): Bag {
    const ids = new Set<number>();
    for (const word of words) {
      const folded = foldWord(word, this.language);
      let id = this.ids.get(folded);
      if (id === undefined) {
        id = this.rows.length;
        this.ids.set(folded, id);
        this.rows.push(this.vectors.index.get(word) ?? this.vectors.index.get(folded) ?? -1);
      }
      ids.add(id);
    }
    return [...ids];
  }

  /** Smoothed IDF of every word over the given bags. */
  idf(bags: readonly Bag[]): Float64Array {
    const df = new Float64Array(this.rows.length);
    for (const bag of bags) for (const w of bag) df[w] = (df[w] as number) + 1;
    return df.map((count) => Math.log((bags.length + 1) / (count + 1)) + 1);
  }

  /**
   * For every word, the target words it aligns with and how well: itself with 1, and those
   * whose vectors are more similar than ALIGN_FROM, rescaled.
   */
  alignments(targets: readonly number[]): Map<number, Map<number, number>> {
    const { dims, data } = this.vectors;
    const unit = (row: number) => {
      const v = data.subarray(row * dims, (row + 1) * dims);
      let norm = 0;
      for (let k = 0; k < dims; k++) norm += (v[k] as number) ** 2;
      return Float32Array.from(v, (x) => x / (Math.sqrt(norm) || 1));
    };
    const targetVectors = targets.map((x) => {
      const row = this.rows[x] as number;
      return row >= 0 ? unit(row) : undefined;
    });
    const out = new Map<number, Map<number, number>>();
    for (let w = 0; w < this.rows.length; w++) {
      const row = this.rows[w] as number;
      const v = row >= 0 ? unit(row) : undefined;
      const matches = new Map<number, number>();
      targets.forEach((x, k) => {
        if (x === w) {
          matches.set(x, 1);
          return;
        }
        const u = targetVectors[k];
        if (!v || !u) return;
        let cosine = 0;
        for (let d = 0; d < dims; d++) cosine += (v[d] as number) * (u[d] as number);
        if (cosine > ALIGN_FROM) matches.set(x, (cosine - ALIGN_FROM) / (1 - ALIGN_FROM));
      });
      if (matches.size > 0) out.set(w, matches);
    }
    return out;
  }
}
