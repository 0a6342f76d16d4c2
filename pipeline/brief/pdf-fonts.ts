// The PDF's embedded fonts, and which of them draws each character (fallback per run of text).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from 'fontkit';

/** A registered font face of the PDF. */
export type Face =
  | 'regular'
  | 'bold'
  | 'italic'
  | 'boldItalic'
  | 'mono'
  | 'arabic'
  | 'arabicBold'
  | 'hebrew'
  | 'hebrewBold'
  | 'cjk'
  | 'cjkBold'
  | 'emoji';

/** Text in one face. */
export interface FacedText {
  text: string;
  face: Face;
}

/** The style a run asks for; faces without italics (Arabic, Hebrew, CJK) draw italic upright. */
export interface FaceStyle {
  bold: boolean;
  italic: boolean;
  code: boolean;
}

// fontkit ships CommonJS (pdfkit loads the same copy); loaded the CommonJS way like pdfkit.
const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof import('fontkit');

const dejavu = (file: string) =>
  join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', file);
// These packages export only their (unused) script; their fonts sit beside it.
const embedpdf = (script: string, file: string) =>
  join(dirname(require.resolve(`@embedpdf/fonts-${script}`)), '..', 'fonts', file);

/**
 * Each face's file: DejaVu Sans for Latin, Greek and Cyrillic; Noto Naskh Arabic (its letters
 * are whole glyphs, so extracted text reads right); Noto Sans Hebrew; Noto Sans Hans (the GB 2312
 * set of simplified Chinese) for CJK; Noto Emoji (monochrome).
 */
const FILES: Record<Face, () => string> = {
  regular: () => dejavu('DejaVuSans.ttf'),
  bold: () => dejavu('DejaVuSans-Bold.ttf'),
  italic: () => dejavu('DejaVuSans-Oblique.ttf'),
  boldItalic: () => dejavu('DejaVuSans-BoldOblique.ttf'),
  mono: () => dejavu('DejaVuSansMono.ttf'),
  arabic: () => embedpdf('arabic', 'NotoNaskhArabic-Regular.ttf'),
  arabicBold: () => embedpdf('arabic', 'NotoNaskhArabic-Bold.ttf'),
  hebrew: () => embedpdf('hebrew', 'NotoSansHebrew-Regular.ttf'),
  hebrewBold: () => embedpdf('hebrew', 'NotoSansHebrew-Bold.ttf'),
  cjk: () => embedpdf('sc', 'NotoSansHans-Regular.otf'),
  cjkBold: () => embedpdf('sc', 'NotoSansHans-Bold.otf'),
  emoji: () => require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
};

/**
 * How much larger a face is set than the text around it, so that its letters look the same size:
 * Naskh's letters are small for their body next to DejaVu's large x-height.
 */
export const FACE_SCALE: Partial<Record<Face, number>> = { arabic: 1.2, arabicBold: 1.2 };

/** The file of a face, for other renderers of the same text (the .docx's chart images). */
export function fontFile(face: Face): string {
  return FILES[face]();
}

/** Every face. */
const FACES = Object.keys(FILES) as Face[];

/** Registers every face with a document; pdfkit reads a file only when its face is first used. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const face of FACES) doc.registerFont(face, FILES[face]());
}

const opened = new Map<Face, Font>();

/** The face's font, opened once per process, for its glyph coverage. */
export function fontOf(face: Face): Font {
  let font = opened.get(face);
  if (!font) {
    font = fontkit.openSync(FILES[face]()) as Font;
    opened.set(face, font);
  }
  return font;
}

/** Widths remembered per face before the cache starts over (bounded memory on huge briefs). */
const WIDTHS_KEPT = 50_000;
const widths = new Map<Face, Map<string, number>>();

/**
 * The width of text in a face at size 1000 (scaled as `FACE_SCALE` says), as pdfkit draws it:
 * word by word, each word with the space after it. Remembered across documents (both passes of an export measure the same words).
 */
export function widthOf(face: Face, text: string): number {
  let known = widths.get(face);
  if (!known) {
    known = new Map();
    widths.set(face, known);
  }
  let width = known.get(text);
  if (width === undefined) {
    if (known.size >= WIDTHS_KEPT) known.clear();
    const font = fontOf(face);
    width = 0;
    for (const word of text.split(/(?<=[ \t])/)) width += font.layout(word).advanceWidth;
    width *= (1000 / font.unitsPerEm) * (FACE_SCALE[face] ?? 1);
    known.set(text, width);
  }
  return width;
}

/** Whether the face has a glyph for the code point. */
export function covers(face: Face, codePoint: number): boolean {
  return fontOf(face).hasGlyphForCodePoint(codePoint);
}

/** Scripts that have faces of their own, tried before the style's face. */
const SCRIPTS: readonly { pattern: RegExp; regular: Face; bold: Face }[] = [
  {
    pattern: /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u,
    regular: 'arabic',
    bold: 'arabicBold',
  },
  { pattern: /[\u0590-\u05ff\ufb1d-\ufb4f]/u, regular: 'hebrew', bold: 'hebrewBold' },
  { pattern: /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u, regular: 'cjk', bold: 'cjkBold' },
];

// Characters every DejaVu Sans face has (test/brief/pdf-fonts.test.ts checks it), and those of
// DejaVu Sans Mono: text made only of them needs no look-up.
const SAFE_SANS = /^[\x20-\x7e\xa0-\u024f\u0370-\u04ff\u2010-\u2027\u2030-\u205e]*$/;
const SAFE_MONO = /^[\x20-\x7e]*$/;
/** Invisible characters (joiners, selectors, bidi marks): they stay in the face before them. */
export const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** Visible code points that belong to the character before them (marks, skin tones). */
const JOINER = /^(?:\p{M}|[\u{1f3fb}-\u{1f3ff}])$/u;
/**
 * Characters of no script that stay in the face before them: spaces, and punctuation and digits
 * beyond ASCII (ASCII ones keep the style's face, to match the text around them).
 */
const NEUTRAL = /^(?=[\p{Script=Common}\p{Script=Inherited}])(?:\s|[^\x21-\x7e])$/u;
const EMOJI = /^\p{Emoji_Presentation}$/u;
const TEXT_EMOJI = /^\p{Emoji}$/u;
/** What is drawn for a character no face has: a visible mark, never a blank box. */
export const MISSING = '\ufffd';

/** The face a style asks for first. */
function styleFace(style: FaceStyle): Face {
  if (style.code) return 'mono';
  if (style.bold) return style.italic ? 'boldItalic' : 'bold';
  return style.italic ? 'italic' : 'regular';
}

/**
 * Splits text into runs of one face each: emoji in Noto Emoji, Arabic, Hebrew and Chinese in
 * their Noto faces (upright when italic is asked for: they have no italics), the rest in the
 * style's DejaVu face, falling back to any face that has the glyph; a character none has is
 * drawn as U+FFFD.
 */
export function splitByFace(text: string, style: FaceStyle): FacedText[] {
  const first = styleFace(style);
  if ((style.code ? SAFE_MONO : SAFE_SANS).test(text)) return [{ text, face: first }];
  const out: FacedText[] = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const current = out.at(-1);
    const chosen = chooseFace(char, chars[i + 1], style, first, current?.face ?? null);
    const drawn = chosen ? char : /\s/u.test(char) ? ' ' : MISSING;
    const face = chosen ?? 'regular';
    if (current?.face === face) current.text += drawn;
    else out.push({ text: drawn, face });
  }
  return out;
}

function chooseFace(
  char: string,
  next: string | undefined,
  style: FaceStyle,
  first: Face,
  current: Face | null,
): Face | null {
  const code = char.codePointAt(0) as number;
  if (IGNORABLE.test(char)) return current ?? first;
  if (current && JOINER.test(char) && covers(current, code)) return current;
  if ((EMOJI.test(char) || (next === '\ufe0f' && TEXT_EMOJI.test(char))) && covers('emoji', code))
    return 'emoji';
  for (const script of SCRIPTS) {
    const face = style.bold ? script.bold : script.regular;
    if (script.pattern.test(char) && covers(face, code)) return face;
  }
  if (current && current !== 'emoji' && NEUTRAL.test(char) && covers(current, code)) return current;
  const candidates: Face[] = [first, 'regular', 'arabic', 'hebrew', 'cjk', 'emoji'];
  return candidates.find((face) => covers(face, code)) ?? null;
}

/**
 * Drops the layouts pdfkit keeps of every word it has drawn: it never forgets them by itself, and
 * at a hundred thousand contributions they are most of the memory. Called every few hundred
 * pages; layouts are recomputed on demand, so the output is the same.
 */
export function forgetLayouts(doc: PDFKit.PDFDocument): void {
  // pdfkit has no public handle on its fonts' caches.
  const fonts = (doc as unknown as { _fontFamilies: Record<string, { layoutCache?: object }> })
    ._fontFamilies;
  for (const font of Object.values(fonts)) {
    if (font.layoutCache) font.layoutCache = Object.create(null) as object;
  }
}
