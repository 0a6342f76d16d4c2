// Checks rendered briefs for one count per claim and repeated sentences: node dist/bench/brief-check.js <brief.md>...
import { readFile } from 'node:fs/promises';
import { checkBrief } from '../pipeline/brief/brief-check.js';

let failed = false;
for (const path of process.argv.slice(2)) {
  const { conflicts, sums, repeats } = checkBrief(await readFile(path, 'utf8'));
  const lines = [
    ...conflicts.map(
      (c) =>
        `count: ${c.claim} (${c.unit}) shown as ${c.shown.map((s) => `${s.value} in ${s.where}`).join('; ')}`,
    ),
    ...sums.map((s) => `sum: ${s}`),
    ...repeats.map((r) => `repeat: ${r.times}× “${r.sentence}” in ${r.sections.join(', ')}`),
  ];
  failed ||= lines.length > 0;
  process.stdout.write(`${path}: ${lines.length === 0 ? 'ok' : `${lines.length} problem(s)`}\n`);
  for (const line of lines) process.stdout.write(`  ${line}\n`);
}
process.exitCode = failed ? 1 : 0;
