/**
 * Text normalisation: Unicode NFC, invisible characters removed, line breaks unified, runs of
 * spaces collapsed, lines trimmed and at most one blank line between paragraphs.
 *
 * NFC rather than NFKC: NFKC rewrites superscripts, fractions and circled digits (`m²` becomes
 * `m2`), which changes what a quoted passage says; the clean text must stay quotable verbatim.
 */

/** Output of {@link normaliseText}. */
export interface Normalised {
  text: string;
  /** The requested input positions, mapped to positions in `text` (same order). */
  positions: number[];
}

/** Invisible format characters with no meaning in prose. ZWJ/ZWNJ stay: scripts and emoji use them. */
function isInvisible(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d;
  if (c < 0x7f) return false;
  if (c <= 0x9f) return c !== 0x85;
  return (
    c === 0xad ||
    c === 0x061c ||
    c === 0x180e ||
    c === 0x200b ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x206f) ||
    c === 0xfeff ||
    (c >= 0xfff9 && c <= 0xfffb)
  );
}

/** Horizontal whitespace, including no-break and typographic spaces. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Newlines a character stands for: 2 for the paragraph separator, 1 for line breaks, else 0. */
function lineBreaks(c: number): number {
  if (c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x85 || c === 0x2028) return 1;
  return c === 0x2029 ? 2 : 0;
}

/**
 * Anything the single pass would change. Most short comments are already clean, and one regex
 * test is much cheaper than rebuilding the string character by character.
 */
const NEEDS_WORK =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
  /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200b\u200e\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\ufeff\ufff9-\ufffb]| {2}|^\s|\s$| \n|\n |\n{3}/;

/**
 * Normalises `input` and maps `positions` (sorted offsets into `input`) to offsets in the result,
 * so that spans found before normalising (e.g. dropped markup) can be placed in the clean text.
 */
export function normaliseText(input: string, positions: readonly number[] = []): Normalised {
  const text = input.normalize('NFC');
  const mapped = text === input ? [...positions] : composedPositions(input, positions);
  if (!NEEDS_WORK.test(text)) return { text, positions: mapped };
  return collapseWhitespace(text, mapped);
}

/**
 * Sorted positions in `input` mapped into its NFC form: each to the length of its prefix once
 * composed. Composition only merges a character with the ones before it when it is a combining
 * mark or a Hangul jamo, so prefixes are composed piece by piece from the last character that
 * is certainly neither, in one pass over the text.
 */
function composedPositions(input: string, positions: readonly number[]): number[] {
  const mapped: number[] = [];
  let boundary = 0;
  let composed = 0;
  for (const position of positions) {
    let next = position;
    while (next > boundary && !startsComposition(input.charCodeAt(next))) next--;
    composed += input.slice(boundary, next).normalize('NFC').length;
    boundary = next;
    mapped.push(composed + input.slice(next, position).normalize('NFC').length);
  }
  return mapped;
}

/** Characters nothing before them composes with: below U+0300, CJK ideographs, Hangul syllables. */
function startsComposition(c: number): boolean {
  return c < 0x300 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
}

/**
 * The single pass: whitespace is held back and written only when visible text follows it. What
 * needs no change is copied in slices, so a long text is not rebuilt one character at a time.
 */
function collapseWhitespace(text: string, positions: readonly number[]): Normalised {
  const out: string[] = [];
  const mapped: number[] = [];
  let length = 0;
  let pendingSpace = false;
  let pendingBreaks = 0;
  let runStart = 0;
  let runEnd = 0;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    while (next < positions.length && (positions[next] ?? 0) <= i) {
      mapped.push(length);
      next++;
    }
    const c = text.charCodeAt(i);
    const visible = c > 0x20 && c < 0x7f;
    if (!visible && isInvisible(c)) continue;
    const breaks = visible || (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) ? 0 : lineBreaks(c);
    if (breaks > 0) {
      pendingSpace = false;
      if (length > 0) pendingBreaks += breaks;
    } else if (!visible && isSpace(c)) {
      pendingSpace = length > 0 && pendingBreaks === 0;
    } else if (c !== 0x0d) {
      const gap = pendingBreaks > 0 ? (pendingBreaks > 1 ? '\n\n' : '\n') : pendingSpace ? ' ' : '';
      // Where the input already reads as the output, the run goes on through the gap.
      if (i - runEnd !== gap.length || !text.startsWith(gap, runEnd)) {
        out.push(text.slice(runStart, runEnd), gap);
        runStart = i;
      }
      runEnd = i + 1;
      length += gap.length + 1;
      pendingSpace = false;
      pendingBreaks = 0;
    }
  }
  out.push(text.slice(runStart, runEnd));
  while (next++ < positions.length) mapped.push(length);
  return { text: out.join(''), positions: mapped };
}
