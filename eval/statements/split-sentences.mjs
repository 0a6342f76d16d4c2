// Sentence spans and a stable hash order for the statement samplers (German and English).
// A first cut only: every boundary of a sampled sentence is then checked by reading.

// Abbreviations after which a sentence does not end (lower-cased, without the final dot). German
// street names shortened to "...str." are caught by their ending.
const ABBREVIATIONS = {
  de: 'nr bzw ca ggf usw etc dr st evtl inkl bspw hbf pl geb abs tel max min mind ggü gem vgl zzgl sog rtg wg u.a z.b d.h u.u v.a z.t o.g o.ä u.ä s.o s.u',
  en: 'mr mrs ms dr st etc vs approx e.g i.e a.m p.m',
};

/** FNV-1a, 32 bits: a stable order that does not follow a file's order. */
export function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Whether a piece ends in an abbreviation, an initial or is a bare list number ("1."). */
function endsOpen(piece, language) {
  const last = piece.split(/\s+/).at(-1).toLowerCase();
  if (!last.endsWith('.')) return false;
  const known = new Set(ABBREVIATIONS[language].split(' '));
  const word = last.slice(0, -1).replace(/^[("„]+/, '');
  const spaced = piece
    .toLowerCase()
    .match(/(\b\p{L}\.\s?\p{L})\.$/u)?.[1]
    .replace(/\s/g, '');
  return (
    known.has(word) ||
    (language === 'de' && word.endsWith('str')) ||
    (spaced !== undefined && known.has(spaced)) ||
    /^\p{L}$/u.test(word) ||
    /^\d{1,2}$/.test(piece)
  );
}

/** Where a line may end a sentence: ICU's breaks, and where a sentence ends and the next opens
 * in lower case (as many write) or with a list item "b) ...". */
function cuts(line, language) {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const at = new Set([...segmenter.segment(line)].map(({ index }) => index));
  for (const m of line.matchAll(/(?<=\p{L}{4}[.!?]+)\s+(?=\p{Ll})|\s+(?=[a-h]\)\s)/gu)) {
    at.add(m.index + m[0].length);
  }
  at.delete(0);
  return [...at, line.length].sort((x, y) => x - y);
}

/**
 * The sentences of a text as `{ start, end }` offsets into it (each trimmed): every line on its
 * own, cut where `cuts` says unless the piece ends in an abbreviation or the next opens with "/".
 * @param {string} text
 * @param {'de' | 'en'} language
 */
export function sentenceSpans(text, language) {
  const spans = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    let start = 0;
    for (const cut of cuts(line, language)) {
      const piece = line.slice(start, cut);
      const open = endsOpen(piece.trim(), language) || line.slice(cut).trimStart().startsWith('/');
      if (cut < line.length && open) continue;
      const lead = piece.length - piece.trimStart().length;
      if (piece.trim()) {
        spans.push({ start: offset + start + lead, end: offset + start + piece.trimEnd().length });
      }
      start = cut;
    }
    offset += line.length + 1;
  }
  return spans;
}
