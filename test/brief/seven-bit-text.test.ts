// The report's embedded bytes: 7 bits to a UTF-8 byte, back exactly, never a character the HTML parser changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSevenBit, encodeSevenBit } from '../../pipeline/brief/seven-bit-text.js';

describe('bytes written 7 bits to a character', () => {
  it('read back exactly, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const text = encodeSevenBit(bytes);
        expect(decodeSevenBit(text, bytes.length)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('hold no NUL, CR or "<", and no C1 control, in 8/7 of the bytes’ size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 600 }), (bytes) => {
        const text = encodeSevenBit(bytes);
        expect(text).not.toMatch(/[\0\r<\x80-\x9f]/);
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(Math.ceil((bytes.length * 8) / 7) + 2);
      }),
    );
  });

  it('carry the bytes that need a two-byte character, in any position', () => {
    // 7-bit groups of 0 (NUL), 13 (CR) and 60 ("<") at the start, the middle and the very end.
    for (const bytes of [[0], [0x1a], [0x78], [1, 2, 0], [0xff, 0, 0, 0, 0, 0, 0x3c]]) {
      const array = Uint8Array.from(bytes);
      expect(decodeSevenBit(encodeSevenBit(array), array.length)).toEqual(array);
    }
  });
});
