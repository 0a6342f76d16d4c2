/** Names the HTML scanner accepts as markup; anything else in angle brackets is a contributor's text. */

/** HTML elements, current and obsolete ones still found in forum and e-mail exports. */
const ELEMENTS = new Set([
  ...['a', 'abbr', 'acronym', 'address', 'area', 'article', 'aside', 'audio', 'b', 'base'],
  ...['bdi', 'bdo', 'big', 'blockquote', 'body', 'br', 'button', 'canvas', 'caption', 'center'],
  ...['cite', 'code', 'col', 'colgroup', 'data', 'datalist', 'dd', 'del', 'details', 'dfn'],
  ...['dialog', 'div', 'dl', 'dt', 'em', 'embed', 'fieldset', 'figcaption', 'figure', 'font'],
  ...['footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr'],
  ...['html', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'label', 'legend', 'li', 'link'],
  ...['main', 'map', 'mark', 'marquee', 'menu', 'meta', 'meter', 'nav', 'nobr', 'noscript'],
  ...['object', 'ol', 'optgroup', 'option', 'output', 'p', 'param', 'picture', 'pre'],
  ...['progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'script', 'search', 'section'],
  ...['select', 'slot', 'small', 'source', 'span', 'strike', 'strong', 'style', 'sub'],
  ...['summary', 'sup', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th'],
  ...['thead', 'time', 'title', 'tr', 'track', 'tt', 'u', 'ul', 'var', 'video', 'wbr'],
]);

/**
 * Attributes that are written without a value. Any other valueless word makes the "tag" prose:
 * `a<b and c>d` is a comparison, not a `<b>` element with attributes `and` and `c`.
 */
const BOOLEAN_ATTRIBUTES = new Set([
  ...['allowfullscreen', 'async', 'autofocus', 'autoplay', 'checked', 'compact', 'controls'],
  ...['default', 'defer', 'disabled', 'download', 'formnovalidate', 'hidden', 'inert', 'ismap'],
  ...['itemscope', 'loop', 'multiple', 'muted', 'nomodule', 'noshade', 'novalidate', 'nowrap'],
  ...['open', 'playsinline', 'readonly', 'required', 'reversed', 'selected'],
]);

/** Elements whose content is code or styling, never prose: read verbatim up to their end tag. */
export const NON_PROSE_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
]);

/** Prefixes of the Office elements that pasted Word and Outlook HTML is full of (`<o:p>`). */
const OFFICE_ELEMENT = /^(?:o|v|w|x|m|st\d):[a-z][a-z0-9-]*$/;

/** An HTML element name, or an Office one such as `o:p` (lower case expected). */
export function isElementName(name: string): boolean {
  return ELEMENTS.has(name) || OFFICE_ELEMENT.test(name);
}

/** An attribute that may stand without a value (lower case expected). */
export function isBooleanAttribute(name: string): boolean {
  return BOOLEAN_ATTRIBUTES.has(name) || /^(?:data|aria)-[a-z0-9-]+$/.test(name);
}
