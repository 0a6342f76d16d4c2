import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lexer, type Token } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBrief } from '../../pipeline/brief/export.js';
import type { Findings } from '../../schemas/findings.js';
import { copyFixture } from '../helpers/cli.js';
import { pdfPages } from '../helpers/pdf-text.js';
import { reportListRows } from '../helpers/report-list.js';
import { FIXED_DATE, runCopy, runFixture } from '../helpers/runs.js';

describe('the brief of the synthesis fixture', () => {
  let out: string;
  let markdown: string;
  let findings: Findings;
  let pages: string[];

  beforeAll(async () => {
    const run = await runFixture('synthesis', 'render');
    out = run.out;
    findings = await run.summary.load('findings');
    markdown = await readFile(join(out, 'brief.md'), 'utf8');
    await exportBrief(
      join(out, 'brief.md'),
      { pdf: join(out, 'brief.pdf'), html: join(out, 'report.html') },
      { pageSize: 'A4', date: FIXED_DATE },
    );
    pages = pdfPages(join(out, 'brief.pdf'));
  }, 120_000);

  it('matches the golden brief.md', async () => {
    await expect(markdown).toMatchFileSnapshot('../golden/synthesis-brief.md');
  });

  it('quotes no sentence twice across key messages and theme openings; programming names the key message', () => {
    const section = (title: string) => markdown.split(`## ${title}`)[1]?.split(/\n## /)[0] ?? '';
    const openings = markdown
      .split(/\n### /)
      .slice(1)
      .map((theme) => theme.split('\n\n')[2] ?? '');
    const inMarks = (text: string) => [...text.matchAll(/“([^”]+)”/gu)].map((m) => m[1] ?? '');
    const key = (s: string) =>
      s
        .trim()
        .replace(/[.!?]$/u, '')
        .toLowerCase();
    const messages = inMarks(section('Key messages')).map(key);
    const quoted = [...messages, ...openings.flatMap(inMarks).map(key)];
    expect(quoted.length).toBeGreaterThan(8);
    expect(new Set(quoted).size).toBe(quoted.length);
    const items = [
      ...section('What this means for programming').matchAll(/^\d+\. ([^*[]+)(.*)$/gmu),
    ];
    expect(items.length).toBeGreaterThan(5);
    for (const [, text, rest] of items) {
      const at = findings.executiveSummary.findIndex((m) =>
        inMarks(m.text)
          .map(key)
          .includes(key(text ?? '')),
      );
      if (at >= 0) expect(rest).toContain(`key message ${at + 1};`);
      else expect(rest).not.toContain('key message');
    }
  });

  it('never names a theme twice in its key message, outside what it quotes', () => {
    for (const message of findings.executiveSummary) {
      const label = findings.themes.find((t) => message.text.startsWith(t.label))?.label;
      const frame = message.text.replace(/“[^”]*”/gu, '');
      if (label) expect(frame.split(label).length).toBe(2);
    }
    expect(findings.executiveSummary[0]?.text).toMatch(
      /^Broadest agreement, among the statements at least a third of the 51 voters voted on: “/,
    );
  });

  it('writes the charts it refers to and one assignment row per passage and theme', async () => {
    for (const [, file] of markdown.matchAll(/\]\((charts\/[\w-]+\.svg)\)/g)) {
      expect(await readFile(join(out, file as string), 'utf8')).toMatch(/^<svg /);
    }
    const csv = (await readFile(join(out, 'assignments.csv'), 'utf8')).trim().split('\r\n');
    expect(csv[0]).toBe('contribution,passage,theme_id,theme,subtheme_id,subtheme,status,detail');
    const passages = new Set(csv.slice(1).map((row) => row.split(',')[1]));
    expect(passages.size).toBe(31);
  });

  it('has every section, in order, in the PDF', () => {
    const text = pages.join('\n');
    const sections = [
      'Key messages',
      'About the consultation',
      'Thematic findings',
      'What contributors said on each guiding question',
      'Cross-cutting issues',
      'What this means for programming',
      'Annexes',
      'Sources',
      'Data accounting',
    ];
    // After the contents page, the sections appear in the brief's order.
    const body = pages.slice(2).join('\n');
    const at = sections.map((s) => body.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const theme of findings.themes) expect(text).toContain(theme.label);
    expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages.length).toBeLessThanOrEqual(40);
  });

  it('lists every source it links to in the PDF annex, and numbers its pages', () => {
    const cited = new Set([...markdown.matchAll(/\(#source-(\d+)\)/g)].map((m) => m[1]));
    const annex = pages
      .slice(pages.findIndex((p) => p.includes('the brief links to, numbered')))
      .join('\n');
    for (const n of cited) expect(annex).toContain(`[${n}]`);
    expect(pages[1]).toContain('Contents');
    expect(pages[2]).toMatch(new RegExp(`Page 3 of ${pages.length}`));
  });

  it('links citations and contents entries to named destinations in the PDF', async () => {
    const pdf = await readFile(join(out, 'brief.pdf'), 'latin1');
    const targets = new Set([...pdf.matchAll(/\/S \/GoTo\s*\/D \(([\w-]+)\)/g)].map((m) => m[1]));
    expect(targets.has('heading-1')).toBe(true);
    const cited = [...markdown.matchAll(/\(#(source-\d+)\)/g)].map((m) => m[1]);
    for (const target of cited) expect(targets.has(target)).toBe(true);
  });

  it('exports the same bytes twice for the same date, and Letter paper on request', async () => {
    const again = join(out, 'again.pdf');
    await exportBrief(join(out, 'brief.md'), { pdf: again }, { pageSize: 'A4', date: FIXED_DATE });
    expect((await readFile(again)).equals(await readFile(join(out, 'brief.pdf')))).toBe(true);
    const letter = join(out, 'letter.pdf');
    await exportBrief(
      join(out, 'brief.md'),
      { pdf: letter },
      { pageSize: 'LETTER', date: FIXED_DATE },
    );
    expect((await readFile(letter, 'latin1')).includes('/MediaBox [0 0 612 792]')).toBe(true);
  });

  it('exports an edited brief: the PDF carries the edit', async () => {
    const edited = join(out, 'edited.md');
    await writeFile(
      edited,
      markdown.replace(
        '## Key messages',
        '## Key messages\n\nAn editor’s note: Ελληνικά, Кириллица, Čeština.',
      ),
    );
    await exportBrief(
      edited,
      { pdf: join(out, 'edited.pdf') },
      { pageSize: 'A4', date: FIXED_DATE },
    );
    expect(pdfPages(join(out, 'edited.pdf')).join('\n')).toContain(
      'An editor’s note: Ελληνικά, Кириллица, Čeština.',
    );
  });
});

/** Every token of a Markdown document, depth first. */
function allTokens(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((t) => {
    const children: Token[] = [];
    if ('tokens' in t && Array.isArray(t.tokens)) children.push(...allTokens(t.tokens));
    if (t.type === 'list') for (const item of t.items) children.push(...allTokens(item.tokens));
    if (t.type === 'table') {
      for (const cell of [...t.header, ...t.rows.flat()]) children.push(...allTokens(cell.tokens));
    }
    return [t, ...children];
  });
}

describe('hostile contribution text', () => {
  let out: string;
  let markdown: string;

  beforeAll(async () => {
    ({ out } = await runFixture('hostile', 'render'));
    markdown = await readFile(join(out, 'brief.md'), 'utf8');
    await exportBrief(
      join(out, 'brief.md'),
      { pdf: join(out, 'brief.pdf'), html: join(out, 'report.html') },
      { pageSize: 'A4', date: FIXED_DATE },
    );
  }, 120_000);

  it('stays text in brief.md: no raw HTML, links, images, headings or tables of its own', () => {
    const tokens = allTokens(lexer(markdown));
    for (const t of tokens.filter((t) => t.type === 'html')) {
      expect(t.raw.trim()).toMatch(/^(<a id="source-\d+">|<\/a>)$/);
    }
    for (const t of tokens) {
      if (t.type === 'link') expect(t.href).toMatch(/^(#source-\d+|sources\.csv)$/);
      if (t.type === 'image') expect(t.href).toMatch(/^charts\/[\w-]+\.svg$/);
    }
    const headings = tokens.flatMap((t) => (t.type === 'heading' ? [t.text] : []));
    expect(headings.some((h) => /Not a heading/.test(h))).toBe(false);
    // The contribution "| not | a | table |" stays text ("nothing" in the annex is no sign).
    const tables = tokens.filter((t) => t.type === 'table');
    expect(tables.every((t) => !t.raw.includes('not | a | table'))).toBe(true);
    expect(markdown).toContain('{{placeholder}}');
  });

  it('stays text in report.html: its own two scripts, no handlers, no outside links', async () => {
    const html = await readFile(join(out, 'report.html'), 'utf8');
    // The page's script and the list's; the list's compressed rows are text, never run.
    const code = html.replace(/<script type="text\/x-compressed-rows">[^<]*<\/script>/g, '');
    expect(code.match(/<script/g)?.length).toBe(2);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/<img|<iframe|<link |src="http/i);
    // The clean stage drops script bodies from contributions; a name is shown as written.
    expect(html).toContain('&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;');
    expect(html).toContain('[click here](javascript:alert(1))');
  });

  it('stays text in the PDF, and in the report’s list of every contribution', async () => {
    const text = pdfPages(join(out, 'brief.pdf')).join('\n');
    expect(text).toContain("<script>alert('name')</script>");
    expect(text).toContain('[click here](javascript:alert(1))');
    expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
    // The Greek and Russian contribution is cited by no finding: the PDF counts it, the report lists it.
    const rows = reportListRows(await readFile(join(out, 'report.html'), 'utf8'));
    const greek = rows.find((row) => row.credit === 'Κώστας Δημητρίου');
    expect(greek?.status).toBe(2);
    expect(greek?.text).toMatch(/Больше деревьев/);
  });
});

describe('the brief of a consultation with nothing kept', () => {
  it('still renders and exports, saying so', async () => {
    const dir = await copyFixture('synthesis');
    await writeFile(
      join(dir, 'contributions.csv'),
      'id,author,name,date,question,agrees,disagrees,text\n1,a1,Ana,2024-03-04,move,1,0,ok\n',
    );
    const config = join(dir, 'consultation.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('  votes: votes.csv\n', ''));
    const { out } = await runCopy(dir, 'render');
    await exportBrief(
      join(out, 'brief.md'),
      { pdf: join(out, 'brief.pdf'), html: join(out, 'report.html') },
      { pageSize: 'A4', date: FIXED_DATE },
    );
    const text = pdfPages(join(out, 'brief.pdf')).join('\n');
    expect(text).toContain('No key messages: no contribution was kept.');
    expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('No key messages');
  }, 60_000);
});
