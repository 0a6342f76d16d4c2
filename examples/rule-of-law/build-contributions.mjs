#!/usr/bin/env node
/**
 * Builds examples/rule-of-law/contributions.csv from IBM ArgKP
 * (args_with_keypoint_labels.csv, CDLA-Sharing-1.0, (c) IBM 2020).
 *
 * Usage: node examples/rule-of-law/build-contributions.mjs <args_with_keypoint_labels.csv> [out.csv]
 *
 * Keeps every argument of ten justice, security and rights motions, with its text unmodified,
 * and assigns each motion a week and a guiding question (tables below). Each argument's day
 * within its week comes from a hash of its arg_id, so the output is the same on every run.
 * The dates, weeks and questions are invented; the arguments were not written for UNDP.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** First day (Monday) of the five consultation weeks; must match consultation.yaml. */
const WEEK_STARTS = ['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25', '2024-04-01'];

/** ArgKP motion -> [week index 0-4, guiding question id in consultation.yaml]. */
const MOTIONS = new Map([
  ['We should abolish capital punishment', [0, 'q1']],
  ['We should introduce compulsory voting', [0, 'q2']],
  ['We should prohibit flag burning', [1, 'q2']],
  ['We should close Guantanamo Bay detention camp', [1, 'q5']],
  ['We should ban private military companies', [2, 'q3']],
  ['We should abolish the right to keep and bear arms', [2, 'q7']],
  ['We should end affirmative action', [3, 'q4']],
  ['We should prohibit women in combat', [3, 'q6']],
  ['We should legalize cannabis', [4, 'q7']],
  ['We should legalize prostitution', [4, 'q6']],
]);

const OUT_COLUMNS = [
  'id',
  'date',
  'question',
  'motion',
  'stance',
  'text',
  'key_point_ids',
  'key_points',
];

/** RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(input) {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Quotes a CSV field when it holds a comma, quote, CR or LF, or has outer whitespace. */
function csvField(value) {
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** 32-bit FNV-1a hash of a string. */
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The ISO date `days` after the ISO date `start`. */
function addDays(start, days) {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const [source, outArg] = process.argv.slice(2);
if (!source) {
  console.error('usage: build-contributions.mjs <args_with_keypoint_labels.csv> [out.csv]');
  process.exit(2);
}
const out = outArg ?? join(dirname(fileURLToPath(import.meta.url)), 'contributions.csv');

const [header, ...body] = parseCsv(readFileSync(source, 'utf8'));
const col = (name) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`${source}: no column ${name}`);
  return i;
};
const [cTopic, cStance, cId, cText, cKpIds, cKps] = [
  'topic',
  'stance',
  'arg_id',
  'argument',
  'key_point_ids',
  'key_points',
].map(col);

const records = [];
const seen = new Set();
body.forEach((r, index) => {
  const plan = MOTIONS.get(r[cTopic]);
  if (!plan) return;
  const [week, question] = plan;
  const id = r[cId];
  if (seen.has(id)) throw new Error(`duplicate arg_id ${id}`);
  seen.add(id);
  const stance = r[cStance] === '1' ? 'pro' : r[cStance] === '-1' ? 'con' : null;
  if (!stance) throw new Error(`${id}: unexpected stance ${r[cStance]}`);
  records.push({
    index,
    id,
    date: addDays(WEEK_STARTS[week], fnv1a(id) % 7),
    question,
    motion: r[cTopic],
    stance,
    text: r[cText],
    key_point_ids: r[cKpIds],
    key_points: r[cKps],
  });
});
for (const motion of MOTIONS.keys()) {
  if (!records.some((r) => r.motion === motion)) throw new Error(`motion not found: ${motion}`);
}

// Chronological, then in source order: reads like a forum export.
records.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
const lines = [OUT_COLUMNS.join(',')];
for (const r of records) lines.push(OUT_COLUMNS.map((c) => csvField(r[c])).join(','));
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${records.length} contributions from ${MOTIONS.size} motions to ${out}`);
