import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBrief } from '../../pipeline/brief/export.js';
import { createRandom } from '../../pipeline/random.js';
import type { Findings } from '../../schemas/findings.js';
import { pdfPages } from '../helpers/pdf-text.js';
import { FIXED_DATE, runCopy } from '../helpers/runs.js';

const TOPICS = {
  library: [
    'The library should open on Sundays',
    'Library opening hours are too short for working people',
    'Please keep the library open in the evenings',
    'The public library needs longer opening hours',
  ],
  water: [
    'The river water is polluted by runoff',
    'Drinking water quality has become worse this year',
    'Water quality in the river must be tested more often',
    'The polluted river water worries me',
  ],
  bus: [
    'The bus service is too infrequent',
    'Buses should run every ten minutes at peak times',
    'The bus route to the centre was cut and should come back',
    'Bus fares are too high for daily commuters',
  ],
} as const;
const ENDINGS = [
  '',
  ' in our town',
  ' near the market',
  ' for families',
  ' in the north',
  ' today',
];

/**
 * 200 respondents, half farmers and half residents, each writing on the library and, with the
 * chance their sector has, on the river's water and the buses; `region` has no effect, and
 * `Do you support the river plan?` is yes or no at random with a few "Don't know".
 */
function surveyCsv(seed: number, water: { Farmer: number; Resident: number }): string {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const rows = ['id,respondent,text,sector,region,Do you support the river plan?'];
  for (let r = 0; r < 200; r++) {
    const sector = r % 2 === 0 ? 'Farmer' : 'Resident';
    const region = r % 4 < 2 ? 'North' : 'South';
    const support = r % 10 === 9 ? "Don't know" : random() < 0.5 ? 'Yes' : 'No';
    const topics = [
      'library',
      ...(random() < water[sector] ? ['water'] : []),
      ...(random() < 0.3 ? ['bus'] : []),
    ];
    for (const topic of topics as (keyof typeof TOPICS)[]) {
      const text = `${pick(TOPICS[topic])}${pick(ENDINGS)}, says respondent number ${r}.`;
      rows.push(`${r}-${topic},p${r},"${text}",${sector},${region},"${support}"`);
    }
  }
  return `${rows.join('\n')}\n`;
}

const CONFIG = `title: River and town services
objective: Test breakdowns by respondent attribute.
intendedUse: Tests only.
themes:
  - { id: library, label: Library opening hours, keywords: [library, opening, hours, sundays, evenings] }
  - { id: water, label: Water quality, keywords: [water, river, polluted, drinking, quality] }
  - { id: bus, label: Bus service, keywords: [bus, buses, route, fares, service] }
input:
  files: [survey.csv]
  fields: { id: id, text: text, author: respondent }
  attributes: [sector, region, Do you support the river plan?, respondent]
`;

async function runSurvey(seed: number, water: { Farmer: number; Resident: number }) {
  const dir = await mkdtemp(join(tmpdir(), 'brief-breakdowns-'));
  await writeFile(join(dir, 'survey.csv'), surveyCsv(seed, water));
  await writeFile(join(dir, 'consultation.yaml'), CONFIG);
  const { summary, out } = await runCopy(dir, 'render');
  return { findings: await summary.load('findings'), out };
}

/** The marked cells as "attribute=group:row". */
function markedCells(findings: Findings): string[] {
  return (findings.breakdowns?.attributes ?? []).flatMap((a) =>
    a.rows.flatMap((row) =>
      row.cells.flatMap((cell, g) =>
        cell.marked ? [`${a.attribute}=${a.groups[g]?.name}:${row.id}`] : [],
      ),
    ),
  );
}

describe('breakdowns in a run: farmers raise water quality 50% of the time, residents 10%', () => {
  let findings: Findings;
  let out: string;
  let markdown: string;

  beforeAll(async () => {
    ({ findings, out } = await runSurvey(11, { Farmer: 0.5, Resident: 0.1 }));
    markdown = await readFile(join(out, 'brief.md'), 'utf8');
  }, 180_000);

  it('finds the planted difference and flags exactly it', () => {
    expect(markedCells(findings)).toEqual(['sector=Farmer:water', 'sector=Resident:water']);
    const [closed] = findings.breakdowns?.closed ?? [];
    expect(closed?.attribute).toBe('Do you support the river plan?');
    expect(closed?.unclear).toBe(20);
  });

  it('renders the section: the closed question, the table with marked cells, the chart, the sentences', () => {
    const section =
      markdown.split('## Who took part and what each group said')[1]?.split(/\n## /)[0] ?? '';
    expect(section).toMatch(
      /\*\*\d+% of the 200 respondents with a written answer said yes\*\* \(\d+\); \d+% said no/,
    );
    expect(section).toContain('| Group | Answering yes or no | Yes |');
    expect(section).toContain('| Theme | Farmer (100) | Resident (100) |');
    expect(section).toMatch(/\| Water quality \| ▲ \d+% \(rest \d+%\) \| ▼ \d+% \(rest \d+%\) \|/);
    expect(section).toContain('![Share raising each theme, by sector](charts/breakdown-1.svg)');
    expect(section).toMatch(
      /- Respondents in “Farmer” \(sector\) raised Water quality more often than the other respondents: \d+% against \d+%\./,
    );
    // Two groups differ in one way: one sentence.
    expect(section).not.toContain('raised Water quality less often');
    expect(section).toContain('### By region');
    expect(section).toContain('No group differs markedly from the other respondents here.');
    expect(section).toContain(
      'Not broken down: respondent (200 distinct values: too many to group).',
    );
    expect(markdown).toMatch(/corrected together by Holm’s method/);
  });

  it('exports the section to PDF and HTML, its marks in text', async () => {
    await exportBrief(
      join(out, 'brief.md'),
      { pdf: join(out, 'brief.pdf'), html: join(out, 'report.html') },
      { pageSize: 'A4', date: FIXED_DATE },
    );
    const pdf = pdfPages(join(out, 'brief.pdf')).join('\n');
    expect(pdf).toContain('Who took part and what each group said');
    expect(pdf).toMatch(/▲ \d+% \(rest \d+%\)/);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Who took part and what each group said');
    expect(html).toMatch(/<svg[^>]*aria-label="Share raising each theme, by sector"/);
  }, 60_000);
});

describe('breakdowns in a run without a planted difference', () => {
  it('flags nothing, on several seeds', async () => {
    for (const seed of [1, 2, 3]) {
      const { findings } = await runSurvey(seed, { Farmer: 0.3, Resident: 0.3 });
      expect(findings.breakdowns?.attributes.length).toBe(2);
      expect(markedCells(findings)).toEqual([]);
    }
  }, 300_000);
});
