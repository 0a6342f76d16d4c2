/**
 * Contribution text made inert for Markdown: it can never open a heading, list, table, link,
 * image, code span, emphasis or raw HTML of its own, and still reads as plain text. Line breaks
 * become spaces, so the text stays inside the block it is put in (a list item, a quote, a cell).
 */
export function inlineText(text: string): string {
  return escapeLineStart(escapeInline(text.replace(/\s+/gu, ' ').trim()));
}

/**
 * Text made inert anywhere inside a line: what `inlineText` does but for the start of a block,
 * for text that goes between other inline Markdown (a Word document's runs).
 */
export function escapeInline(text: string): string {
  return (
    text
      // Markdown punctuation that starts structure anywhere in a line (and @, which makes GFM
      // autolink something@example.org).
      .replace(/[\\`*_[\]<>|~@]/g, '\\$&')
      // An entity ("&lt;", "&#60;") would be decoded: keep the ampersand literal.
      .replace(/&(?=#?\w+;)/g, '&amp;')
      // GFM autolinks a bare "http://" or "www."; an escaped colon or dot stops it.
      .replace(/\b(https?):/giu, '$1\\:')
      .replace(/\bwww\./giu, 'www\\.')
  );
}

/** Inline Markdown that starts a line, kept from opening a heading or a list there. */
export function escapeLineStart(markdown: string): string {
  return markdown.replace(/^[#+-]/u, '\\$&').replace(/^(\d+)([.)])/u, '$1\\$2');
}

/** Text for a table cell: inline text, never empty (an empty cell shifts nothing but reads badly). */
export function cellText(text: string): string {
  return inlineText(text) || '–';
}
