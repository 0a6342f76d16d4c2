// The brief's Markdown as top-level blocks, each lexed in full (inline text too) only when drawn.
import { Lexer, type Links, type Token, type Tokens } from 'marked';
import { plainText } from './pdf-runs.js';

/**
 * A brief's blocks, kept as their Markdown source in UTF-8: a huge brief's inline tokens (most of
 * its lexed size) are never all held at once, each block being lexed again when it is laid out,
 * and its text takes half the room of a JavaScript string, off the garbage-collected heap.
 * Reference-style link definitions from anywhere in the document still resolve.
 */
export class MarkdownBlocks {
  /** The document's title: its first level-1 heading, else "Brief". */
  readonly title: string;
  /** The title block: everything before the first level-2 heading. */
  readonly cover: Token[];
  /** The headings of levels 2 and 3 after the title block, for the table of contents. */
  readonly headings: Tokens.Heading[];
  private readonly source: Buffer;
  /** Where each block ends in `source`, in bytes. */
  private readonly ends: Uint32Array;
  private readonly links: Links;

  /** `markdown`: the text, or its UTF-8 bytes. */
  constructor(markdown: string | Uint8Array) {
    const text =
      typeof markdown === 'string'
        ? markdown
        : new TextDecoder('utf-8', { ignoreBOM: true }).decode(markdown);
    const lexer = new Lexer();
    // Block structure only, as `lexer.lex` does it before lexing the inline text of each block.
    const blocks = lexer.blockTokens(text.replace(/\r\n?/g, '\n'));
    this.links = lexer.tokens.links;
    const h1 = blocks.findIndex((t) => t.type === 'heading' && t.depth === 1);
    const [heading] = h1 < 0 ? [] : this.lex(blocks[h1]?.raw ?? '');
    this.title =
      heading?.type === 'heading' ? plainText((heading as Tokens.Heading).tokens) : 'Brief';
    const at = blocks.findIndex((t) => t.type === 'heading' && t.depth === 2);
    this.cover = at < 0 ? [] : blocks.slice(0, at).flatMap((t) => this.lex(t.raw));
    const body = at < 0 ? blocks : blocks.slice(at);
    this.headings = body
      .filter((t) => t.type === 'heading' && t.depth <= 3)
      .flatMap((t) => this.lex(t.raw))
      .filter((t): t is Tokens.Heading => t.type === 'heading');
    this.source = Buffer.from(body.map((t) => t.raw).join(''));
    let end = 0;
    this.ends = Uint32Array.from(body, (t) => (end += Buffer.byteLength(t.raw)));
  }

  /** The blocks after the title block, lexed one at a time as they are asked for. */
  *body(): Generator<Token> {
    let start = 0;
    for (const end of this.ends) {
      yield* this.lex(this.source.toString('utf8', start, end));
      start = end;
    }
  }

  private lex(source: string): Token[] {
    const lexer = new Lexer();
    Object.assign(lexer.tokens.links, this.links);
    return lexer.lex(source);
  }
}
