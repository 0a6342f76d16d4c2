// Markdown inline tokens flattened into styled runs of text, for the PDF's typesetter.
import type { Token, Tokens } from 'marked';

/** A piece of inline text in one style; a run whose text is "\n" is a hard line break. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  /** An outside address (http, https, mailto) the run links to. */
  link?: string;
  /** A named destination in the document (a heading, a source) the run jumps to. */
  goTo?: string;
}

/** A run with no style and no text, to start from. */
export const PLAIN: Run = { text: '', bold: false, italic: false, code: false };

/**
 * Flattens inline tokens into styled runs, starting from `style`. Raw HTML is dropped except
 * anchors, which are handed to `onHtml` (the annex's `<a id="source-3"></a>`).
 */
export function collectRuns(
  tokens: readonly Token[],
  style: Run,
  out: Run[],
  onHtml: (html: string) => void,
): void {
  for (const token of tokens) collectRun(token, style, out, onHtml);
}

function collectRun(token: Token, style: Run, out: Run[], onHtml: (html: string) => void): void {
  switch (token.type) {
    case 'strong':
      collectRuns((token as Tokens.Strong).tokens, { ...style, bold: true }, out, onHtml);
      return;
    case 'em':
      collectRuns((token as Tokens.Em).tokens, { ...style, italic: true }, out, onHtml);
      return;
    case 'codespan':
      out.push({ ...style, code: true, text: decode((token as Tokens.Codespan).text) });
      return;
    case 'link': {
      const link = token as Tokens.Link;
      const target = link.href.startsWith('#')
        ? { goTo: link.href.slice(1) }
        : /^(https?:|mailto:)/i.test(link.href)
          ? { link: link.href }
          : {};
      collectRuns(link.tokens, { ...style, ...target }, out, onHtml);
      return;
    }
    case 'br':
      out.push({ ...style, text: '\n' });
      return;
    case 'html':
      onHtml(token.raw);
      if (!/^<\/?a\b/i.test(token.raw.trim())) out.push({ ...style, text: token.raw });
      return;
    case 'image':
      out.push({ ...style, italic: true, text: `[${(token as Tokens.Image).text}]` });
      return;
    case 'text':
    case 'escape': {
      const text = token as Tokens.Text;
      if ('tokens' in text && text.tokens && text.tokens.length > 0)
        collectRuns(text.tokens, style, out, onHtml);
      else out.push({ ...style, text: decode(text.text).replace(/\n/g, ' ') });
      return;
    }
    default:
      if ('text' in token && typeof token.text === 'string')
        out.push({ ...style, text: decode(token.text) });
  }
}

/** The text of inline tokens, without styling. */
export function plainText(tokens: readonly Token[]): string {
  const runs: Run[] = [];
  collectRuns(tokens, PLAIN, runs, () => {});
  return runs.map((r) => r.text).join('');
}

/** Markdown text tokens carry HTML entities (`&amp;`, `&quot;`, `&#39;`); the PDF needs characters. */
export function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
