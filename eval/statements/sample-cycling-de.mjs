// Draws the German sentences of eval/statements/cycling-de.jsonl (before labelling) from the
// Cycling Dialogues copy in eval/cycling-de/dataset.csv. Deterministic: contributions are ordered
// by a hash of their id; from each, its title (sentence 1), the first sentence of its text and
// one later sentence (picked by hash) are taken until each of the three has 60.
// Usage: node eval/statements/sample-cycling-de.mjs > /tmp/cycling-de.jsonl
// The lines come out unlabelled (kinds [], standsAlone null); every boundary was checked by
// reading and the two the splitter gets wrong are in FIXES.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { hash, sentenceSpans } from './split-sentences.mjs';

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
/** The sentences of a text, as written. */
const sentences = (text) =>
  sentenceSpans(text, 'de').map(({ start, end }) => text.slice(start, end));

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
