// Right-to-left text in the PDF: the Unicode bidirectional algorithm (bidi-js), applied per line.
import { createRequire } from 'node:module';
import type { Bidi, EmbeddingLevels } from 'bidi-js';

// bidi-js ships a CommonJS factory (its types describe an ES default export).
const require = createRequire(import.meta.url);
const bidi = (require('bidi-js') as () => Bidi)();

/** Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...) and RTL marks. */
const RTL =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** A run of a line, in logical order, that is drawn as one piece. */
export interface Stretch {
  /** First and last index (inclusive) of the line's text. */
  start: number;
  end: number;
  /** Right to left (an odd embedding level). */
  rtl: boolean;
}

/** Whether text has a right-to-left character: if not, it is drawn in logical order as it is. */
export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/** Whether text has a character of a right-to-left script, which the shaper itself reverses. */
export function hasRtlScript(text: string): boolean {
  return /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(
    text,
  );
}

/** The embedding levels of a paragraph (a line up to a hard break), its direction found from its text. */
export function paragraphLevels(text: string): EmbeddingLevels {
  return bidi.getEmbeddingLevels(text, 'auto');
}

/** Whether the paragraph reads right to left. */
export function isRtlParagraph(levels: EmbeddingLevels): boolean {
  return ((levels.paragraphs[0]?.level ?? 0) & 1) === 1;
}

/**
 * The characters `start` to `end` (inclusive) of a wrapped line, in visual order from left to
 * right, grouped into stretches that are each one unit of `unitOf` (a word in one face) at one
 * level, and contiguous in the text.
 */
export function visualStretches(
  text: string,
  levels: EmbeddingLevels,
  start: number,
  end: number,
  unitOf: (index: number) => number,
): Stretch[] {
  // The indices of the whole text come back, this line's reordered in place.
  const order = bidi.getReorderedIndices(text, levels, start, end).slice(start, end + 1);
  const stretches: Stretch[] = [];
  let last: (Stretch & { unit: number }) | undefined;
  for (const i of order) {
    const rtl = ((levels.levels[i] ?? 0) & 1) === 1;
    const unit = unitOf(i);
    if (last && last.rtl === rtl && last.unit === unit) {
      // Right to left, the next character on the page is the one before in the text.
      if (rtl && i === last.start - 1) {
        last.start = i;
        continue;
      }
      if (!rtl && i === last.end + 1) {
        last.end = i;
        continue;
      }
    }
    last = { start: i, end: i, rtl, unit };
    stretches.push(last);
  }
  return stretches;
}

/** Right-to-left text with its brackets (and other mirrored characters) swapped, as drawn. */
export function mirror(text: string): string {
  let out = '';
  for (const char of text) out += bidi.getMirroredCharacter(char) ?? char;
  return out;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Text reversed by user-perceived character (an emoji with its skin tone stays whole). */
export function reverseGraphemes(text: string): string {
  return Array.from(graphemes.segment(text), (s) => s.segment)
    .reverse()
    .join('');
}
