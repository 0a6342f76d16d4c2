// Staff and commenters' names, and masks in the source, reach no output a reader sees: not
// brief.md, report.html, brief.pdf, brief.docx, sources.csv, nor a theme's label or keywords.
// Credited contributors' names are a credit, not contribution text: they follow privacy.credit.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../pipeline/brief/docx-read.js';
import { Themes } from '../../schemas/themes.js';
import { copyFixture, runCli } from '../helpers/cli.js';
import { pdfPages } from '../helpers/pdf-text.js';
import { reportText } from '../helpers/report-list.js';
import { FIXED_DATE } from '../helpers/runs.js';

/** Contributions with names in what would be quoted, and names and masks that would label a theme. */
const TEXTS = [
  'The night buses are great, Nurse Rebecca told me about them and Rebecca was very kind.',
  'Rebecca my support worker says the night buses should run every half hour, I agree with Rebecca.',
  'My name is Jolene Whitcombe and I want more night buses on the west side, as Rebecca said.',
  'Dr Okonkwo said the night buses help shift workers, and XXXX XXXX agreed about night buses.',
  '"Rebecca has been very helpful," I said: night buses get me home from my shift. xx said so too.',
  'Night buses every half hour please; [name removed] and xx asked for the same, see goo.gl/nb1.',
];
/** What must not be seen anywhere a reader looks. */
const TELL_TALES = [/Rebecca/, /Jolene/, /Whitcombe/, /Okonkwo/, /\bxx+\b/i, /name removed/i];

function rows(): string {
  return TEXTS.map((text, i) =>
    [
      100 + i,
      `n${i}`,
      `Pat Doe${i}`,
      '2024-03-06',
      'move',
      5,
      1,
      `"${text.replaceAll('"', '""')}"`,
    ].join(','),
  ).join('\n');
}

function expectNoNames(where: string, text: string): void {
  for (const tell of TELL_TALES) expect(text, where).not.toMatch(tell);
}

describe('names and masks end to end', () => {
  let out: string;

  beforeAll(async () => {
    const dir = await copyFixture('synthesis');
    const config = join(dir, 'consultation.yaml');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace('credit: initials', 'credit: name'),
    );
    await appendFile(join(dir, 'contributions.csv'), `${rows()}\n`);
    out = join(dir, 'out');
    const run = await runCli(['run', config, '--out', out, '--date', FIXED_DATE]);
    expect(run.code, run.stderr).toBe(0);
  }, 240_000);

  it('reaches neither brief.md, report.html, sources.csv nor findings.json', async () => {
    for (const file of ['brief.md', 'report.html', 'sources.csv', 'findings.json']) {
      // The report's list of every contribution is compressed: read it back as text.
      expectNoNames(file, reportText(await readFile(join(out, file), 'utf8')));
    }
    const sources = await readFile(join(out, 'sources.csv'), 'utf8');
    // The contributions are cited, with [name] in their text and their authors credited by name.
    expect(sources).toContain('[name]');
    expect(sources).toContain('Pat Doe');
  });

  it('reaches neither brief.docx nor brief.pdf', async () => {
    const { markdown } = await readDocx(await readFile(join(out, 'brief.docx')));
    expectNoNames('brief.docx', markdown);
    expectNoNames('brief.pdf', pdfPages(join(out, 'brief.pdf')).join('\n'));
  });

  it('names no theme and is no keyword', async () => {
    const themes = Themes.parse(JSON.parse(await readFile(join(out, 'themes.json'), 'utf8')));
    for (const theme of themes.themes) {
      expectNoNames(`label of ${theme.id}`, theme.label);
      for (const keyword of theme.keywords) {
        expectNoNames(`keyword of ${theme.id}`, keyword);
        expect(keyword).not.toMatch(/^(?:name|goo|gl)$/i);
      }
    }
  });
});
