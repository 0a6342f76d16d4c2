// Draws the sentences of eval/statements/statements.jsonl (before labelling) from the shipped
// data: Bowling Green comments accepted by the moderator, the rule-of-law example's arguments,
// ArgKP arguments on the motions the rule-of-law example does not use, and more later sentences
// of Bowling Green comments (where fragments are). Deterministic: each
// source's sentences are ordered by a hash of their id and the first N taken.
// Usage: node eval/statements/sample.mjs > /tmp/sample.jsonl
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const root = new URL('../../', import.meta.url);
const read = (path) => parse(readFileSync(new URL(path, root)), { columns: true });
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** FNV-1a, 32 bits: a stable order that does not follow the files' order. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Every sentence of every text, with the sentence before it (or null) and an id. */
function sentences(source, rows) {
  return rows.flatMap(({ id, text }) => {
    const parts = [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
    return parts.map((sentence, i) => ({
      id: `${source}:${id}:${i + 1}`,
      source,
      text: sentence,
      previous: i > 0 ? parts[i - 1] : null,
    }));
  });
}

function take(items, n) {
  return items.sort((a, b) => hash(a.id) - hash(b.id) || (a.id < b.id ? -1 : 1)).slice(0, n);
}

const bg = read('examples/bowling-green/comments.csv')
  .filter((r) => r.moderated === '1')
  .map((r) => ({ id: r['comment-id'], text: r['comment-body'] }));
const rol = read('examples/rule-of-law/contributions.csv');
const rolMotions = new Set(rol.map((r) => r.motion));
const argkp = read('eval/argkp/args_with_keypoint_labels.csv')
  .filter((r) => !rolMotions.has(r.topic))
  .map((r) => ({ id: r.arg_id, text: r.argument }));

const bgSentences = take(sentences('bowling-green', bg), Number.POSITIVE_INFINITY);
const picked = [
  ...bgSentences.slice(0, 130),
  ...take(sentences('rule-of-law', rol), 90),
  ...take(sentences('argkp', argkp), 80),
  // Later sentences of comments, where fragments and sentences leaning on the one before are.
  ...bgSentences
    .slice(130)
    .filter((s) => s.previous !== null)
    .slice(0, 40),
];
for (const item of picked) process.stdout.write(`${JSON.stringify(item)}\n`);
