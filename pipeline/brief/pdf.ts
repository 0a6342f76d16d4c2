// brief.pdf from the brief's Markdown: two layout passes, the second streamed out page by page.
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import type { Token } from 'marked';
import { MarkdownBlocks } from './pdf-blocks.js';
import { forgetLayouts, registerFonts } from './pdf-fonts.js';
import { drawContents, drawTitlePage, footer } from './pdf-front.js';
import { type Entry, Pen } from './pdf-pen.js';
import { Typesetter } from './pdf-typeset.js';

export interface PdfOptions {
  pageSize: 'A4' | 'LETTER';
  /** The date written into the document's metadata, so the same input gives the same bytes. */
  date: string;
  /** Reads a file the Markdown refers to (a chart), relative to the Markdown; undefined if absent. */
  readAsset(path: string): string | undefined;
  /** Hears the pages done as the second pass (which writes the file) draws, of those the first found. */
  onPage?: ((done: number, total: number) => void) | undefined;
}

/** What the first pass finds: the page of each heading, and the number of pages. */
interface Pagination {
  entries: Entry[];
  pages: number;
}

// pdfkit's types describe a CommonJS `export =`; it is loaded the CommonJS way to match them.
const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit') as typeof import('pdfkit');

/** Pages between two clear-outs of pdfkit's word layouts: some tens of megabytes of them. */
const PAGES_PER_CLEAR = 25;

/**
 * Writes `brief.pdf` from brief Markdown (marked's lexer, drawn with pdfkit) to `out`, so that an
 * author's edits to `brief.md` reach the PDF: a title page, a table of contents with page numbers
 * and links, a running footer with page numbers, headings, paragraphs with emphasis, lists, block
 * quotes, tables, links (citations jump to their anchors in the sources annex), and charts drawn
 * as vectors from their SVG. Text in Arabic, Hebrew, Chinese and emoji is drawn in embedded Noto
 * faces, right-to-left lines in display order (see pdf-typeset.ts).
 *
 * The document is laid out twice: the first pass draws nothing and keeps nothing but the page of
 * every heading and the page count; the second draws each page, footer first, and writes it to
 * `out` as soon as it is finished, waiting whenever `out` asks to. Each block is lexed (inline
 * text too) only when it is laid out and let go of after, so memory stays bounded whatever the
 * number of pages.
 */
export async function writePdf(
  markdown: string | Uint8Array,
  options: PdfOptions,
  out: Writable,
): Promise<void> {
  const blocks = new MarkdownBlocks(markdown);
  const pagination = await layout(blocks, options, null);
  await layout(blocks, options, { pagination, out });
}

async function layout(
  blocks: MarkdownBlocks,
  options: PdfOptions,
  second: { pagination: Pagination; out: Writable } | null,
): Promise<Pagination> {
  const doc = createDocument(blocks.title, options, second !== null);
  const output = second ? streamTo(doc, second.out) : discard(doc);
  registerFonts(doc);
  const pen = new Pen(doc, new Typesetter(doc, second === null), {
    readAsset: options.readAsset,
    onPage: second ? footer(blocks.title, second.pagination.pages) : undefined,
  });
  doc.on('pageAdded', () => {
    if (pen.pages % PAGES_PER_CLEAR === 0) forgetLayouts(doc);
    // Fired as a page starts: the pages before it are done.
    if (second) options.onPage?.(pen.pages, second.pagination.pages);
  });
  // A turn of the event loop lets the document's stream flow before anything is drawn.
  await new Promise((resolve) => setImmediate(resolve));
  pen.newPage();
  drawTitlePage(pen, blocks.cover);
  pen.newPage();
  drawContents(pen, blocks.headings, second?.pagination.entries ?? null);
  pen.newPage();
  const body = blocks.body();
  for (let token = nextDrawn(body); token; ) {
    const next = nextDrawn(body);
    pen.block(token, next);
    token = next;
    await output.drained();
  }
  if (second) {
    options.onPage?.(pen.pages, second.pagination.pages);
    doc.end();
    await output.ended;
  }
  return { entries: pen.entries, pages: pen.pages };
}

/** The next block that draws something: blank lines are skipped, so a heading sees its chart. */
function nextDrawn(body: Iterator<Token>): Token | undefined {
  for (let next = body.next(); !next.done; next = body.next())
    if (next.value.type !== 'space') return next.value;
  return undefined;
}

function createDocument(title: string, options: PdfOptions, drawn: boolean): PDFKit.PDFDocument {
  const date = new Date(`${options.date}T00:00:00Z`);
  return new PDFDocument({
    size: options.pageSize,
    margins: { top: 64, bottom: 72, left: 64, right: 64 },
    autoFirstPage: false,
    // The first pass writes nothing worth compressing.
    compress: drawn,
    info: {
      Title: title,
      Producer: 'consultation-brief',
      Creator: 'consultation-brief',
      CreationDate: date,
      ModDate: date,
    },
  });
}

/**
 * The document's output as it goes: `drained` resolves once `out` can take more, and throws once
 * `out` has failed (a full disk), so drawing stops at the next block; `ended` settles when the
 * document is written or failed.
 */
interface Output {
  drained(): Promise<void>;
  ended: Promise<void>;
}

function streamTo(doc: PDFKit.PDFDocument, out: Writable): Output {
  let full = false;
  let failure: unknown;
  doc.on('data', (chunk: Buffer) => {
    if (failure === undefined && !out.write(chunk)) full = true;
  });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    const fail = (error: unknown) => {
      failure ??= error;
      reject(error);
    };
    doc.on('error', fail);
    out.on('error', fail);
  });
  // The failure is met by `drained` or the final `await ended`; it must not count as unhandled
  // meanwhile (Node ends the process on an unhandled rejection).
  ended.catch(() => {});
  return {
    ended,
    async drained() {
      if (failure !== undefined) throw failure;
      if (!full) return;
      full = false;
      await Promise.race([once(out, 'drain'), ended]);
    },
  };
}

/** The first pass's output, thrown away as it comes. */
function discard(doc: PDFKit.PDFDocument): Output {
  doc.resume();
  return { ended: Promise.resolve(), drained: async () => {} };
}
