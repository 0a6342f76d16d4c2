// Draws the unlabelled sentences of eval/statements/argkp.jsonl: ArgKP arguments on the 18 motions
// the rule-of-law example does not use (source `argkp`) and the rule-of-law example's arguments
// (source `rule-of-law`), spread over motions and both stances. Deterministic: within each
// (motion, dataset stance) group arguments are ordered by a hash of their id; groups are taken in
// turn, one argument at a time, with all of its sentences, until the source has its N sentences
// (an argument that would overshoot N is passed over). Sentence boundaries come from
// Intl.Segmenter and are then checked by hand while labelling.
// Usage: node eval/statements/sample-argkp.mjs [--text] > /tmp/argkp-candidates.jsonl
//   --text prints a readable listing (id, dataset stance, question, context, numbered sentences).
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

const byHash = (a, b) => hash(a.id) - hash(b.id) || (a.id < b.id ? -1 : 1);

/** "We should X" -> "Should we X?"; "X should be Y" -> "Should x be Y?". */
function asQuestion(motion) {
  const m = /^(.*?) should (.*)$/.exec(motion.trim());
  if (!m) throw new Error(`motion without "should": ${motion}`);
  const subject = m[1] === 'We' ? 'we' : m[1].charAt(0).toLowerCase() + m[1].slice(1);
  return `Should ${subject} ${m[2]}?`;
}

// ArgKP authors often write in lower case: ". there could also ..." starts a sentence that
// Intl.Segmenter leaves joined; split there too, except after a common abbreviation.
const lowerCaseStart = /(?<=[.!?])(?<!\b(?:e\.g|i\.e|etc|vs|[Mm]rs?|[Dd]r|[Ss]t)\.)\s+(?=[a-z])/;

function sentencesOf(text) {
  return [...segmenter.segment(text)]
    .flatMap((s) => s.segment.split(lowerCaseStart))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Round-robin over (motion, stance) groups, whole arguments, until exactly n sentences. */
function draw(source, rows, n) {
  const groups = new Map();
  for (const row of rows) {
    const key = `${row.motion}|${row.stance}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(row);
  }
  const queues = [...groups.keys()].sort().map((k) => groups.get(k).sort(byHash));
  const picked = [];
  let count = 0;
  while (count < n && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      const row = queue.shift();
      if (!row) continue;
      const context = row.text.trim();
      const parts = sentencesOf(context);
      if (count + parts.length > n) continue;
      count += parts.length;
      picked.push({ source, row, context, parts });
      if (count === n) break;
    }
  }
  return picked;
}

function lines({ source, row, context, parts }) {
  return parts.map((text, i) => ({
    id: `${source}:${row.id}:${i + 1}`,
    source,
    language: 'en',
    question: asQuestion(row.motion),
    text,
    context,
    datasetStance: row.stance,
  }));
}

const rol = read('examples/rule-of-law/contributions.csv');
const rolMotions = new Set(rol.map((r) => r.motion));
const argkp = read('eval/argkp/args_with_keypoint_labels.csv')
  .filter((r) => !rolMotions.has(r.topic))
  .map((r) => ({
    id: r.arg_id,
    motion: r.topic,
    stance: r.stance === '1' ? 'pro' : 'con',
    text: r.argument,
  }));
const rolRows = rol.map((r) => ({ id: r.id, motion: r.motion, stance: r.stance, text: r.text }));

const picked = [...draw('argkp', argkp, 160), ...draw('rule-of-law', rolRows, 110)];
if (process.argv.includes('--text')) {
  for (const arg of picked) {
    const [first] = lines(arg);
    process.stdout.write(
      `\n## ${first.id.replace(/:1$/, '')} [${arg.row.stance}] ${first.question}\n`,
    );
    process.stdout.write(`${arg.context}\n`);
    for (const [i, s] of arg.parts.entries()) process.stdout.write(`  ${i + 1}. ${s}\n`);
  }
} else {
  for (const line of picked.flatMap(lines)) process.stdout.write(`${JSON.stringify(line)}\n`);
}
