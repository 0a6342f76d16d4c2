// The brief's length and honesty: capped lists, only shown sources numbered, sources.csv complete,
// and participants stated as fact only when the input names authors.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBrief } from '../../pipeline/brief/export.js';
import { copyFixture } from '../helpers/cli.js';
import { reportListRows } from '../helpers/report-list.js';
import { FIXED_DATE, runCopy } from '../helpers/runs.js';

type Row = Record<string, string>;

/** The synthesis fixture with its config and contributions changed, rendered. */
async function renderedWith(change: {
  config?: (yaml: string) => string;
  csv?: (csv: string) => string;
}): Promise<{ out: string; markdown: string }> {
  const dir = await copyFixture('synthesis');
  for (const [file, edit] of [
    ['consultation.yaml', change.config],
    ['contributions.csv', change.csv],
  ] as const) {
    if (edit) await writeFile(join(dir, file), edit(await readFile(join(dir, file), 'utf8')));
  }
  const { out } = await runCopy(dir, 'render');
  return { out, markdown: await readFile(join(out, 'brief.md'), 'utf8') };
}

/** The theme lines under each level-3 heading of the thematic findings. */
function themeLines(markdown: string): string[] {
  const findings = markdown.slice(
    markdown.indexOf('## Thematic findings'),
    markdown.indexOf('\n## ', markdown.indexOf('## Thematic findings') + 1),
  );
  return [...findings.matchAll(/^### .*\n\n\*(.*)\*$/gm)].map((m) => m[1] as string);
}

describe('the sources of the brief', () => {
  let out: string;
  let markdown: string;
  let rows: Row[];

  beforeAll(async () => {
    ({ out, markdown } = await renderedWith({}));
    rows = parse(await readFile(join(out, 'sources.csv'), 'utf8'), { columns: true }) as Row[];
    await exportBrief(
      join(out, 'brief.md'),
      { html: join(out, 'report.html') },
      { pageSize: 'A4', date: FIXED_DATE },
    );
  }, 120_000);

  it('numbers only the sources it links to, without gaps, each listed once', () => {
    const linked = new Set([...markdown.matchAll(/\(#source-(\d+)\)/g)].map((m) => Number(m[1])));
    const anchors = [...markdown.matchAll(/<a id="source-(\d+)"><\/a>/g)].map((m) => Number(m[1]));
    expect(anchors).toEqual(anchors.map((_, i) => i + 1));
    expect([...linked].sort((a, b) => a - b)).toEqual(anchors);
    const shown = rows.filter((r) => r.status === 'shown');
    expect(shown.map((r) => Number(r.number))).toEqual(anchors);
  });

  it('lists every cited contribution once in sources.csv, with where it is cited', () => {
    expect(Object.keys(rows[0] as Row)).toEqual([
      'number',
      'contribution',
      'status',
      'credit',
      'date',
      'themes',
      'cited_in',
      'text',
    ]);
    const ids = rows.map((r) => r.contribution);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of rows.filter((r) => r.status !== 'not cited')) {
      expect(row.cited_in).not.toBe('');
      expect(row.text).not.toBe('');
    }
    expect(rows.filter((r) => r.status === 'cited').every((r) => r.number === '')).toBe(true);
  });

  it('shows the complete list in report.html, and exports an edited brief without it', async () => {
    const html = await readFile(join(out, 'report.html'), 'utf8');
    const list = reportListRows(html).map((row) => row.contribution);
    expect(list).toEqual(rows.map((row) => row.contribution));
    const elsewhere = await mkdtemp(join(tmpdir(), 'brief-edited-'));
    await writeFile(join(elsewhere, 'brief.md'), markdown);
    await exportBrief(
      join(elsewhere, 'brief.md'),
      { html: join(elsewhere, 'report.html') },
      { pageSize: 'A4', date: FIXED_DATE },
    );
    const edited = await readFile(join(elsewhere, 'report.html'), 'utf8');
    expect(edited).toContain('All cited contributions');
    expect(edited).not.toContain('class="all-sources"');
  });
});

describe('the brief with authors', () => {
  it('counts participants as fact', async () => {
    const { markdown } = await renderedWith({});
    expect(markdown).toMatch(/^Scope: what \d+ participants said in \d+ contributions/m);
    for (const line of themeLines(markdown)) expect(line).toMatch(/^\d+ participants? \(/);
    expect(markdown).toContain('![Participants per theme]');
    expect(markdown).not.toMatch(/at most \d/);
  }, 60_000);
});

describe('the brief without an author field', () => {
  let out: string;
  let markdown: string;

  beforeAll(async () => {
    ({ out, markdown } = await renderedWith({
      config: (yaml) => yaml.replace('    author: author\n', ''),
    }));
  }, 120_000);

  it('records that participants are not known', async () => {
    const findings = JSON.parse(await readFile(join(out, 'findings.json'), 'utf8'));
    expect(findings.totals.identifiedParticipants).toBe(0);
  });

  it('speaks of contributions and "at most N people", and says why', () => {
    expect(markdown).toMatch(/^Scope: \d+ contributions from at most \d+ people,/m);
    expect(markdown).toMatch(/\*\*Participation\.\*\* \d+ contributions from at most \d+ people/);
    expect(markdown).toMatch(/no author \(no `author` field\), so people cannot be told apart/);
    for (const line of themeLines(markdown))
      expect(line).toMatch(/^\d+ contributions? \(\d+% of all contributions\)/);
    expect(markdown).toContain('![Contributions per theme]');
    expect(markdown).toContain('| Week | Dates | Contributions |\n');
    expect(markdown).toContain('| Theme | Passages | Contributions | Share of contributions |');
    expect(markdown).not.toMatch(/\d participants?\b/);
  });
});

describe('the brief with authors on some contributions', () => {
  it('gives the number of people as a range and upper bounds', async () => {
    const { markdown } = await renderedWith({
      csv: (csv) => csv.replace(/^(\d),a\d+,/gm, '$1,,'),
    });
    expect(markdown).toMatch(/from at least \d+ and at most \d+ people/);
    for (const line of themeLines(markdown))
      expect(line).toMatch(/^at most \d+ (people|person) \(/);
    expect(markdown).toContain('| People (at most) |');
  }, 60_000);
});

describe('the brief: config', () => {
  it('caps the lists of each theme and gives the smaller themes a compact section', async () => {
    const { markdown } = await renderedWith({
      config: (yaml) => `${yaml}brief: { keyPoints: 1, proposals: 1, quotes: 0, fullThemes: 1 }\n`,
    });
    const body = markdown.slice(
      markdown.indexOf('## Thematic findings'),
      markdown.indexOf('## What contributors said'),
    );
    expect(body.match(/^\*\*Key points\*\*$/gm)).toHaveLength(1);
    for (const list of body.matchAll(/^\*\*(Key points|Proposals)\*\*\n\n((?:- .*\n)+)/gm))
      expect((list[2] as string).trim().split('\n')).toHaveLength(1);
    expect(body).not.toContain('**In their words**');
    expect(markdown).toContain(
      'each theme shows at most its best-supported 1 key point, 1 proposal',
    );
  }, 60_000);
});
