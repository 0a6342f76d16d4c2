// Draws the German sentences of eval/statements/cycling-de.jsonl (before labelling) from the
// Cycling Dialogues copy in eval/cycling-de/dataset.csv. Deterministic: contributions are ordered
// by a hash of their id; from each, its title (sentence 1), the first sentence of its text and
// one later sentence (picked by hash) are taken until each of the three has 60.
// Usage: node eval/statements/sample-cycling-de.mjs > /tmp/cycling-de.jsonl
// The lines come out unlabelled (kinds [], standsAlone null); every boundary was checked by
// reading and the two the splitter gets wrong are in FIXES.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const PER_PART = 60;
// Boundaries fixed by reading, where the splitter cuts a list item or keeps several together.
const FIXES = {
  'M1652:11':
    'b) Wechsel auf den Radweg auf der gegenüberliegenden Straßenseite (s.o. keine Ampel, diese Gefahr besteht übrigens auch, wenn man von der Orsoyer Allee kommend einen der Querwege in Richtung Innenstadt nutzt und dann die Rheinberger Straße queren muss!!! Vorsichtsmaßnahme: zu Fuss bis zur Fussgängerbedarfsampel Rheinberger Str/Rathausalle und Überquerrung)',
  'E1749:2': '- besserer Kennzeichnung der Radewege in der Vitalisstraße (bei der AWB)',
};
const root = new URL('../../', import.meta.url);
const rows = parse(readFileSync(new URL('eval/cycling-de/dataset.csv', root)), {
  columns: true,
  bom: true,
});
const segmenter = new Intl.Segmenter('de', { granularity: 'sentence' });

// Abbreviations after which a German sentence does not end (lower-cased, without the dot);
// street names shortened to "...str." are caught by their ending.
const ABBREVIATIONS = new Set(
  'nr bzw ca ggf usw etc dr st evtl inkl bspw hbf pl geb abs tel max min mind ggü gem vgl zzgl sog rtg wg u.a z.b d.h u.u v.a z.t o.g o.ä u.ä s.o s.u'.split(
    ' ',
  ),
);

/** FNV-1a, 32 bits: a stable order that does not follow the file's order. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Whether a piece ends in an abbreviation, an initial or is a bare list number ("1."). */
function endsOpen(piece) {
  const last = piece.split(/\s+/).at(-1).toLowerCase();
  if (!last.endsWith('.')) return false;
  const word = last.slice(0, -1).replace(/^[("„]+/, '');
  const spaced = piece
    .toLowerCase()
    .match(/(\b\p{L}\.\s?\p{L})\.$/u)?.[1]
    .replace(/\s/g, '');
  return (
    ABBREVIATIONS.has(word) ||
    word.endsWith('str') ||
    (spaced !== undefined && ABBREVIATIONS.has(spaced)) ||
    /^\p{L}$/u.test(word) ||
    /^\d{1,2}$/.test(piece)
  );
}

/** Where a line may end a sentence: ICU's breaks, and where a sentence ends and the next opens
 * in lower case (as many write) or with a list item "b) ...". */
function cuts(line) {
  const at = new Set([...segmenter.segment(line)].map(({ index }) => index));
  for (const m of line.matchAll(/(?<=\p{L}{4}[.!?]+)\s+(?=\p{Ll})|\s+(?=[a-h]\)\s)/gu)) {
    at.add(m.index + m[0].length);
  }
  at.delete(0);
  return [...at, line.length].sort((x, y) => x - y);
}

/** The sentences of one line, as written: a cut is dropped after an abbreviation and before a
 * piece that cannot open a sentence ("/Gürtel"). */
function splitLine(line) {
  const out = [];
  let start = 0;
  for (const cut of cuts(line)) {
    const piece = line.slice(start, cut).trim();
    if (cut < line.length && (endsOpen(piece) || line.slice(cut).trimStart().startsWith('/'))) {
      continue;
    }
    if (piece) out.push(piece);
    start = cut;
  }
  return out;
}

/** The sentences of a contribution: each non-empty line split on its own. */
function sentences(context) {
  return context.split(/\n+/).flatMap((line) => (line.trim() ? splitLine(line.trim()) : []));
}

const picked = { title: [], first: [], later: [] };
const ordered = [...rows].sort((a, b) => hash(a.ID) - hash(b.ID) || (a.ID < b.ID ? -1 : 1));
for (const row of ordered) {
  const title = row.title.trim();
  const text = row.text.trim();
  const context = text ? `${title}\n\n${text}` : title;
  const all = sentences(context);
  const titleCount = sentences(title).length;
  const line = (n) => ({
    id: `cycling-de:${row.ID}:${n}`,
    source: 'cycling-de',
    language: 'de',
    question: null,
    text: FIXES[`${row.ID}:${n}`] ?? all[n - 1],
    context,
    kinds: [],
    stance: null,
    standsAlone: null,
  });
  if (picked.title.length < PER_PART) picked.title.push(line(1));
  if (text && picked.first.length < PER_PART) picked.first.push(line(titleCount + 1));
  const later = all.length - titleCount - 1;
  if (later > 0 && picked.later.length < PER_PART) {
    picked.later.push(line(titleCount + 2 + (hash(`${row.ID}:later`) % later)));
  }
}
for (const item of [...picked.title, ...picked.first, ...picked.later]) {
  process.stdout.write(`${JSON.stringify(item)}\n`);
}
