// Draws a Markdown table in the PDF: column widths from its contents, a header repeated on each page.
import type { Tokens } from 'marked';
import { maxOf } from '../arrays.js';
import { PLAIN, plainText, type Run } from './pdf-runs.js';
import { ACCENT, INK, SIZES } from './pdf-style.js';
import type { Line, Typesetter } from './pdf-typeset.js';

const PADDING = 4;

/** What a table is drawn with: the page's pen (see pdf-pen.ts). */
export interface Pen {
  readonly doc: PDFKit.PDFDocument;
  readonly type: Typesetter;
  readonly left: number;
  readonly width: number;
  readonly drawing: boolean;
  y: number;
  room(height: number): void;
  newPage(): void;
  gap(lines: number, size: number): void;
}

/** Draws a table at the pen's position, row by row, breaking pages between rows. */
export function drawTable(pen: Pen, table: Tokens.Table): void {
  const widths = columnWidths(pen, table);
  pen.room(40);
  drawRow(pen, table, table.header, widths, true);
  for (const row of table.rows) drawRow(pen, table, row, widths, false);
  pen.gap(0.8, SIZES.table);
}

/**
 * Each column is at least as wide as its longest word (of the header, and of its cells up to a
 * quarter of the page); when those minimums do not fit the page, the widest are cut down to a
 * common width until they do (their words then break). The rest of the width goes to the columns
 * in proportion to their longest cell (capped, so one long text cannot starve the others).
 */
function columnWidths(pen: Pen, table: Tokens.Table): number[] {
  const lengths = table.header.map((_, c) =>
    maxOf([1, ...table.rows.map((row) => plainText(row[c]?.tokens ?? []).length)]),
  );
  const longestWord = (text: string, bold: boolean) =>
    maxOf([0, ...text.split(/\s+/).map((word) => widthOf(pen, { ...PLAIN, bold, text: word }))]);
  const minimum = table.header.map((cell, c) => {
    const cells = table.rows.map((row) => longestWord(plainText(row[c]?.tokens ?? []), false));
    const body = Math.min(pen.width / 4, maxOf([0, ...cells]));
    return Math.max(longestWord(plainText(cell.tokens), true), body) + 2 * PADDING + 2;
  });
  const fitted = fitWithin(minimum, pen.width);
  const weights = lengths.map((l) => Math.min(60, l));
  const spare = Math.max(0, pen.width - fitted.reduce((a, b) => a + b, 0));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  return fitted.map((m, c) => m + (spare * (weights[c] as number)) / totalWeight);
}

/** `widths` with the widest cut down to one common width so that together they fill `room`. */
function fitWithin(widths: readonly number[], room: number): number[] {
  if (widths.reduce((a, b) => a + b, 0) <= room) return [...widths];
  const sorted = [...widths].sort((a, b) => a - b);
  let rest = room;
  let level = 0;
  for (let i = 0; i < sorted.length; i++) {
    const share = rest / (sorted.length - i);
    if ((sorted[i] as number) >= share) {
      level = share;
      break;
    }
    rest -= sorted[i] as number;
  }
  return widths.map((width) => Math.min(width, level));
}

function widthOf(pen: Pen, run: Run): number {
  return pen.type.layout([run], SIZES.table, Number.POSITIVE_INFINITY)[0]?.width ?? 0;
}

function drawRow(
  pen: Pen,
  table: Tokens.Table,
  row: readonly Tokens.TableCell[],
  widths: readonly number[],
  header: boolean,
): void {
  const cells = row.slice(0, table.header.length);
  const lineHeight = pen.type.lineHeight(SIZES.table);
  const lines: Line[][] = cells.map((cell, c) =>
    pen.type.layout(
      [{ ...PLAIN, bold: header, text: plainText(cell.tokens) }],
      SIZES.table,
      (widths[c] as number) - 2 * PADDING,
    ),
  );
  const height = maxOf([SIZES.table, ...lines.map((l) => l.length * lineHeight)]) + 2 * PADDING;
  if (pen.y + height > pen.doc.page.height - pen.doc.page.margins.bottom) {
    pen.newPage();
    // A table that runs over a page repeats its header row.
    if (!header) drawRow(pen, table, table.header, widths, true);
  }
  let x = pen.left;
  cells.forEach((_, c) => {
    const width = widths[c] as number;
    if (pen.drawing) {
      if (header) pen.doc.rect(x, pen.y, width, height).fill('#eef1f4');
      pen.doc.rect(x, pen.y, width, height).lineWidth(0.5).strokeColor('#c9d1da').stroke();
    }
    const align = table.align[c] === 'right' ? 'right' : 'natural';
    (lines[c] ?? []).forEach((line, k) => {
      const top = pen.y + PADDING + k * lineHeight;
      pen.type.draw(line, x + PADDING, top, width - 2 * PADDING, {
        color: INK,
        linkColor: ACCENT,
        align,
      });
    });
    x += width;
  });
  pen.y += height;
}
