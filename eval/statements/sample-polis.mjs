// Draws the candidate sentences of eval/statements/polis.jsonl (before labelling) from the shared
// Polis open data: moderator-accepted comments only. Bowling Green: the first 120 opening
// sentences of comments in hash order and the first 40 later sentences (about the share later
// sentences have in the data); the UBI, Seattle and Brexit conversations: every sentence of every
// accepted comment (their self-descriptions included).
// Deterministic: sentence ids are ordered by a salted FNV-1a hash, ties by id.
// Usage: node eval/statements/sample-polis.mjs [polis data folder] > /tmp/polis-candidates.jsonl
// (default folder: ../shared/datasets/polis, relative to the repo root).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = resolve(repoRoot, process.argv[2] ?? '../shared/datasets/polis');
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sources: folder, question asked, and how many opening and later sentences (default all). */
const SOURCES = [
  {
    source: 'bowling-green',
    folder: 'american-assembly.bowling-green',
    question:
      'What do you believe should change in Bowling Green/Warren County in order to make it a better place to live, work and spend time?',
    openings: 120,
    later: 40,
  },
  {
    source: 'polis-ubi',
    folder: 'scoop-hivemind.ubi',
    question: 'Should Aotearoa New Zealand introduce a Universal Basic Income?',
  },
  {
    source: 'polis-seattle',
    folder: '15-per-hour-seattle',
    question: 'Will the $15/hour minimum wage make Seattle better?',
  },
  {
    source: 'polis-brexit',
    folder: 'brexit-consensus',
    question: 'Should the UK leave the European Union?',
  },
];

/** FNV-1a, 32 bits, salted so the draw differs from eval/statements/sample.mjs's. */
function hash(text) {
  let h = 0x811c9dc5;
  for (const ch of `polis-dev:${text}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

// Abbreviations (and list numbers) after which a lower-case word goes on the same sentence
// ("Scottsville Rd. in", "2. index").
const ABBREVIATION =
  /(?:^|[\s(])(?:\d+|st|rd|ln|ave|blvd|dr|co|ex|eg|e\.g|i\.e|admin|occ|emp|etc|vs|apt)\.+$/i;
// Abbreviations that never end a sentence here ("(eg. EU, ...)", "the Workforce Dev't. Board").
const NEVER_FINAL = /(?:^|[\s(])(?:eg|e\.g|i\.e|vs|mr|mrs|ms|dev't)\.$/i;

// Full stops before a lower-case word that, read, do not end the sentence (typos for a comma).
const NOT_AN_END = ['pay. benefits', 'area.. very'];

/** Splits a piece at a full stop followed by a lower-case word ("lights. more traffic"). */
function splitBeforeLowerCase(piece) {
  const out = [];
  let start = 0;
  for (const m of piece.matchAll(/[.!?]+\s+(?=[a-z])/g)) {
    const end = m.index + m[0].trimEnd().length;
    if (ABBREVIATION.test(piece.slice(start, end))) continue;
    if (NOT_AN_END.some((words) => piece.startsWith(words, end - words.search(/\s/)))) continue;
    out.push(piece.slice(start, end));
    start = m.index + m[0].length;
  }
  return [...out, piece.slice(start)];
}

/** Merges a bare list number or abbreviation into the next piece, a piece with no word into the last. */
function mergeScraps(pieces) {
  const out = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    const joinLast =
      last !== undefined && (/^\d+[.)]$/.test(last) || NEVER_FINAL.test(last) || !/\w/.test(piece));
    if (joinLast) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out;
}

/**
 * Sentences of one comment: Intl.Segmenter, then line breaks, full stops before a lower-case
 * word, and the "; 2. " items of a list that opens a line; then scraps merged.
 */
function splitSentences(text) {
  const pieces = [...segmenter.segment(text)]
    .flatMap((s) => s.segment.split(/\n+/))
    .flatMap((s) => splitBeforeLowerCase(s.trim()))
    .map((s) => s.trim())
    .filter(Boolean);
  return mergeScraps(pieces).flatMap((s) =>
    /^\d+[.)]\s/.test(s) ? s.split(/(?<=;)\s+(?=\d+[.)]\s)/) : [s],
  );
}

function candidates({ source, folder, question }) {
  const rows = parse(readFileSync(join(dataDir, folder, 'comments.csv')), { columns: true });
  return rows
    .filter((r) => r.moderated === '1')
    .flatMap((r) => {
      const context = r['comment-body'].trim();
      return splitSentences(context).map((text, i) => {
        if (!context.includes(text))
          throw new Error(`${source}:${r['comment-id']}: sentence "${text}" is not in the comment`);
        return {
          id: `${source}:${r['comment-id']}:${i + 1}`,
          source,
          question,
          text,
          context,
          sentence: i + 1,
        };
      });
    });
}

const byHash = (a, b) => hash(a.id) - hash(b.id) || (a.id < b.id ? -1 : 1);

for (const spec of SOURCES) {
  const all = candidates(spec).sort(byHash);
  const picked =
    spec.openings === undefined
      ? all
      : [
          ...all.filter((s) => s.sentence === 1).slice(0, spec.openings),
          ...all.filter((s) => s.sentence > 1).slice(0, spec.later),
        ];
  for (const item of picked) process.stdout.write(`${JSON.stringify(item)}\n`);
}
