/**
 * Exact and near-duplicate detection. Exact: the same words after lower-casing, ignoring
 * punctuation and spacing. Near: word-shingle Jaccard similarity at or over a threshold, with
 * candidates from MinHash + LSH banding (so 100,000 texts stay fast) verified by exact Jaccard.
 *
 * Shingles are single words plus word pairs: pairs keep "more bike lanes, not fewer" apart from
 * "fewer bike lanes, not more", and single words keep a one-word typo in a short comment from
 * breaking more than a few shingles.
 */
import { LshIndex } from './lsh-index.js';
import { HASHES, jaccard, MinHasher, shinglesOf } from './minhash.js';
import { exactKey, wordHashes } from './word-hashes.js';

/** A text to compare, with its time (ms since epoch; `Infinity` when unknown). */
export interface DuplicateInput {
  text: string;
  time: number;
}

/** Which earlier text a duplicate repeats (an index into the inputs), and how. */
export interface DuplicateMatch {
  of: number;
  match: 'exact' | 'near';
}

/**
 * Candidates whose signature similarity (an estimate of Jaccard with standard deviation <= 0.0625
 * over 64 bins) is this far below the threshold are skipped: five deviations, so a true match
 * is essentially never lost, while most band collisions are rejected without an exact Jaccard.
 */
const ESTIMATE_MARGIN = 0.3;

/**
 * At most this many candidates are verified per text. Only templated campaigns (thousands of
 * texts just below the threshold) reach it; there the candidates sharing most bands are checked.
 */
const MAX_CANDIDATES = 200;

/** Texts with fewer words than this only match exactly: a few words are not a voice to merge. */
export const MIN_WORDS_FOR_NEAR = 4;

/**
 * Finds duplicates among `inputs`. Texts are visited from the earliest (by time, then input
 * order); a text that matches an earlier kept text becomes its duplicate, pointing at the earliest
 * such text, otherwise it is kept. Pointing only at kept texts avoids chains (A~B~C where A and C
 * differ). Returns one entry per input: its match, or null when it is kept. `onText` hears each
 * text visited, for progress.
 */
export function findDuplicates(
  inputs: readonly DuplicateInput[],
  threshold: number,
  onText: () => void = () => {},
): (DuplicateMatch | null)[] {
  const order = visitingOrder(inputs);
  const matches: (DuplicateMatch | null)[] = inputs.map(() => null);
  // Exact key -> how a text with that key matches: the kept text itself (exact), or the kept
  // text an earlier copy of it was a near-duplicate of.
  const exact = new Map<string, DuplicateMatch>();
  const hasher = new MinHasher();
  // Kept texts are numbered densely as they are kept (an array with holes would fall back to a
  // slow dictionary), so ascending candidates are earliest first; `keptAt` maps back to inputs.
  const index = new LshIndex(threshold);
  const shinglesByRank: Int32Array[] = [];
  const keptAt: number[] = [];
  const signatures = new SignatureStore();
  for (const i of order) {
    onText();
    const words = wordHashes((inputs[i] as DuplicateInput).text);
    const key = exactKey(words);
    const known = exact.get(key);
    if (known !== undefined) {
      matches[i] = known;
      continue;
    }
    if (words.length >= MIN_WORDS_FOR_NEAR) {
      const set = shinglesOf(words);
      const signature = hasher.signature(set);
      const candidates = index.candidates(signature, MAX_CANDIDATES);
      const near = firstSimilar(
        candidates,
        { set, signature },
        { shinglesByRank, signatures },
        threshold,
      );
      if (near !== null) {
        matches[i] = { of: keptAt[near] ?? -1, match: 'near' };
        exact.set(key, matches[i]);
        continue;
      }
      const rank = keptAt.length;
      keptAt.push(i);
      index.insert(signature, rank);
      signatures.set(rank, signature);
      shinglesByRank.push(set);
    }
    exact.set(key, { of: i, match: 'exact' });
  }
  return matches;
}

function visitingOrder(inputs: readonly DuplicateInput[]): number[] {
  const order = inputs.map((_, i) => i);
  return order.sort((a, b) => {
    const ta = (inputs[a] as DuplicateInput).time;
    const tb = (inputs[b] as DuplicateInput).time;
    return ta === tb ? a - b : ta < tb ? -1 : 1;
  });
}

/** What is known of kept texts: shingle sets and signatures, by rank (the order they were kept in). */
interface Kept {
  shinglesByRank: readonly Int32Array[];
  signatures: SignatureStore;
}

/**
 * The first (earliest) candidate whose exact similarity reaches the threshold, or null. Cheap
 * bounds come first: set sizes, then the signature estimate, then the exact Jaccard.
 */
function firstSimilar(
  candidates: Int32Array,
  text: { set: Int32Array; signature: Int32Array },
  kept: Kept,
  threshold: number,
): number | null {
  const { set, signature } = text;
  for (const rank of candidates) {
    const other = kept.shinglesByRank[rank];
    if (other === undefined) continue;
    // Jaccard can be no higher than the ratio of the set sizes.
    if (Math.min(set.length, other.length) < threshold * Math.max(set.length, other.length))
      continue;
    if (kept.signatures.similarity(rank, signature) < threshold - ESTIMATE_MARGIN) continue;
    if (jaccard(set, other) >= threshold) return rank;
  }
  return null;
}

/** Signatures of kept texts by rank, in one growing buffer. */
class SignatureStore {
  private buffer = new Int32Array(HASHES * 1024);

  set(rank: number, signature: Int32Array): void {
    while ((rank + 1) * HASHES > this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer.set(signature, rank * HASHES);
  }

  /** The share of bins where the stored signature equals `signature`. */
  similarity(rank: number, signature: Int32Array): number {
    let equal = 0;
    const offset = rank * HASHES;
    for (let k = 0; k < HASHES; k++) if (this.buffer[offset + k] === signature[k]) equal++;
    return equal / HASHES;
  }
}
