// The PDF typesetter's parts: which face draws each character, wrapping, and right-to-left order.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  covers,
  IGNORABLE,
  MISSING,
  registerFonts,
  splitByFace,
} from '../../pipeline/brief/pdf-fonts.js';
import { PLAIN, type Run } from '../../pipeline/brief/pdf-runs.js';
import { type Line, Typesetter } from '../../pipeline/brief/pdf-typeset.js';

const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit') as typeof import('pdfkit');

const ROMAN = { bold: false, italic: false, code: false };
const ITALIC = { ...ROMAN, italic: true };
const BOLD = { ...ROMAN, bold: true };

function typesetter(): Typesetter {
  const doc = new PDFDocument({ autoFirstPage: false });
  registerFonts(doc);
  return new Typesetter(doc, true);
}

/**
 * A line's characters in the order they appear on the page, left to right: a piece in a
 * right-to-left script is handed to the shaper in logical order, and the shaper reverses it.
 */
function onPage(line: Line | undefined): string {
  return (line?.pieces ?? [])
    .map((p) =>
      /[\p{Script=Hebrew}\p{Script=Arabic}]/u.test(p.text)
        ? [...p.text].reverse().join('')
        : p.text,
    )
    .join('');
}

/** Every drawn character of every piece is in the piece's face (no .notdef box). */
function expectCovered(lines: readonly Line[]): void {
  for (const piece of lines.flatMap((l) => l.pieces)) {
    for (const char of piece.text) {
      if (IGNORABLE.test(char)) continue;
      expect(covers(piece.face, char.codePointAt(0) as number), `${char} in ${piece.face}`).toBe(
        true,
      );
    }
  }
}

describe('splitByFace', () => {
  it('draws each script in a face that has it, italic Arabic and Hebrew upright', () => {
    const parts = splitByFace('Vote نريد حافلات and שלום, 中文 👍🏽 ❤️ ok', ITALIC);
    expect(parts).toEqual([
      { text: 'Vote ', face: 'italic' },
      // Spaces and punctuation stay in the face before them when it has them.
      { text: 'نريد حافلات ', face: 'arabic' },
      { text: 'and ', face: 'italic' },
      { text: 'שלום', face: 'hebrew' },
      { text: ', ', face: 'italic' },
      { text: '中文 ', face: 'cjk' },
      // The skin tone and the variation selector stay with their emoji: one glyph each.
      { text: '👍🏽', face: 'emoji' },
      { text: ' ', face: 'italic' },
      { text: '❤️', face: 'emoji' },
      { text: ' ok', face: 'italic' },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('Vote نريد حافلات and שלום, 中文 👍🏽 ❤️ ok');
  });

  it('uses the bold faces of Arabic, Hebrew and Chinese, and the mono face for code', () => {
    expect(splitByFace('نريد שלום 中文', BOLD).map((p) => p.face)).toEqual([
      'arabicBold',
      'hebrewBold',
      'cjkBold',
    ]);
    expect(splitByFace('npm run check', { ...ROMAN, code: true })).toEqual([
      { text: 'npm run check', face: 'mono' },
    ]);
  });

  it('draws a character no face has as a visible replacement, never a box', () => {
    const parts = splitByFace('a\u{10FFFD}b', ROMAN);
    expect(parts.map((p) => p.text).join('')).toBe(`a${MISSING}b`);
  });

  it('leaves no character of Latin, Greek, Cyrillic or punctuation to a face without it', () => {
    const ranges: [number, number][] = [
      [0x20, 0x7e],
      [0xa0, 0x24f],
      [0x370, 0x4ff],
      [0x2010, 0x205e],
    ];
    for (const style of [
      ROMAN,
      ITALIC,
      BOLD,
      { ...BOLD, italic: true },
      { ...ROMAN, code: true },
    ]) {
      for (const [from, to] of ranges) {
        for (let code = from; code <= to; code++) {
          const char = String.fromCodePoint(code);
          if (!/[\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(char)) continue;
          for (const { text, face } of splitByFace(char, style)) {
            if (text !== MISSING)
              expect(covers(face, code), `U+${code.toString(16)} ${face}`).toBe(true);
          }
        }
      }
    }
  });
});

describe('Typesetter', () => {
  const run = (text: string, style: Partial<Run> = {}): Run => ({ ...PLAIN, ...style, text });

  it('keeps every line inside its width, breaking an overlong word between characters', () => {
    const type = typesetter();
    const text = `See https://example.org/${'a-very-long-path/'.repeat(12)} and אנחנו צריכים יותר אוטובוסים בשכונות המערביות כי הקו הנוכחי פועל רק פעם בשעה, 中文参与者希望公共交通更加便宜、准时和方便，特别是在早晚高峰时段增加班次。`;
    for (const width of [80, 150, 300]) {
      const lines = type.layout([run(text)], 10.5, width);
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 1e-6);
      expectCovered(lines);
    }
  });

  it('orders a right-to-left paragraph right to left, each line on its own', () => {
    const type = typesetter();
    const lines = type.layout([run('אחת שתיים שלוש ארבע חמש שש')], 10.5, 60);
    expect(lines.length).toBeGreaterThan(1);
    // Words are wrapped in reading order: the first line holds the first words...
    const words = lines.map((l) => l.pieces.map((p) => p.text.trim()).filter(Boolean));
    expect(words.flat().sort()).toEqual(['אחת', 'שתיים', 'שלוש', 'ארבע', 'חמש', 'שש'].sort());
    expect(words[0]).toContain('אחת');
    // ...and each line is drawn from the right: the first word is its rightmost piece.
    expect(lines.every((l) => l.rtl)).toBe(true);
    expect(words[0]?.at(-1)).toBe('אחת');
  });

  it('keeps left-to-right words and numbers in order inside right-to-left text', () => {
    const [line] = typesetter().layout(
      [run('Prices rose in عام 2024 م, said (someone).')],
      10.5,
      1000,
    );
    expect(line?.rtl).toBe(false);
    // The Arabic words read from the right, the number between them as written.
    expect(onPage(line)).toBe('Prices rose in م 2024 ماع, said (someone).');
    expect(line?.pieces[0]?.text).toBe('Prices rose in ');
  });

  it('mirrors brackets in right-to-left text', () => {
    const [line] = typesetter().layout([run('نريد (حافلات) اليوم')], 10.5, 1000);
    expect(line?.rtl).toBe(true);
    expect(onPage(line)).toBe('مويلا (تالفاح) ديرن');
  });

  it('draws an emoji after a citation, and a citation after an emoji, side by side', () => {
    const [line] = typesetter().layout(
      [run('bike lanes 🚲'), run('[3]', { goTo: 'source-3' }), run(' and buses 👍🏽 ❤️')],
      10.5,
      1000,
    );
    expect(line?.pieces.map((p) => [p.text, p.face])).toEqual([
      ['bike lanes ', 'regular'],
      ['🚲', 'emoji'],
      ['[3]', 'regular'],
      [' and buses ', 'regular'],
      ['👍🏽', 'emoji'],
      [' ', 'regular'],
      ['❤️', 'emoji'],
    ]);
    for (const piece of line?.pieces ?? []) expect(piece.width).toBeGreaterThan(0);
    expectCovered(line ? [line] : []);
  });
});
