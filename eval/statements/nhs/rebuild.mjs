// Rebuilds the labelled NHS statements (whose text stays out of the repository) from the shared
// NHS Friends-and-Family-Test dataset and the labels in labels.jsonl: question and context
// from the CSV, each sentence by its stored offsets in the trimmed answer (no splitter involved).
// Usage: node eval/statements/nhs/rebuild.mjs <nhs_feedback_dev folder> <output.jsonl>
// The output is in the statements schema, one line per label, in the labels' order.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const [folder, output] = process.argv.slice(2);
if (!folder || !output) {
  throw new Error(
    'usage: node eval/statements/nhs/rebuild.mjs <nhs_feedback_dev folder> <output.jsonl>',
  );
}
const csv = join(folder, 'fft_feedback_v6.csv');
const rows = new Map(
  parse(readFileSync(csv), { columns: true, bom: true }).map((r) => [r['Comment ID'], r]),
);
const labelsFile = new URL('labels.jsonl', import.meta.url);
const labels = readFileSync(labelsFile, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

/** One line of the statements schema from a label and the answer it points into. */
function rebuild({ id, kinds, stance, standsAlone, start, end }) {
  const commentId = id.slice('nhs:'.length, id.lastIndexOf(':'));
  const row = rows.get(commentId);
  if (!row) throw new Error(`nhs/rebuild: ${id}: no Comment ID "${commentId}" in ${csv}`);
  const context = row['FFT answer'].trim();
  const text = context.slice(start, end);
  if (!text || text !== text.trim() || end > context.length) {
    throw new Error(
      `nhs/rebuild: ${id}: offsets ${start}-${end} do not hold a sentence of the answer (${context.length} characters) in ${csv}`,
    );
  }
  const question = row['FFT question'].trim();
  return { id, source: 'nhs', language: 'en', question, text, context, kinds, stance, standsAlone };
}

writeFileSync(output, `${labels.map((l) => JSON.stringify(rebuild(l))).join('\n')}\n`);
