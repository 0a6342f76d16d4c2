// A survey export read in the survey layout, through to the brief: respondents are the
// participants, each answered question one contribution, and blank answers are accounted for
// without being counted as contributions.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountFor, formatAccountingTable } from '../../pipeline/clean/accounting.js';
import { runCopy } from '../helpers/runs.js';

const EXPORT = [
  'Timestamp,Email Address,What should the council change?,What works well today?,Which group are you in?,Any other comments?',
  '2024/03/04 10:15:03 AM GMT,a@example.org,The buses should run later in the evening so shift workers can get home safely.,The new playground by the river is always full of families.,Resident,Please publish what you decide and explain the reasons.',
  '2024/03/05 11:00:00 AM GMT,b@example.org,Fix the broken street lights along the canal path before winter comes.,,Business,',
  '2024/03/06 09:00:00 AM GMT,c@example.org,,The weekly market has brought many more shoppers to the high street.,Resident,Consult the traders before changing any parking rules in the centre.',
  '2024/03/07 09:30:00 AM GMT,d@example.org,,,Student,',
  '',
].join('\n');

const CONFIG = `title: Town services survey
objective: Hear what residents want changed.
intendedUse: Tests only.
questions:
  - { id: change, text: What should the council change?, column: What should the council change? }
  - { id: works, text: What works well today?, column: What works well today? }
  - { id: other, text: Any other comments?, column: Any other comments? }
input:
  layout: survey
  files: [export.csv]
  fields: { date: Timestamp }
  attributes: [Which group are you in?]
`;

describe('a survey export in the survey layout', () => {
  it('counts respondents as participants, answers as contributions, blanks apart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'survey-brief-'));
    await writeFile(join(dir, 'export.csv'), EXPORT);
    await writeFile(join(dir, 'consultation.yaml'), CONFIG);
    const { summary, out } = await runCopy(dir, 'render');
    const markdown = await readFile(join(out, 'brief.md'), 'utf8');
    // Three respondents answered 3, 1 and 2 questions: 3 participants, 6 contributions.
    expect(markdown).toContain('Scope: what 3 participants said in 6 contributions');
    expect(markdown).toContain(
      'By guiding question: 2 answer question 1, 2 question 2 and 2 question 3.',
    );
    // Respondents 2 and 3 skipped 2 and 1 questions; respondent 4 answered none (warned).
    expect(markdown).toContain('| Read | 6 |');
    expect(markdown).toContain('| Answers left blank (questions skipped; not records) | 3 |');
    expect(markdown).toContain(
      'Respondents left 3 answers blank (questions they skipped), counted here and not as contributions.',
    );
    const accounting = formatAccountingTable(accountFor(await summary.load('clean')));
    expect(accounting).toMatch(/Records read +6\n/);
    expect(accounting).toMatch(/Answers left blank \(questions skipped, not records\) +3\n/);
  }, 120_000);
});
