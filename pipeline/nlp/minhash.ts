/**
 * Word shingles, exact Jaccard similarity and MinHash signatures (one-permutation hashing). All
 * 32-bit integer arithmetic with fixed seeds: deterministic, and independent of the run's seed.
 */

/** Signature length: 64 bins, banded by the LSH index. */
export const HASHES = 64;
/** The top 6 bits of a shingle hash pick its bin, the other 26 are its value there. */
const BIN_SHIFT = 26;
const VALUE_MASK = 0x03ffffff;
/** Marks an empty bin; larger than any value. */
const EMPTY = 0x7fffffff;
/** Probes before an empty bin falls back to scanning for a donor. */
const MAX_PROBES = 256;

/** Murmur3's finaliser: spreads every input bit over the output. */
export function mix(x: number): number {
  let h = x;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Hashes of the word and word-pair shingles of a text's word hashes, sorted and unique. */
export function shinglesOf(words: Int32Array): Int32Array {
  const n = words.length;
  const hashes = new Int32Array(Math.max(0, n * 2 - 1));
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const h = mix(words[i] ?? 0);
    hashes[i] = h;
    if (i > 0) hashes[n + i - 1] = mix(Math.imul(previous, 0x9e3779b1) ^ h ^ 0x27d4eb2f);
    previous = h;
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (i === 0 || hashes[i] !== hashes[unique - 1]) hashes[unique++] = hashes[i] ?? 0;
  }
  // A compact copy: kept sets live until deduplication ends, 100,000 of them.
  return hashes.slice(0, unique);
}

/** Exact Jaccard similarity of two sorted, unique hash sets. */
export function jaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) shared++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return shared / (a.length + b.length - shared);
}

/** One-permutation MinHash signatures of shingle sets. */
export class MinHasher {
  private readonly seeds = new Int32Array(HASHES);
  private readonly signatureBuffer = new Int32Array(HASHES);
  private readonly binBuffer = new Int32Array(HASHES);

  constructor() {
    for (let k = 0; k < HASHES; k++) this.seeds[k] = mix(k + 0x3c6ef372);
  }

  /**
   * The signature of a shingle set (a shared buffer, valid until the next call). One-permutation
   * hashing: a shingle's top 6 bits pick one of 64 bins and each bin keeps its minimum, so the
   * cost is one pass over the shingles rather than 64. Empty bins borrow from a bin chosen by a
   * fixed probe sequence ("optimal densification"), which keeps P[equal] = Jaccard per bin.
   */
  signature(shingles: Int32Array): Int32Array {
    const bins = this.binBuffer.fill(EMPTY);
    for (let s = 0; s < shingles.length; s++) {
      const x = shingles[s] ?? 0;
      const bin = x >>> BIN_SHIFT;
      if ((x & VALUE_MASK) < (bins[bin] ?? EMPTY)) bins[bin] = x & VALUE_MASK;
    }
    const signature = this.signatureBuffer;
    for (let bin = 0; bin < HASHES; bin++) signature[bin] = bins[this.donor(bins, bin)] ?? EMPTY;
    return signature;
  }

  /** The bin an empty bin borrows from: the first non-empty one on its own probe sequence. */
  private donor(bins: Int32Array, bin: number): number {
    let donor = bin;
    for (let attempt = 1; bins[donor] === EMPTY; attempt++) {
      if (attempt > MAX_PROBES + HASHES) return bin;
      // Past the cap (a set of one or two shingles) a scan finds a donor; still deterministic.
      donor =
        attempt <= MAX_PROBES
          ? mix((this.seeds[bin] ?? 0) + attempt) >>> BIN_SHIFT
          : (bin + attempt) % HASHES;
    }
    return donor;
  }
}
