// The PDF's front matter (title page, contents with page numbers and links) and running footer.
import type { Token, Tokens } from 'marked';
import type { Entry, Pen } from './pdf-pen.js';
import { PLAIN, plainText } from './pdf-runs.js';
import { ACCENT, INK, MUTED, SIZES } from './pdf-style.js';
import type { Line, LineStyle } from './pdf-typeset.js';

/** The title block (title, subtitle lines) a little above the middle of the first page. */
export function drawTitlePage(pen: Pen, tokens: readonly Token[]): void {
  pen.y = pen.doc.page.height * 0.28;
  if (pen.drawing) pen.doc.rect(pen.left, pen.y - 24, 56, 5).fill(ACCENT);
  for (const token of tokens) {
    if (token.type === 'heading') {
      const runs = pen.runs((token as Tokens.Heading).tokens, { ...PLAIN, bold: true });
      pen.write(runs, { size: SIZES.h1 + 4, color: INK });
      pen.gap(0.8, SIZES.h1 + 4);
    } else if (token.type === 'paragraph') {
      pen.write(pen.runs((token as Tokens.Paragraph).tokens, PLAIN), { size: 12, color: MUTED });
      pen.gap(0.6, 12);
    }
  }
}

/**
 * The contents: each heading of level 2 or 3 with its page number (from `known`, the first
 * pass's headings; 0 while they are counted), both linked to the heading.
 */
export function drawContents(
  pen: Pen,
  headings: readonly Tokens.Heading[],
  known: readonly Entry[] | null,
): void {
  pen.write([{ ...PLAIN, bold: true, text: 'Contents' }], { size: SIZES.h2, color: INK });
  pen.gap(0.8, SIZES.h2);
  const look: LineStyle = { color: INK, linkColor: INK };
  headings.forEach((heading, i) => {
    const indent = heading.depth === 3 ? 16 : 0;
    const size = heading.depth === 2 ? 11 : 9.5;
    pen.room(size * 2);
    const style = { ...PLAIN, bold: heading.depth === 2, goTo: `heading-${i + 1}` };
    const title = pen.type.fitted(
      { ...style, text: plainText(heading.tokens) },
      size,
      pen.width - indent - 48,
    );
    const page = pen.type.fitted(
      { ...style, text: String(known?.[i]?.page ?? 0) },
      size,
      pen.width,
    );
    pen.type.draw(title, pen.left + indent, pen.y, pen.width - indent - 40, {
      ...look,
      align: 'left',
    });
    pen.type.draw(page, pen.left, pen.y, pen.width, { ...look, align: 'right' });
    pen.y += size * 1.6;
  });
}

/**
 * Draws the running title and "Page N of M" at the foot of every page but the first; the title
 * is cut once to leave room for the widest label.
 */
export function footer(title: string, pages: number): (pen: Pen) => void {
  let fittedTitle: Line | undefined;
  const look: LineStyle = { color: MUTED, linkColor: MUTED };
  return (pen) => {
    if (pen.pages === 1) return;
    const label = (n: number) =>
      pen.type.fitted({ ...PLAIN, text: `Page ${n} of ${pages}` }, SIZES.small, pen.width);
    const room = pen.width - label(pages).width - 24;
    fittedTitle ??= pen.type.fitted({ ...PLAIN, text: title }, SIZES.small, room);
    const y = pen.doc.page.height - 44;
    pen.type.draw(fittedTitle, pen.left, y, pen.width, { ...look, align: 'left' });
    pen.type.draw(label(pen.pages), pen.left, y, pen.width, { ...look, align: 'right' });
  };
}
