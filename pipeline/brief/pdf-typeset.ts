// Inline text laid out by hand: runs split by face, wrapped in logical order, lines put in visual order.
import type { EmbeddingLevels } from 'bidi-js';
import { appendAll } from '../arrays.js';
import {
  hasRtl,
  hasRtlScript,
  isRtlParagraph,
  mirror,
  paragraphLevels,
  reverseGraphemes,
  visualStretches,
} from './pdf-bidi.js';
import {
  covers,
  FACE_SCALE,
  type Face,
  fontOf,
  IGNORABLE,
  splitByFace,
  widthOf,
} from './pdf-fonts.js';
import type { Run } from './pdf-runs.js';
import {
  ATOMS,
  type Atom,
  breakLongWords,
  glue,
  TRAILING_SPACE,
  trimEnd,
  wrap,
} from './pdf-wrap.js';

/** A piece of a laid-out line, drawn as one string in one face. */
export interface Piece {
  text: string;
  face: Face;
  run: Run;
  /** Points. */
  width: number;
}

/** A laid-out line: its pieces from left to right, and its width in points. */
export interface Line {
  pieces: Piece[];
  width: number;
  size: number;
  /** The paragraph it belongs to reads right to left (its lines sit at the right by default). */
  rtl: boolean;
}

/** How a line is drawn; `natural` alignment is left, or right for a right-to-left paragraph. */
export interface LineStyle {
  color: string;
  linkColor: string;
  align?: 'natural' | 'left' | 'right';
}

/**
 * Lays out and draws styled runs with pdfkit: each run is split by the face that has its glyphs,
 * lines are wrapped on the logical text, then each line is reordered for display by the Unicode
 * bidirectional algorithm (Arabic and Hebrew words are handed to the shaper in logical order,
 * which joins and reverses them). Lines never exceed the width they are given: a word longer
 * than a line is broken between characters.
 */
export class Typesetter {
  /** Ascent and line height of the body face, per point of size. */
  private readonly ascent: number;
  private readonly leading: number;

  /** `dry`: lay out only, draw nothing (the first pass that finds the pages). */
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly dry: boolean,
  ) {
    const font = fontOf('regular');
    this.ascent = font.ascent / font.unitsPerEm;
    this.leading = (font.ascent - font.descent + font.lineGap) / font.unitsPerEm;
  }

  /** The height of a line of text of this size. */
  lineHeight(size: number): number {
    return size * this.leading;
  }

  /** Runs as lines at most `width` points wide; a run "\n" (a hard break) starts a new paragraph. */
  layout(runs: readonly Run[], size: number, width: number): Line[] {
    const lines: Line[] = [];
    let paragraph: Run[] = [];
    for (const run of runs) {
      if (run.text !== '\n') paragraph.push(run);
      else {
        appendAll(lines, [...this.paragraph(paragraph, size, width)]);
        paragraph = [];
      }
    }
    appendAll(lines, [...this.paragraph(paragraph, size, width)]);
    return lines;
  }

  /** One line of text in one style, cut with an ellipsis to fit `width`. */
  fitted(run: Run, size: number, width: number): Line {
    let chars = Array.from(run.text);
    for (;;) {
      const text = chars.join('');
      const line = this.layout([{ ...run, text }], size, Number.POSITIVE_INFINITY)[0];
      if (!line) return { pieces: [], width: 0, size, rtl: false };
      if (line.width <= width || chars.length <= 1) return line;
      chars = [...chars.slice(0, -2), '…'];
    }
  }

  /** Draws a line with its top at `top`, between `x` and `x + width`. */
  draw(line: Line, x: number, top: number, width: number, style: LineStyle): void {
    if (this.dry) return;
    const doc = this.doc;
    const align = style.align ?? 'natural';
    const right = align === 'right' || (align === 'natural' && line.rtl);
    let at = right ? x + width - line.width : x;
    const baseline = top + this.ascent * line.size;
    const height = this.lineHeight(line.size);
    for (const piece of line.pieces) {
      const { link, goTo } = piece.run;
      doc
        .font(piece.face, line.size * (FACE_SCALE[piece.face] ?? 1))
        .fillColor(link || goTo ? style.linkColor : style.color);
      doc.text(drawable(piece.text, piece.face), at, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
      });
      if (link) doc.link(at, top, piece.width, height, link);
      if (goTo) doc.goTo(at, top, piece.width, height, goTo);
      at += piece.width;
    }
  }

  private paragraph(runs: readonly Run[], size: number, width: number): Line[] {
    const max = (1000 * width) / size;
    const atoms = breakLongWords(glue(runs.flatMap((run) => this.atoms(run))), max, (atom) =>
      this.chars(atom),
    );
    if (atoms.length === 0) return [];
    const ranges = wrap(atoms, max);
    const text = atoms.map((a) => a.text).join('');
    if (!hasRtl(text)) return ranges.map(([from, to]) => this.ltrLine(atoms.slice(from, to), size));
    return this.bidiLines(atoms, text, ranges, size);
  }

  /** A run's atoms, each in one face. */
  private atoms(run: Run): Atom[] {
    const atoms: Atom[] = [];
    for (const { text, face } of splitByFace(run.text, run)) {
      for (const [word] of text.matchAll(ATOMS)) {
        const space = TRAILING_SPACE.exec(word)?.[0];
        const trail = space ? this.measure(face, space) : 0;
        atoms.push({ text: word, face, run, width: this.measure(face, word), trail, glue: false });
      }
    }
    return atoms;
  }

  /** An atom broken into its characters, each an atom a line may end after. */
  private chars(atom: Atom): Atom[] {
    return Array.from(atom.text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [], (text) => ({
      ...atom,
      text,
      width: this.measure(atom.face, text),
      trail: TRAILING_SPACE.test(text) ? this.measure(atom.face, text) : 0,
      glue: false,
    }));
  }

  /** A left-to-right line: atoms of one face and run joined, its trailing spaces dropped. */
  private ltrLine(atoms: readonly Atom[], size: number): Line {
    const pieces: Piece[] = [];
    trimEnd(atoms, (face, text) => this.measure(face, text)).forEach((atom) => {
      const last = pieces.at(-1);
      if (last && last.face === atom.face && last.run === atom.run) {
        last.text += atom.text;
        last.width += atom.width;
      } else pieces.push({ text: atom.text, face: atom.face, run: atom.run, width: atom.width });
    });
    for (const piece of pieces) piece.width *= size / 1000;
    return { pieces, width: total(pieces), size, rtl: false };
  }

  /** Lines of a paragraph with right-to-left text, each reordered for display. */
  private bidiLines(
    atoms: readonly Atom[],
    text: string,
    ranges: readonly [number, number][],
    size: number,
  ): Line[] {
    const paragraph = {
      atoms,
      text,
      levels: paragraphLevels(text),
      owner: new Uint32Array(text.length),
    };
    let offset = 0;
    const starts = atoms.map((atom, i) => {
      paragraph.owner.fill(i, offset, offset + atom.text.length);
      offset += atom.text.length;
      return offset - atom.text.length;
    });
    starts.push(text.length);
    return ranges.map(([from, to]) => {
      const start = starts[from] as number;
      let end = (starts[to] as number) - 1;
      while (end >= start && /\s/u.test(text.charAt(end))) end--;
      return this.bidiLine(paragraph, start, end, size);
    });
  }

  /** One line (characters `start` to `end` of its paragraph) in visual order, left to right. */
  private bidiLine(
    paragraph: {
      atoms: readonly Atom[];
      text: string;
      levels: EmbeddingLevels;
      owner: Uint32Array;
    },
    start: number,
    end: number,
    size: number,
  ): Line {
    const { atoms, text, levels, owner } = paragraph;
    const stretches =
      end < start ? [] : visualStretches(text, levels, start, end, (i) => owner[i] as number);
    const pieces: Piece[] = [];
    stretches.forEach((s, k) => {
      const atom = atoms[owner[s.start] as number] as Atom;
      const piece = this.piece(atom, text.slice(s.start, s.end + 1), size, s.rtl);
      const last = pieces.at(-1);
      // Left-to-right stretches in the same face and style are drawn as one string.
      const joins = last?.face === atom.face && last.run === atom.run;
      if (last && joins && !s.rtl && stretches[k - 1]?.rtl === false) {
        last.text += piece.text;
        last.width += piece.width;
      } else pieces.push(piece);
    });
    return { pieces, width: total(pieces), size, rtl: isRtlParagraph(levels) };
  }

  /** A stretch of a line as drawn: right-to-left script stays in logical order for the shaper. */
  private piece(atom: Atom, logical: string, size: number, rtl = false): Piece {
    let drawn = rtl ? mirror(logical) : logical;
    if (rtl && !hasRtlScript(drawn)) drawn = reverseGraphemes(drawn);
    const width = (this.measure(atom.face, drawn) * size) / 1000;
    return { text: drawn, face: atom.face, run: atom.run, width };
  }

  /** The width of text in a face at size 1000, as pdfkit will draw it. */
  private measure(face: Face, text: string): number {
    return widthOf(face, drawable(text, face));
  }
}

function total(pieces: readonly Piece[]): number {
  return pieces.reduce((sum, p) => sum + p.width, 0);
}

/** The text without invisible characters its face has no glyph for (they would show as boxes). */
function drawable(text: string, face: Face): string {
  if (!IGNORABLE.test(text)) return text;
  return Array.from(text)
    .filter((c) => !IGNORABLE.test(c) || covers(face, c.codePointAt(0) as number))
    .join('');
}
