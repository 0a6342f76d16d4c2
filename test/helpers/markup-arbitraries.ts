/** Contributions that mix a contributor's own words with HTML and Markdown markup, each piece labelled. */
import fc from 'fast-check';

/** A piece of a contribution, and the words in it that the contributor typed as text. */
export interface Piece {
  text: string;
  /** Maximal runs of letters that must survive cleaning (kept, or listed as removed). */
  words: string[];
}

/** Text the contributor typed: all its letters are words. */
function typed(text: string): Piece {
  return { text, words: text.match(/[a-zA-Z]+/g) ?? [] };
}

const WORD = fc.stringMatching(/^[a-zA-Z]{1,8}$/);

/**
 * Prose as typed in a plain text box: words, spaces, line breaks and punctuation with `>`, `"`,
 * `'`, `=`, `/`, and `<` in comparisons (followed by a space or a digit, so never a tag).
 */
const PROSE = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: WORD },
      {
        weight: 4,
        arbitrary: fc.constantFrom(' ', ' ', '\n', '\n\n', '>', '"', "'", '=', '/', '.', ','),
      },
      fc.constantFrom('!', '?', '-', ':', ';', ' < ', ' <3 ', '<= ', ' > '),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((tokens) => tokens.join(''));

/** Vocabulary for words inside tag-like text: none of them may stand as an attribute alone. */
const TAG_WORD = fc.constantFrom('near', 'the', 'station', 'and', 'trains', 'fares', 'Ana');

/** HTML-like text that is complete but not markup: its words are the contributor's. */
const HTML_LIKE = fc.oneof(
  fc
    .tuple(fc.constantFrom('b', 'a', 'p', 'name'), TAG_WORD, TAG_WORD)
    .map(([n, a, b]) => `<${n} ${a} ${b}>`),
  TAG_WORD.map((w) => `<${w}>`),
  fc.tuple(WORD, TAG_WORD).map(([a, b]) => `${a}<b and ${b}>d`),
  fc.tuple(TAG_WORD, TAG_WORD).map(([a, b]) => `<a title="${a}"${b}>`),
  WORD.map((w) => `<http://evil.example/${w}>`),
  WORD.map((w) => `<https://${w}.example/path?q=${w}>`),
  WORD.map((w) => `<${w}@example.org>`),
);

/**
 * Never closed here: a later comment or script end may close them into markup, whose delimiters
 * then go (`script` is a tag name), but the words inside must then be listed as removed.
 */
const OPEN_ENDED = fc.oneof(
  fc.tuple(TAG_WORD, TAG_WORD).map(([a, b]) => ({ text: `<!-- ${a} ${b} `, words: [a, b] })),
  TAG_WORD.map((w) => ({ text: `<script>${w} `, words: [w] })),
);

const WORDS = fc.array(WORD, { minLength: 1, maxLength: 3 });
/** Labels shared by reference links and definitions, so that some references resolve. */
const LABEL = fc.constantFrom('one', 'two', 'Three');

/** Words in a piece's reading order: where its address or title is written or listed. */
function read(text: string, ...parts: string[]): Piece {
  return { text, words: parts.flatMap((p) => p.match(/[a-zA-Z]+/g) ?? []) };
}

/**
 * Links and images, whose text, address and title must all survive: as text or listed as
 * removed. Their words are labelled in reading order: link text, address, title.
 */
const LINKS = fc.oneof(
  fc
    .tuple(WORDS, WORD, TAG_WORD)
    .map(([ws, w, t]) =>
      read(
        `<a href="https://u.example/${w}" title="${t}">${ws.join(' ')}</a>`,
        ...ws,
        `https://u.example/${w}`,
        t,
      ),
    ),
  fc
    .tuple(WORDS, WORD, TAG_WORD)
    .map(([ws, w, t]) =>
      read(
        `<img src="https://img.example/${w}" alt="${ws.join(' ')}" title="${t}">`,
        ...ws,
        `https img example ${w}`,
        t,
      ),
    ),
  fc
    .tuple(
      WORDS,
      fc.constantFrom('https://u.example/', '#', '/docs/', 'javascript:'),
      WORD,
      TAG_WORD,
    )
    .map(([ws, target, w, t]) =>
      read(`[${ws.join(' ')}](${target}${w} "${t}")`, ...ws, target, w, t),
    ),
  fc
    .tuple(WORDS, WORD, TAG_WORD)
    .map(([ws, w, t]) =>
      read(`![${ws.join(' ')}](https://img.example/${w} "${t}")`, ...ws, 'https img example', w, t),
    ),
  fc.tuple(WORDS, LABEL).map(([ws, label]) => read(`[${ws.join(' ')}][${label}]`, ...ws)),
  fc
    .tuple(LABEL, WORD, TAG_WORD)
    .map(([label, w, t]) => typed(`\n\n[${label}]: https://r.example/${w} "${t}"\n\n`)),
);

/** Markdown blocks that carry words outside their text: task boxes, a fence's info string. */
const MARKDOWN_BLOCKS = fc.oneof(
  fc
    .tuple(WORDS, WORDS)
    .map(([a, b]) => typed(`\n\n- [x] ${a.join(' ')}\n- [ ] ${b.join(' ')}\n\n`)),
  fc
    .tuple(WORD, WORDS)
    .map(([info, ws]) => typed(`\n\n\`\`\`${info}\n${ws.join(' ')}\n\`\`\`\n\n`)),
);

/** What may end a contribution and would otherwise hide the rest: an unclosed tag or quote. */
const UNCLOSED = fc.oneof(
  fc.array(TAG_WORD, { minLength: 1, maxLength: 4 }).map((ws) => `<a title=" ${ws.join(' ')}.`),
  fc.array(TAG_WORD, { minLength: 1, maxLength: 4 }).map((ws) => `<p class='${ws.join(' ')}`),
  fc.array(TAG_WORD, { minLength: 1, maxLength: 4 }).map((ws) => `<div ${ws.join(' ')}`),
  fc
    .array(TAG_WORD, { minLength: 1, maxLength: 4 })
    .map((ws) => `<img src="x" alt="${ws.join(' ')}`),
);

/** Markup: well-formed tags, comments, scripts, styles, entities and declarations. */
const MARKUP = fc.constantFrom(
  ...['<p>', '</p>', '<br>', '<br/>', '<b>', '</b>', '<i>', '</i>', '<li>', '</li>', '<ul>'],
  ...['</ul>', '<div class="c">', '</div>', '<blockquote>', '</blockquote>', '<pre>', '</pre>'],
  ...['<a href="https://x.org/a?b=c" title=\'t\'>', '</a>', '<img src=x onerror=alert(1)>'],
  ...['<input disabled>', '<o:p></o:p>', '<table><tr><td>', '</td><td>', '</td></tr></table>'],
  ...['<!-- note -->', '<!---->', '<!DOCTYPE html>', '<script>var s = "<b>";</script>'],
  ...['<style>p { color: red }</style>', '<noscript>Enable JS</noscript>', '-->', '</script>'],
  ...['&amp;', '&lt;b&gt;', '&eacute;', '&#233;', '&nbsp;', '&quot;'],
);

/** 0-30 labelled pieces, sometimes ending in an unclosed tag or quote. */
export const markupPiecesArb: fc.Arbitrary<Piece[]> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 3, arbitrary: PROSE.map(typed) },
        { weight: 1, arbitrary: HTML_LIKE.map(typed) },
        { weight: 1, arbitrary: OPEN_ENDED },
        { weight: 2, arbitrary: LINKS },
        { weight: 1, arbitrary: MARKDOWN_BLOCKS },
        { weight: 3, arbitrary: MARKUP.map((text) => ({ text, words: [] })) },
      ),
      { maxLength: 30 },
    ),
    fc.option(UNCLOSED.map(typed)),
  )
  .map(([pieces, last]) => (last === null ? pieces : [...pieces, last]));
