import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBrief } from '../../pipeline/brief/export.js';
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Findings } from '../../schemas/findings.js';
import type { Themes } from '../../schemas/themes.js';
import { docxParts, paragraphs, partText } from '../helpers/docx.js';
import { FIXED_DATE, runFixture } from '../helpers/runs.js';

// The nothing fixture: 14 answers to "How could we improve the library?" (5 say only that
// nothing needs to change, 1 says so and praises, 1 says so and then complains, 1 is "N/A"), and
// 6 to "What did you enjoy at the library?" (one "Nothing.", read normally there).
const SENTENCE =
  '**Nothing to change.** 6 of 13 answers (6 of 13 participants) say nothing needs to change; 5 say only that, and are not in the themes or the 8 contributions counted above.';

describe('answers saying nothing needs to change (the nothing fixture)', () => {
  let out: string;
  let findings: Findings;
  let records: CleanRecord[];
  let themes: Themes;
  let markdown: string;

  beforeAll(async () => {
    const run = await runFixture('nothing', 'render');
    out = run.out;
    findings = await run.summary.load('findings');
    records = await run.summary.load('clean');
    themes = await run.summary.load('themes');
    markdown = await readFile(join(out, 'brief.md'), 'utf8');
  }, 120_000);

  it('keeps "Nothing." and "No." to the improvement question out of the themes, never as too short', () => {
    const status = new Map(
      records.map((r) => [r.id, r.status === 'excluded' ? r.reason : r.status]),
    );
    for (const id of ['1', '2', '3', '4', '5']) expect(status.get(id)).toBe('nothing-to-change');
    // "N/A" says no answer was given; "Nothing." to "what was good?" is too short to read.
    expect(status.get('14')).toBe('no-answer');
    expect(status.get('15')).toBe('too-short');
    expect(status.get('6')).toBe('kept');
    const themed = new Set(
      themes.themes.flatMap((t) => t.passageIds.map((id) => id.split('#')[0])),
    );
    for (const id of ['1', '2', '3', '4', '5']) expect(themed.has(id)).toBe(false);
  });

  it('counts them under the question that asks what could be better, and only there', () => {
    const [better, good] = findings.questions;
    expect(better?.nothingToChange).toEqual({
      said: { contributions: 6, participants: 6 },
      only: { contributions: 5, participants: 5 },
      answers: { contributions: 13, participants: 13 },
    });
    expect(good?.nothingToChange).toBeNull();
  });

  it("says so in the question's section, and accounts for them in the methodology and annex", () => {
    const section = markdown.split('### Question 1:')[1]?.split('### Question 2:')[0] ?? '';
    expect(section).toContain(SENTENCE);
    expect(markdown.split('### Question 2:')[1]).not.toContain('Nothing to change');
    expect(markdown).toContain(
      '5 said only that nothing needs to change (counted under their question, not themed)',
    );
    expect(markdown).toContain(
      '| Said only that nothing needs to change (counted, not themed) | 5 |',
    );
    expect(markdown).toContain('| Excluded: too short | 1 |');
    expect(markdown).toContain('| Excluded: no answer | 1 |');
  });

  it('lists them in assignments.csv', async () => {
    const csv = await readFile(join(out, 'assignments.csv'), 'utf8');
    const rows = csv.split(/\r?\n/).filter((row) => row.includes(',nothing-to-change,'));
    expect(rows.map((row) => row.split(',')[0])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('carries the sentence into report.html and brief.docx', async () => {
    await exportBrief(
      join(out, 'brief.md'),
      { html: join(out, 'report.html'), docx: join(out, 'brief.docx') },
      { pageSize: 'A4', date: FIXED_DATE },
    );
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain(
      '<strong>Nothing to change.</strong> 6 of 13 answers (6 of 13 participants) say nothing needs to change',
    );
    const docx = paragraphs(
      partText(await docxParts(join(out, 'brief.docx')), 'word/document.xml'),
    );
    expect(docx.map((p) => p.text)).toContain(SENTENCE.replaceAll('**', ''));
  });
});
