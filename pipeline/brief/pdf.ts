import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { lexer, type Token, type Tokens } from 'marked';
import { type Drawing, parseSvg } from './svg-shapes.js';

export interface PdfOptions {
  pageSize: 'A4' | 'LETTER';
  /** The date written into the document's metadata, so the same input gives the same bytes. */
  date: string;
  /** Reads a file the Markdown refers to (a chart), relative to the Markdown; undefined if absent. */
  readAsset(path: string): string | undefined;
}

type Doc = PDFKit.PDFDocument;

// pdfkit's types describe a CommonJS `export =`; it is loaded the CommonJS way to match them.
const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit') as typeof import('pdfkit');

/** A piece of inline text in one style. */
interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  link?: string;
  goTo?: string;
}

/** A heading for the table of contents, and the page it landed on. */
interface Entry {
  depth: number;
  text: string;
  destination: string;
  page: number;
}

const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;
const SIZES = { body: 10.5, h1: 24, h2: 16, h3: 13, h4: 11.5, small: 8.5, table: 8.5 };
const ACCENT = '#0b5cad';
const INK = '#1d2733';
const MUTED = '#5b6775';

/**
 * `brief.pdf` from brief Markdown (marked's lexer, drawn with pdfkit), so that an author's edits
 * to `brief.md` reach the PDF: a title page, a table of contents with page numbers and links,
 * a running footer with page numbers, headings, paragraphs with emphasis, lists, block quotes,
 * tables, links (citations jump to their anchors in the sources annex), and charts drawn as
 * vectors from their SVG. The fonts are DejaVu Sans, embedded, for Latin with diacritics, Greek
 * and Cyrillic. The document is laid out twice: the first pass finds the page of every heading.
 */
export async function markdownToPdf(markdown: string, options: PdfOptions): Promise<Buffer> {
  const tokens = lexer(markdown);
  const first = layout(tokens, options, null);
  return layout(tokens, options, first.entries).done;
}

function layout(
  tokens: Token[],
  options: PdfOptions,
  known: readonly Entry[] | null,
): { entries: Entry[]; done: Promise<Buffer> } {
  const date = new Date(`${options.date}T00:00:00Z`);
  const doc = new PDFDocument({
    size: options.pageSize,
    margins: { top: 64, bottom: 72, left: 64, right: 64 },
    bufferPages: true,
    autoFirstPage: false,
    info: {
      Title: titleOf(tokens),
      Producer: 'consultation-brief',
      Creator: 'consultation-brief',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  registerFonts(doc);
  const [titleTokens, bodyTokens] = splitTitle(tokens);
  const entries: Entry[] = [];
  const pen = new Pen(doc, options, entries);
  doc.addPage();
  pen.titlePage(titleTokens);
  const headings = bodyTokens.filter(
    (t): t is Tokens.Heading => t.type === 'heading' && t.depth <= 3,
  );
  doc.addPage();
  pen.contents(headings, known);
  doc.addPage();
  bodyTokens.forEach((token, i) => {
    pen.block(token, bodyTokens[i + 1]);
  });
  footers(doc, titleOf(tokens));
  doc.end();
  return { entries, done };
}

function registerFonts(doc: Doc): void {
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, join(dir, file));
}

/** The first level-1 heading's text, else "Brief". */
function titleOf(tokens: readonly Token[]): string {
  const h1 = tokens.find((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 1);
  return h1 ? plainText(h1.tokens) : 'Brief';
}

/** The title block (everything before the first level-2 heading) and the rest. */
function splitTitle(tokens: Token[]): [Token[], Token[]] {
  const at = tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).depth === 2);
  return at < 0 ? [[], tokens] : [tokens.slice(0, at), tokens.slice(at)];
}

/** Page numbers in the footer of every page but the title page. */
function footers(doc: Doc, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 44;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font('regular').fontSize(SIZES.small).fillColor(MUTED);
    doc.text(truncate(title, 80), doc.page.margins.left, y, {
      width,
      align: 'left',
      lineBreak: false,
    });
    doc.text(`Page ${i + 1} of ${range.count}`, doc.page.margins.left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** Draws blocks at the current position, adding pages as needed, and records headings. */
class Pen {
  private destinations = 0;

  constructor(
    private readonly doc: Doc,
    private readonly options: PdfOptions,
    private readonly entries: Entry[],
  ) {}

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  private page(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  /** Starts a new page when less than `height` points are left. */
  private room(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom)
      this.doc.addPage();
  }

  titlePage(tokens: readonly Token[]): void {
    const doc = this.doc;
    doc.y = doc.page.height * 0.28;
    doc.rect(this.left, doc.y - 24, 56, 5).fill(ACCENT);
    for (const token of tokens) {
      if (token.type === 'heading') {
        doc
          .font('bold')
          .fontSize(SIZES.h1 + 4)
          .fillColor(INK);
        doc.text(plainText((token as Tokens.Heading).tokens), this.left, doc.y, {
          width: this.width,
        });
        doc.moveDown(0.8);
      } else if (token.type === 'paragraph') {
        this.inline((token as Tokens.Paragraph).tokens, { size: 12, color: MUTED });
        doc.moveDown(0.6);
      }
    }
  }

  contents(headings: readonly Tokens.Heading[], known: readonly Entry[] | null): void {
    const doc = this.doc;
    doc.font('bold').fontSize(SIZES.h2).fillColor(INK).text('Contents', this.left, doc.y);
    doc.moveDown(0.8);
    headings.forEach((heading, i) => {
      const entry = known?.[i];
      const indent = heading.depth === 3 ? 16 : 0;
      const size = heading.depth === 2 ? 11 : 9.5;
      this.room(size * 2);
      const y = doc.y;
      const goTo = `heading-${i + 1}`;
      doc
        .font(heading.depth === 2 ? 'bold' : 'regular')
        .fontSize(size)
        .fillColor(INK);
      const text = fitToWidth(doc, plainText(heading.tokens), this.width - indent - 48);
      doc.text(text, this.left + indent, y, {
        width: this.width - indent - 40,
        goTo,
        lineBreak: false,
      });
      doc.text(entry ? String(entry.page) : '0', this.left, y, {
        width: this.width,
        align: 'right',
        goTo,
        lineBreak: false,
      });
      doc.y = y + size * 1.6;
    });
  }

  /** Draws a block; `next` is the block after it, which a heading is kept with. */
  block(token: Token, next?: Token): void {
    const doc = this.doc;
    switch (token.type) {
      case 'heading':
        this.heading(token as Tokens.Heading, next);
        return;
      case 'paragraph': {
        const paragraph = token as Tokens.Paragraph;
        const image = paragraph.tokens.find((t): t is Tokens.Image => t.type === 'image');
        if (
          image &&
          paragraph.tokens.every((t) => t === image || (t.type === 'text' && !t.raw.trim()))
        ) {
          this.image(image);
          return;
        }
        // A label alone on its line ("**Proposals**") stays with the lines after it.
        const label = paragraph.tokens.length === 1 && paragraph.tokens[0]?.type === 'strong';
        this.room(SIZES.body * (label ? 8 : 3));
        this.inline(paragraph.tokens, {});
        doc.moveDown(0.6);
        return;
      }
      case 'list':
        this.list(token as Tokens.List, 0);
        return;
      case 'blockquote':
        this.quote(token as Tokens.Blockquote);
        return;
      case 'table':
        this.table(token as Tokens.Table);
        return;
      case 'hr':
        this.room(20);
        doc
          .moveTo(this.left, doc.y + 6)
          .lineTo(this.left + this.width, doc.y + 6)
          .strokeColor('#cccccc')
          .stroke();
        doc.moveDown(1);
        return;
      case 'html':
        this.anchors(token.raw);
        return;
      case 'code':
        this.room(SIZES.body * 3);
        doc
          .font('mono')
          .fontSize(SIZES.small)
          .fillColor(INK)
          .text((token as Tokens.Code).text, this.left, doc.y, { width: this.width });
        doc.moveDown(0.6);
        return;
      default:
        return;
    }
  }

  private heading(token: Tokens.Heading, next: Token | undefined): void {
    const doc = this.doc;
    const size =
      token.depth <= 1
        ? SIZES.h1
        : token.depth === 2
          ? SIZES.h2
          : token.depth === 3
            ? SIZES.h3
            : SIZES.h4;
    this.room(size * 3 + this.heightOfStart(next));
    if (token.depth <= 3) {
      this.destinations++;
      const destination = `heading-${this.destinations}`;
      doc.addNamedDestination(destination, 'XYZ', this.left, doc.page.height - doc.y + 4, null);
      this.entries.push({
        depth: token.depth,
        text: plainText(token.tokens),
        destination,
        page: this.page(),
      });
    }
    doc.moveDown(token.depth <= 2 ? 0.8 : 0.4);
    doc
      .font('bold')
      .fontSize(size)
      .fillColor(token.depth === 2 ? ACCENT : INK);
    doc.text(plainText(token.tokens), this.left, doc.y, { width: this.width });
    if (token.depth === 2) {
      doc
        .moveTo(this.left, doc.y + 2)
        .lineTo(this.left + this.width, doc.y + 2)
        .lineWidth(1)
        .strokeColor(ACCENT)
        .stroke();
    }
    doc.moveDown(0.5);
  }

  /** Room the start of a block needs on the page of the heading before it: a chart whole. */
  private heightOfStart(token: Token | undefined): number {
    const image =
      token?.type === 'paragraph'
        ? (token as Tokens.Paragraph).tokens.find((t) => t.type === 'image')
        : undefined;
    if (!image) return SIZES.body * 4;
    const svg = this.options.readAsset((image as Tokens.Image).href);
    const drawing = svg === undefined ? null : parseSvg(svg);
    return drawing ? drawing.height * Math.min(1, this.width / drawing.width) + 20 : SIZES.body * 4;
  }

  private list(list: Tokens.List, depth: number): void {
    const doc = this.doc;
    const indent = 14 + depth * 14;
    list.items.forEach((item, i) => {
      this.room(SIZES.body * 3);
      const marker = list.ordered ? `${(Number(list.start) || 1) + i}.` : '•';
      const y = doc.y;
      doc
        .font('regular')
        .fontSize(SIZES.body)
        .fillColor(INK)
        .text(marker, this.left + indent - 14, y, { width: 14, lineBreak: false });
      doc.y = y;
      for (const child of item.tokens) {
        if (child.type === 'list') this.list(child as Tokens.List, depth + 1);
        else if ('tokens' in child && child.tokens)
          this.inline(child.tokens, { indent: indent + 4 });
      }
      doc.moveDown(0.25);
    });
    doc.moveDown(0.4);
  }

  private quote(token: Tokens.Blockquote): void {
    const doc = this.doc;
    this.room(SIZES.body * 4);
    const top = doc.y;
    const startPage = this.page();
    for (const child of token.tokens) {
      if (child.type === 'paragraph')
        this.inline((child as Tokens.Paragraph).tokens, {
          indent: 14,
          italic: true,
          color: '#333333',
        });
    }
    if (this.page() === startPage) doc.rect(this.left + 2, top, 3, doc.y - top).fill('#c9d1da');
    doc.moveDown(0.6);
  }

  private table(table: Tokens.Table): void {
    const doc = this.doc;
    const columns = table.header.length;
    const lengths = table.header.map((_, c) =>
      Math.max(1, ...table.rows.map((row) => plainText(row[c]?.tokens ?? []).length)),
    );
    // Each column is at least as wide as its longest header word; the rest of the width goes
    // to the columns in proportion to their longest cell (capped, so one long text cannot starve
    // the others).
    doc.font('bold').fontSize(SIZES.table);
    const minimum = table.header.map(
      (cell) =>
        Math.max(
          ...plainText(cell.tokens)
            .split(/\s+/)
            .map((w) => doc.widthOfString(w)),
        ) + 10,
    );
    const weights = lengths.map((l) => Math.min(60, l));
    const spare = Math.max(0, this.width - minimum.reduce((a, b) => a + b, 0));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const widths = minimum.map((m, c) => m + (spare * (weights[c] as number)) / totalWeight);
    const drawRow = (cells: Tokens.TableCell[], header: boolean): void => {
      doc.font(header ? 'bold' : 'regular').fontSize(SIZES.table);
      const heights = cells.map((cell, c) =>
        doc.heightOfString(plainText(cell.tokens), { width: (widths[c] as number) - 8 }),
      );
      const height = Math.max(...heights, SIZES.table) + 8;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        // A table that runs over a page repeats its header row.
        if (!header) drawRow(table.header.slice(0, columns), true);
      }
      const y = doc.y;
      let x = this.left;
      cells.forEach((cell, c) => {
        const w = widths[c] as number;
        if (header) doc.rect(x, y, w, height).fill('#eef1f4');
        doc.rect(x, y, w, height).lineWidth(0.5).strokeColor('#c9d1da').stroke();
        const align = table.align[c] === 'right' ? 'right' : 'left';
        doc
          .font(header ? 'bold' : 'regular')
          .fontSize(SIZES.table)
          .fillColor(INK);
        doc.text(plainText(cell.tokens), x + 4, y + 4, { width: w - 8, align });
        x += w;
      });
      doc.y = y + height;
    };
    this.room(40);
    drawRow(table.header.slice(0, columns), true);
    for (const row of table.rows) drawRow(row.slice(0, columns), false);
    doc.x = this.left;
    doc.moveDown(0.8);
  }

  private image(image: Tokens.Image): void {
    const doc = this.doc;
    const svg = /^[a-z]+:/i.test(image.href) ? undefined : this.options.readAsset(image.href);
    const drawing = svg === undefined ? null : parseSvg(svg);
    if (!drawing) {
      doc
        .font('italic')
        .fontSize(SIZES.body)
        .fillColor(MUTED)
        .text(`[${image.text}]`, this.left, doc.y, { width: this.width });
      doc.moveDown(0.6);
      return;
    }
    const scale = Math.min(1, this.width / drawing.width);
    this.room(drawing.height * scale + 10);
    const top = doc.y;
    draw(doc, drawing, this.left, top, scale);
    doc.y = top + drawing.height * scale + 8;
    doc.x = this.left;
    doc.moveDown(0.5);
  }

  /** Named destinations for the annex anchors (`<a id="source-3"></a>`). */
  private anchors(html: string): void {
    for (const match of html.matchAll(/<a id="([A-Za-z][\w-]*)">/g)) {
      this.doc.addNamedDestination(
        match[1] as string,
        'XYZ',
        this.left,
        this.doc.page.height - this.doc.y + 4,
        null,
      );
    }
  }

  /** Inline tokens as flowing lines of styled runs (a hard line break starts a new line). */
  private inline(
    tokens: readonly Token[],
    style: { indent?: number; italic?: boolean; size?: number; color?: string },
  ): void {
    const runs: Run[] = [];
    collectRuns(
      tokens,
      { text: '', bold: false, italic: style.italic ?? false, code: false },
      runs,
      (html) => this.anchors(html),
    );
    const lines: Run[][] = [[]];
    for (const run of runs) {
      if (run.text === '\n') lines.push([]);
      else if (run.text.length > 0) lines.at(-1)?.push(run);
    }
    for (const line of lines) this.line(line, style);
    this.doc.x = this.left;
  }

  /** One line (up to a hard break) of styled runs, wrapped to the width. */
  private line(
    visible: readonly Run[],
    style: { indent?: number; size?: number; color?: string },
  ): void {
    const doc = this.doc;
    const x = this.left + (style.indent ?? 0);
    const width = this.width - (style.indent ?? 0);
    doc.x = x;
    if (visible.length === 0) return;
    visible.forEach((run, i) => {
      doc
        .font(fontOf(run))
        .fontSize(style.size ?? SIZES.body)
        .fillColor(run.link || run.goTo ? ACCENT : (style.color ?? INK));
      const options: PDFKit.Mixins.TextOptions = { width, continued: i < visible.length - 1 };
      if (run.link) options.link = run.link;
      if (run.goTo) options.goTo = run.goTo;
      options.underline = false;
      if (i === 0) doc.text(run.text, x, doc.y, options);
      else doc.text(run.text, options);
    });
    doc.x = this.left;
  }
}

function fontOf(run: Run): string {
  if (run.code) return 'mono';
  if (run.bold && run.italic) return 'boldItalic';
  if (run.bold) return 'bold';
  return run.italic ? 'italic' : 'regular';
}

/** Flattens inline tokens into styled runs; raw HTML is dropped except anchors, handed to `onHtml`. */
function collectRuns(
  tokens: readonly Token[],
  style: Run,
  out: Run[],
  onHtml: (html: string) => void,
): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        collectRuns((token as Tokens.Strong).tokens, { ...style, bold: true }, out, onHtml);
        break;
      case 'em':
        collectRuns((token as Tokens.Em).tokens, { ...style, italic: true }, out, onHtml);
        break;
      case 'codespan':
        out.push({ ...style, code: true, text: decode((token as Tokens.Codespan).text) });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const target = link.href.startsWith('#')
          ? { goTo: link.href.slice(1) }
          : /^(https?:|mailto:)/i.test(link.href)
            ? { link: link.href }
            : {};
        collectRuns(link.tokens, { ...style, ...target }, out, onHtml);
        break;
      }
      case 'br':
        out.push({ ...style, text: '\n' });
        break;
      case 'html':
        onHtml(token.raw);
        if (!/^<\/?a\b/i.test(token.raw.trim())) out.push({ ...style, text: token.raw });
        break;
      case 'image':
        out.push({ ...style, italic: true, text: `[${(token as Tokens.Image).text}]` });
        break;
      case 'text':
      case 'escape': {
        const text = token as Tokens.Text;
        if ('tokens' in text && text.tokens && text.tokens.length > 0)
          collectRuns(text.tokens, style, out, onHtml);
        else out.push({ ...style, text: decode(text.text).replace(/\n/g, ' ') });
        break;
      }
      default:
        if ('text' in token && typeof token.text === 'string')
          out.push({ ...style, text: decode(token.text) });
    }
  }
}

/** Draws a chart's shapes at (x, y), scaled. */
function draw(doc: Doc, drawing: Drawing, x: number, y: number, scale: number): void {
  for (const shape of drawing.shapes) {
    if (shape.kind === 'rect') {
      doc
        .rect(x + shape.x * scale, y + shape.y * scale, shape.width * scale, shape.height * scale)
        .fill(shape.fill);
    } else if (shape.kind === 'line') {
      doc
        .moveTo(x + shape.x1 * scale, y + shape.y1 * scale)
        .lineTo(x + shape.x2 * scale, y + shape.y2 * scale)
        .lineWidth(0.8)
        .strokeColor(shape.stroke)
        .stroke();
    } else {
      const size = shape.size * scale;
      doc
        .font(shape.bold ? 'bold' : 'regular')
        .fontSize(size)
        .fillColor(shape.fill);
      const width = doc.widthOfString(shape.text);
      const left =
        shape.anchor === 'end'
          ? shape.x * scale - width
          : shape.anchor === 'middle'
            ? shape.x * scale - width / 2
            : shape.x * scale;
      doc.text(shape.text, x + left, y + shape.y * scale - size * 0.8, { lineBreak: false });
    }
  }
}

/** The text of inline tokens, without styling. */
function plainText(tokens: readonly Token[]): string {
  const runs: Run[] = [];
  collectRuns(tokens, { text: '', bold: false, italic: false, code: false }, runs, () => {});
  return runs.map((r) => r.text).join('');
}

/** Markdown text tokens carry HTML entities (`&amp;`, `&quot;`, `&#39;`); the PDF needs characters. */
function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** The text, shortened with an ellipsis until it fits `width` in the current font. */
function fitToWidth(doc: Doc, text: string, width: number): string {
  let fitted = text;
  while (fitted.length > 1 && doc.widthOfString(fitted) > width) fitted = `${fitted.slice(0, -2)}…`;
  return fitted;
}

function truncate(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}
