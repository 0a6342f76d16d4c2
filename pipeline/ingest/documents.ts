import { Parser } from 'htmlparser2';
import { lexer } from 'marked';
import { InputError } from '../errors.js';
import { quoteInput } from '../quote-input.js';
import { readText } from './decode.js';
import type { Markup, RawRecord, ReadContext, RecordReader } from './source.js';

/** Default separator line for plain text: a line of 3+ `-`, `=`, `*` or `_` (may be indented). */
export const DEFAULT_TEXT_SEPARATOR = '^\\s*(?:-{3,}|={3,}|\\*{3,}|_{3,})\\s*$';

/** Where a section of a document begins, and its heading. */
interface Cut {
  /** Where the previous section ends: the heading or the separator line. */
  start: number;
  /** Where the section's own content (heading included) starts, for its line number. */
  contentStart: number;
  bodyStart: number;
  title?: string;
}

/** Offsets in the text that a separator line may not split (code blocks, raw HTML). */
type Protected = (offset: number) => boolean;

/** How a document was cut: at headings (text before the first is a preamble) or separators. */
type Split = { by: 'headings'; cuts: Cut[]; heading: string } | { by: 'separators'; cuts: Cut[] };

/**
 * Reads a Markdown export in which each contribution starts with a heading of the spec's
 * `headingLevel` (default 2, `##`), or, when the spec has a `separator`, each is delimited by
 * lines matching it. Headings and separators inside code blocks do not split. Text before the
 * first heading is not a contribution. The heading becomes metadata `title`; the body keeps
 * its Markdown.
 */
export function readMarkdown(ctx: ReadContext): RecordReader {
  return readDocument(ctx, 'markdown', (text) => {
    const { headingLevel, separator } = ctx.source.spec;
    const headings: Cut[] = [];
    const code: [number, number][] = [];
    let offset = 0;
    for (const token of lexer(text)) {
      const end = offset + token.raw.length;
      if (token.type === 'heading' && token.depth === headingLevel) {
        headings.push({ start: offset, contentStart: offset, bodyStart: end, title: token.text });
      } else if (token.type === 'code' || token.type === 'html') code.push([offset, end]);
      offset = end;
    }
    // Sections are sliced by these offsets: they hold only if the tokens cover the text exactly.
    if (offset !== text.length) throw new Error(`marked's tokens do not cover ${ctx.source.name}`);
    if (separator === undefined) {
      return { by: 'headings', cuts: headings, heading: `level-${headingLevel} heading` };
    }
    const cuts = cutAtSeparators(ctx, text, separator, createRangeTest(code), true);
    return { by: 'separators', cuts };
  });
}

/**
 * Reads an HTML export in which each contribution starts with an `<hN>` element of the spec's
 * `headingLevel` (default 2), or, when the spec has a `separator`, each is delimited by source
 * lines matching it. The heading's text becomes metadata `title`; the body is the raw HTML up
 * to the next heading (scripts and all: the clean stage turns it into text).
 */
export function readHtml(ctx: ReadContext): RecordReader {
  return readDocument(ctx, 'html', (text) => {
    const { headingLevel, separator } = ctx.source.spec;
    if (separator !== undefined) {
      return { by: 'separators', cuts: cutAtSeparators(ctx, text, separator, () => false, false) };
    }
    const cuts = findHtmlHeadings(text, `h${headingLevel}`);
    return { by: 'headings', cuts, heading: `<h${headingLevel}> heading` };
  });
}

/**
 * Reads a plain-text export in which contributions are delimited by lines matching the spec's
 * `separator`; default {@link DEFAULT_TEXT_SEPARATOR} (`---`, `===`, `***` or `___` lines).
 */
export function readPlainText(ctx: ReadContext): RecordReader {
  return readDocument(ctx, 'plain', (text) => {
    const separator = ctx.source.spec.separator ?? DEFAULT_TEXT_SEPARATOR;
    return { by: 'separators', cuts: cutAtSeparators(ctx, text, separator, () => false, false) };
  });
}

/** Reads a document whole, cuts it into sections and yields each as a `title` + `text` record. */
function readDocument(
  ctx: ReadContext,
  markup: Markup,
  splitText: (text: string) => Split,
): RecordReader {
  async function* records(): AsyncGenerator<RawRecord> {
    const text = await readText(ctx, ctx.source.spec.encoding);
    const lines = createLineIndex(text);
    const split = splitText(text);
    const cuts = split.by === 'headings' ? withPreamble(ctx, text, split, lines) : split.cuts;
    let record = 0;
    for (let i = 0; i < cuts.length; i++) {
      const cut = cuts[i] as Cut;
      const body = trimBlankLines(text.slice(cut.bodyStart, cuts[i + 1]?.start ?? text.length));
      if (cut.title === undefined && !body) continue; // an empty stretch between separators
      const values: Record<string, string> = { text: body };
      if (cut.title !== undefined) values.title = cut.title;
      record++;
      yield { record, line: lines(firstContent(text, cut.contentStart)), values };
    }
  }
  return { kind: 'document', markup, columns: () => ['title', 'text'], records: records() };
}

/**
 * Cuts at headings: the text before the first is a preamble, not a contribution (logged), and
 * a document without any is read whole, with a warning.
 */
function withPreamble(
  ctx: ReadContext,
  text: string,
  split: Split & { by: 'headings' },
  lines: (offset: number) => number,
): Cut[] {
  const name = ctx.source.name;
  const first = split.cuts[0];
  if (!first) {
    ctx.logger.warn(`${name}: no ${split.heading} found; read the whole file as one contribution`);
    return [{ start: 0, contentStart: 0, bodyStart: 0 }];
  }
  if (text.slice(0, first.start).trim()) {
    const last = lines(first.start - 1);
    ctx.logger.info(
      `${name}: lines 1-${last} before the first ${split.heading} are not a contribution`,
    );
  }
  return split.cuts;
}

/** Cuts at lines matching `separator`; in Markdown a leading `#` heading becomes the title. */
function cutAtSeparators(
  ctx: ReadContext,
  text: string,
  separator: string,
  isProtected: Protected,
  headingTitles: boolean,
): Cut[] {
  const pattern = compileSeparator(ctx, separator);
  const cuts: Cut[] = [{ start: 0, contentStart: 0, bodyStart: 0 }];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    if (pattern.test(text.slice(start, newline < 0 ? end : newline)) && !isProtected(start)) {
      cuts.push({ start, contentStart: end, bodyStart: end });
    }
    start = end;
  }
  if (!headingTitles) return cuts;
  return cuts.map((cut, i) => withHeadingTitle(text, cut, cuts[i + 1]?.start ?? text.length));
}

/** Moves a section's leading ATX heading (`# Title`) out of its body into its title. */
function withHeadingTitle(text: string, cut: Cut, end: number): Cut {
  const heading = /^(?:[ \t]*\n)*[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*(?:\n|$)/.exec(
    text.slice(cut.bodyStart, end),
  );
  if (!heading) return cut;
  return { ...cut, bodyStart: cut.bodyStart + heading[0].length, title: heading[1] ?? '' };
}

function compileSeparator(ctx: ReadContext, separator: string): RegExp {
  try {
    return new RegExp(separator);
  } catch (error) {
    const name = ctx.source.name;
    // The engine's message repeats the pattern: only its end (the reason) is kept.
    const reason = (error as Error).message.replace(/^.*: /s, '');
    throw new InputError(
      `${name}: separator ${quoteInput(separator)} is not a valid regular expression (${reason})`,
      name,
      undefined,
      { cause: error },
    );
  }
}

/** `<hN>` elements of the document with their text, found with a real HTML parser. */
function findHtmlHeadings(html: string, tag: string): Cut[] {
  const cuts: Cut[] = [];
  let open: { start: number; title: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === tag && !open) open = { start: parser.startIndex, title: '' };
      },
      ontext(text) {
        if (open) open.title += text;
      },
      onclosetag(name) {
        if (name !== tag || !open) return;
        const title = open.title.replace(/\s+/g, ' ').trim();
        const start = open.start;
        cuts.push({ start, contentStart: start, bodyStart: parser.endIndex + 1, title });
        open = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return cuts;
}

/** Whether an offset falls in one of the sorted ranges; offsets must be asked in order. */
function createRangeTest(ranges: readonly [number, number][]): Protected {
  let i = 0;
  return (offset) => {
    while (i < ranges.length && (ranges[i] as [number, number])[1] <= offset) i++;
    const range = ranges[i];
    return range !== undefined && offset >= range[0];
  };
}

/** Drops blank lines before the body and whitespace after it, keeping indentation. */
function trimBlankLines(body: string): string {
  return body.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

/** Offset of the first non-blank character at or after `from` (for the section's line). */
function firstContent(text: string, from: number): number {
  const match = /\S/.exec(text.slice(from, from + 4096));
  return match ? from + match.index : from;
}

/** Maps an offset to its 1-based line number. */
function createLineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
