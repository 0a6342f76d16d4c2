/**
 * Contribution text made inert for Markdown: it can never open a heading, list, table, link,
 * image, code span, emphasis or raw HTML of its own, and still reads as plain text. Line breaks
 * become spaces, so the text stays inside the block it is put in (a list item, a quote, a cell).
 */
export function inlineText(text: string): string {
  return (
    text
      .replace(/\s+/gu, ' ')
      .trim()
      // Markdown punctuation that starts structure anywhere in a line (and @, which makes GFM
      // autolink something@example.org).
      .replace(/[\\`*_[\]<>|~@]/g, '\\$&')
      // An entity ("&lt;", "&#60;") would be decoded: keep the ampersand literal.
      .replace(/&(?=#?\w+;)/g, '&amp;')
      // Block markers only matter at the start of the text.
      .replace(/^[#+-]/u, '\\$&')
      .replace(/^(\d+)([.)])/u, '$1\\$2')
      // GFM autolinks a bare "http://" or "www."; an escaped colon or dot stops it.
      .replace(/\b(https?):/giu, '$1\\:')
      .replace(/\bwww\./giu, 'www\\.')
  );
}

/** Text for a table cell: inline text, never empty (an empty cell shifts nothing but reads badly). */
export function cellText(text: string): string {
  return inlineText(text) || '–';
}
