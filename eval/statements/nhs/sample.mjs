// Draws the NHS Friends-and-Family-Test sentences of the nhs statements (before labelling) from
// the shared dataset, whose text must never enter the repository: write the output outside it.
// Deterministic: per kind of question, answers are ordered by a hash of their Comment ID; the
// first sentence of each is taken, and a later one (picked by hash) from answers that have one,
// about a third of each part; then more short answers (three words or fewer, one per wording) to
// the improvement questions, so that "Nothing." / "No." / "None" answers are there.
// Usage: node eval/statements/nhs/sample.mjs <nhs_feedback_dev folder> > /outside/the/repo.jsonl
// Each line is in the statements schema, unlabelled, plus the sentence's `start` and `end` in
// the trimmed answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { hash, sentenceSpans } from '../split-sentences.mjs';

// The questions in the data, grouped by what they ask, and how many sentences each part takes.
const PARTS = [
  { name: 'improve', test: /improve|better/i, size: 80 },
  { name: 'good', test: /what was good/i, size: 45 },
  { name: 'why', test: /why/i, size: 55 },
  { name: '111', test: /111 service/i, size: 25 },
];
const SHORT_EXTRA = 15;
const SHORT_WORDS = 3;

const folder = process.argv[2];
if (!folder)
  throw new Error('usage: node eval/statements/nhs/sample.mjs <nhs_feedback_dev folder>');
const rows = parse(readFileSync(join(folder, 'fft_feedback_v6.csv')), { columns: true, bom: true })
  .map((r) => ({
    id: r['Comment ID'],
    question: r['FFT question'].trim(),
    answer: r['FFT answer'].trim(),
  }))
  .filter((r) => r.answer && r.answer !== 'Did not answer')
  .sort((a, b) => hash(a.id) - hash(b.id) || (a.id < b.id ? -1 : 1));

/** A sampled sentence in the statements schema, with its offsets in the answer. */
function line(row, spans, n) {
  const { start, end } = spans[n - 1];
  return {
    id: `nhs:${row.id}:${n}`,
    source: 'nhs',
    language: 'en',
    question: row.question,
    text: row.answer.slice(start, end),
    context: row.answer,
    kinds: [],
    stance: null,
    standsAlone: null,
    start,
    end,
  };
}

const picked = [];
const used = new Set();
for (const part of PARTS) {
  const rowsOfPart = rows.filter((r) => part.test.test(r.question) && !used.has(r.id));
  const laterSize = Math.round(part.size / 3);
  const firsts = [];
  const laters = [];
  for (const row of rowsOfPart) {
    if (firsts.length >= part.size - laterSize && laters.length >= laterSize) break;
    const spans = sentenceSpans(row.answer, 'en');
    if (firsts.length < part.size - laterSize) {
      firsts.push(line(row, spans, 1));
      used.add(row.id);
    }
    if (spans.length > 1 && laters.length < laterSize) {
      laters.push(line(row, spans, 2 + (hash(`${row.id}:later`) % (spans.length - 1))));
      used.add(row.id);
    }
  }
  picked.push(...firsts, ...laters);
}
// One answer per wording (lower case, end punctuation dropped), so that "No." and "None" are
// there beside the many "Nothing."
const wordings = new Set();
const short = rows.filter((r) => {
  const wording = r.answer.toLowerCase().replace(/[.!]+$/, '');
  const take =
    PARTS[0].test.test(r.question) &&
    !used.has(r.id) &&
    r.answer.split(/\s+/).length <= SHORT_WORDS &&
    !wordings.has(wording);
  if (take) wordings.add(wording);
  return take;
});
for (const row of short.slice(0, SHORT_EXTRA)) {
  picked.push(line(row, sentenceSpans(row.answer, 'en'), 1));
}
for (const item of picked) process.stdout.write(`${JSON.stringify(item)}\n`);
