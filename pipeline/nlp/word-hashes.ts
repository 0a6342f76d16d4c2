/**
 * Words as 32-bit hashes, read in one pass without building strings: duplicate detection
 * tokenises every record, and regex tokenising plus string allocation was its largest cost.
 * A word is a run of letters, marks and digits, lower-cased; everything else separates words.
 */

/** Per BMP code unit: 0 not yet known, 1 part of a word, 2 not. Filled lazily for non-ASCII. */
const WORD_CHAR = new Uint8Array(0x10000);
const WORD_PATTERN = /^[\p{L}\p{M}\p{N}]$/u;

function isWordChar(c: number): boolean {
  let known = WORD_CHAR[c] ?? 2;
  if (known === 0) {
    known = WORD_PATTERN.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_CHAR[c] = known;
  }
  return known === 1;
}

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** Lower case of a non-ASCII code unit, where that is one code unit. */
function lowerCase(c: number): number {
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** ASCII code -> its lower-case code if it is a letter or digit, else 0. */
const ASCII_WORD = new Uint8Array(0x80).map((_, c) => {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return c;
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : 0;
});

/**
 * FNV-1a hashes of the lower-cased words of `text`, in order. Surrogate pairs (astral letters
 * such as CJK extensions) count as word characters so they are never split.
 */
export function wordHashes(text: string): Int32Array {
  const hashes: number[] = [];
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const code =
      c < 0x80 ? (ASCII_WORD[c] ?? 0) : isSurrogate(c) || isWordChar(c) ? lowerCase(c) : 0;
    if (code !== 0) {
      h = Math.imul(h ^ code, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      hashes.push(h);
      h = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) hashes.push(h);
  return Int32Array.from(hashes);
}

/**
 * A key equal for texts with the same words, whatever their case, punctuation and spacing:
 * two independent 32-bit hashes of the word sequence plus its length. Distinct texts share a
 * key with probability about 2^-64 per pair, far below one in a national consultation.
 */
export function exactKey(words: Int32Array): string {
  let a = FNV_OFFSET;
  let b = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? 0;
    a = Math.imul(a ^ w, FNV_PRIME);
    b = Math.imul(b ^ w, 0x85ebca6b);
    b ^= b >>> 13;
  }
  return `${words.length}:${a >>> 0}:${b >>> 0}`;
}
