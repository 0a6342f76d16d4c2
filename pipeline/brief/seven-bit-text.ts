// Bytes as text inside an HTML page, 7 bits to a UTF-8 byte (base64 carries 6): the report's embedded lists.

/**
 * The 7-bit values a page cannot carry as themselves: NUL and CR (the HTML parser replaces
 * them) and `<` (it could close the script element holding the text). Each is written as one
 * two-byte character together with the next 7 bits, so the density stays 7 bits a byte.
 * `decodeSevenBit` keeps its own copy (it runs in the page, from its source text).
 */
const UNSAFE = [0x00, 0x0d, 0x3c];

/** For each 7-bit value, its index in `UNSAFE`, or -1. */
const UNSAFE_INDEX = Int8Array.from({ length: 128 }, (_, value) => UNSAFE.indexOf(value));

/** The first two-byte character (U+00A0): past the C1 controls, which some tools mangle. */
const PAIR_BASE = 0xa0;

/**
 * `bytes` as a string of characters below U+0080 (one byte each in UTF-8) and between U+00A0
 * and U+021F (two bytes, 14 bits): never NUL, CR or `<`, so it can sit in a `<script>` element
 * of type text. `decodeSevenBit(text, bytes.length)` gives the bytes back.
 */
export function encodeSevenBit(bytes: Uint8Array): string {
  // UTF-16 code units, at most one a 7-bit group, turned into a string in one step.
  const codes = new Uint16Array(Math.ceil((bytes.length * 8) / 7) + 1);
  let length = 0;
  let pending = -1;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length) {
      acc = ((acc << 8) | (bytes[i] as number)) & 0x7fff;
      bits += 8;
    } else if (bits > 0) {
      // The last bits, padded to a group; the decoder stops at the length it is given.
      acc <<= 7 - bits;
      bits = 7;
    }
    while (bits >= 7) {
      bits -= 7;
      const value = (acc >> bits) & 127;
      if (pending >= 0) {
        codes[length++] = PAIR_BASE + pending * 128 + value;
        pending = -1;
      } else {
        pending = UNSAFE_INDEX[value] as number;
        if (pending < 0) codes[length++] = value;
      }
    }
  }
  if (pending >= 0) codes[length++] = PAIR_BASE + pending * 128;
  return Buffer.from(codes.buffer, 0, length * 2).toString('utf16le');
}

/**
 * The `length` bytes `encodeSevenBit` wrote as `text`. Self-contained (no outside names), as
 * the report's page script embeds its source.
 */
export function decodeSevenBit(text: string, length: number): Uint8Array {
  const unsafe = [0x00, 0x0d, 0x3c];
  const out = new Uint8Array(length);
  let acc = 0;
  let bits = 0;
  let at = 0;
  const push = (value: number) => {
    acc = ((acc << 7) | value) & 0x7fff;
    bits += 7;
    if (bits >= 8) {
      bits -= 8;
      if (at < length) out[at++] = (acc >> bits) & 255;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) push(code);
    else {
      push(unsafe[(code - 0xa0) >> 7] as number);
      push((code - 0xa0) & 127);
    }
  }
  return out;
}
