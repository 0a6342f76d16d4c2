// Draws the brief's Markdown blocks on PDF pages: headings, text, lists, quotes, tables, charts.
import type { Token, Tokens } from 'marked';
import { drawChart } from './pdf-chart.js';
import { collectRuns, PLAIN, plainText, type Run } from './pdf-runs.js';
import { ACCENT, INK, MUTED, SIZES } from './pdf-style.js';
import { drawTable } from './pdf-table.js';
import type { LineStyle, Typesetter } from './pdf-typeset.js';
import { parseSvg } from './svg-shapes.js';

/** A heading for the table of contents, and the page it landed on. */
export interface Entry {
  depth: number;
  text: string;
  destination: string;
  page: number;
}

/** What a pen needs from outside: the chart files, and what to draw on each new page. */
export interface PenOptions {
  /** Reads a file the Markdown refers to (a chart), relative to the Markdown; undefined if absent. */
  readAsset(path: string): string | undefined;
  /** Draws on each page as it starts (the footer, while pages are drawn). */
  onPage?: ((pen: Pen) => void) | undefined;
}

/** How a block's text is written: size and color, and how far in from the left margin. */
interface WriteStyle {
  size: number;
  color: string;
  indent?: number;
  align?: LineStyle['align'];
}

/** Draws blocks from the current position down, adding pages as needed, and records headings. */
export class Pen {
  /** The top of the next line, in points from the top of the page. */
  y = 0;
  /** Pages so far (the current page's number). */
  pages = 0;
  readonly entries: Entry[] = [];
  private destinations = 0;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly type: Typesetter,
    private readonly options: PenOptions,
  ) {}

  /** The width between the margins. */
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** The left margin. */
  get left(): number {
    return this.doc.page.margins.left;
  }

  /** Whether this pass draws (the first pass only lays out, to count pages). */
  get drawing(): boolean {
    return !this.type.dry;
  }

  /** Starts a page, its footer drawn at once: pages are written out as soon as they are done. */
  newPage(): void {
    this.doc.addPage();
    this.pages++;
    this.y = this.doc.page.margins.top;
    this.options.onPage?.(this);
  }

  /** Starts a new page when less than `height` points are left. */
  room(height: number): void {
    if (this.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.newPage();
  }

  /** Moves down by a number of lines of text of a size. */
  gap(lines: number, size: number): void {
    this.y += lines * this.type.lineHeight(size);
  }

  /** Writes runs as wrapped lines, page after page. */
  write(runs: readonly Run[], style: WriteStyle): void {
    const indent = style.indent ?? 0;
    const lines = this.type.layout(runs, style.size, this.width - indent);
    const look: LineStyle = {
      color: style.color,
      linkColor: ACCENT,
      align: style.align ?? 'natural',
    };
    for (const line of lines) {
      const height = this.type.lineHeight(line.size);
      this.room(height);
      this.type.draw(line, this.left + indent, this.y, this.width - indent, look);
      this.y += height;
    }
  }

  /** Draws a block; `next` is the block after it, which a heading is kept with. */
  block(token: Token, next?: Token): void {
    switch (token.type) {
      case 'heading':
        this.heading(token as Tokens.Heading, next);
        return;
      case 'paragraph':
        this.paragraph(token as Tokens.Paragraph);
        return;
      case 'list':
        this.list(token as Tokens.List, 0);
        return;
      case 'blockquote':
        this.quote(token as Tokens.Blockquote);
        return;
      case 'table':
        drawTable(this, token as Tokens.Table);
        return;
      case 'hr':
        this.rule();
        return;
      case 'html':
        this.anchors(token.raw);
        return;
      case 'code':
        this.code((token as Tokens.Code).text);
        return;
      default:
        return;
    }
  }

  private paragraph(paragraph: Tokens.Paragraph): void {
    const image = paragraph.tokens.find((t): t is Tokens.Image => t.type === 'image');
    if (
      image &&
      paragraph.tokens.every((t) => t === image || (t.type === 'text' && !t.raw.trim()))
    ) {
      this.image(image);
      return;
    }
    if (isSourceEntry(paragraph)) {
      this.sourceEntry(paragraph);
      return;
    }
    // A label alone on its line ("**Proposals**") stays with the lines after it.
    const label = paragraph.tokens.length === 1 && paragraph.tokens[0]?.type === 'strong';
    this.room(SIZES.body * (label ? 8 : 3));
    this.write(this.runs(paragraph.tokens, PLAIN), { size: SIZES.body, color: INK });
    this.gap(0.6, SIZES.body);
  }

  /** A sources annex entry: small type, close to the next, so the annex stays short. */
  private sourceEntry(paragraph: Tokens.Paragraph): void {
    this.room(SIZES.small * 2.5);
    this.write(this.runs(paragraph.tokens, PLAIN), { size: SIZES.small, color: INK });
    this.gap(0.35, SIZES.small);
  }

  private heading(token: Tokens.Heading, next: Token | undefined): void {
    const sizes = [SIZES.h1, SIZES.h1, SIZES.h2, SIZES.h3];
    const size = sizes[token.depth] ?? SIZES.h4;
    this.room(size * 3 + this.heightOfStart(next));
    if (token.depth <= 3) {
      const destination = `heading-${++this.destinations}`;
      this.destination(destination);
      this.entries.push({
        depth: token.depth,
        text: plainText(token.tokens),
        destination,
        page: this.pages,
      });
    }
    this.gap(token.depth <= 2 ? 0.8 : 0.4, SIZES.body);
    const color = token.depth === 2 ? ACCENT : INK;
    this.write(this.runs(token.tokens, { ...PLAIN, bold: true }), { size, color });
    if (token.depth === 2 && this.drawing) {
      this.doc
        .moveTo(this.left, this.y + 2)
        .lineTo(this.left + this.width, this.y + 2)
        .lineWidth(1)
        .strokeColor(ACCENT)
        .stroke();
    }
    this.gap(0.5, size);
  }

  /** Room the start of a block needs on the page of the heading before it: a chart whole. */
  private heightOfStart(token: Token | undefined): number {
    const image =
      token?.type === 'paragraph'
        ? (token as Tokens.Paragraph).tokens.find((t) => t.type === 'image')
        : undefined;
    const drawing = image ? this.chart((image as Tokens.Image).href) : null;
    return drawing ? drawing.height * Math.min(1, this.width / drawing.width) + 20 : SIZES.body * 4;
  }

  private chart(href: string): ReturnType<typeof parseSvg> {
    const svg = /^[a-z]+:/i.test(href) ? undefined : this.options.readAsset(href);
    return svg === undefined ? null : parseSvg(svg);
  }

  private list(list: Tokens.List, depth: number): void {
    const indent = 14 + depth * 14;
    list.items.forEach((item, i) => {
      this.room(SIZES.body * 3);
      const marker = list.ordered ? `${(Number(list.start) || 1) + i}.` : '•';
      const line = this.type.layout([{ ...PLAIN, text: marker }], SIZES.body, 14)[0];
      if (line)
        this.type.draw(line, this.left + indent - 14, this.y, 14, {
          color: INK,
          linkColor: INK,
          align: 'left',
        });
      for (const child of item.tokens) {
        if (child.type === 'list') this.list(child as Tokens.List, depth + 1);
        else if ('tokens' in child && child.tokens)
          this.write(this.runs(child.tokens, PLAIN), {
            size: SIZES.body,
            color: INK,
            indent: indent + 4,
          });
      }
      this.gap(0.25, SIZES.body);
    });
    this.gap(0.4, SIZES.body);
  }

  private quote(token: Tokens.Blockquote): void {
    this.room(SIZES.body * 4);
    const top = this.y;
    const startPage = this.pages;
    for (const child of token.tokens) {
      if (child.type !== 'paragraph') continue;
      const runs = this.runs((child as Tokens.Paragraph).tokens, { ...PLAIN, italic: true });
      this.write(runs, { size: SIZES.body, color: '#333333', indent: 14 });
    }
    if (this.pages === startPage && this.drawing)
      this.doc.rect(this.left + 2, top, 3, this.y - top).fill('#c9d1da');
    this.gap(0.6, SIZES.body);
  }

  private rule(): void {
    this.room(20);
    if (this.drawing) {
      this.doc
        .moveTo(this.left, this.y + 6)
        .lineTo(this.left + this.width, this.y + 6)
        .strokeColor('#cccccc')
        .stroke();
    }
    this.gap(1, SIZES.body);
  }

  private code(text: string): void {
    this.room(SIZES.body * 3);
    for (const line of text.split('\n')) {
      if (line.trim())
        this.write([{ ...PLAIN, code: true, text: line }], { size: SIZES.small, color: INK });
      else this.gap(1, SIZES.small);
    }
    this.gap(0.6, SIZES.small);
  }

  private image(image: Tokens.Image): void {
    const drawing = this.chart(image.href);
    if (!drawing) {
      this.write([{ ...PLAIN, italic: true, text: `[${image.text}]` }], {
        size: SIZES.body,
        color: MUTED,
      });
      this.gap(0.6, SIZES.body);
      return;
    }
    const scale = Math.min(1, this.width / drawing.width);
    this.room(drawing.height * scale + 10);
    if (this.drawing) drawChart(this.doc, this.type, drawing, { x: this.left, y: this.y, scale });
    this.y += drawing.height * scale + 8;
    this.gap(0.5, SIZES.body);
  }

  /** Inline tokens as runs; the anchors among them become named destinations here. */
  runs(tokens: readonly Token[], style: Run): Run[] {
    const runs: Run[] = [];
    collectRuns(tokens, style, runs, (html) => this.anchors(html));
    return runs;
  }

  /** Named destinations for the annex anchors (`<a id="source-3"></a>`). */
  private anchors(html: string): void {
    for (const match of html.matchAll(/<a id="([A-Za-z][\w-]*)">/g))
      this.destination(match[1] as string);
  }

  private destination(name: string): void {
    if (!this.drawing) return;
    this.doc.addNamedDestination(name, 'XYZ', this.left, this.doc.page.height - this.y + 4, null);
  }
}

/** Whether a paragraph is an entry of the sources annex: it opens with a source's anchor. */
function isSourceEntry(paragraph: Tokens.Paragraph): boolean {
  const first = paragraph.tokens[0];
  return first?.type === 'html' && /^<a id="source-\d+">/.test(first.raw);
}
