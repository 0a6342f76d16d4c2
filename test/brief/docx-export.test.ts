import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBrief } from '../../pipeline/brief/export.js';
import { runCli } from '../helpers/cli.js';
import { docxParts, paragraphs, partText, withPart } from '../helpers/docx.js';
import { pdfPages } from '../helpers/pdf-text.js';
import { FIXED_DATE, runCopy } from '../helpers/runs.js';

describe('brief.docx of Bowling Green', () => {
  let out: string;
  let markdown: string;
  let labels: string[];
  let parts: Record<string, Uint8Array>;
  let xml: string;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-docx-'));
    await cp('examples/bowling-green', dir, { recursive: true });
    const run = await runCopy(dir, 'render');
    out = run.out;
    markdown = await readFile(join(out, 'brief.md'), 'utf8');
    const themes = await run.summary.load('themes');
    labels = themes.themes.filter((t) => t.parentId === null).map((t) => t.label);
    parts = await docxParts(join(out, 'brief.docx'));
    xml = partText(parts, 'word/document.xml');
  }, 300_000);

  it('is written by the run, its headings in Word heading styles, every theme among them', () => {
    const shown = paragraphs(xml);
    const styled = (style: string) => shown.filter((p) => p.style === style).map((p) => p.text);
    expect(styled('Title')).toEqual(['What Could BG Be? Improving Bowling Green / Warren County']);
    expect(styled('Heading1')).toEqual(
      expect.arrayContaining(['Key messages', 'Thematic findings', 'Annexes']),
    );
    expect(labels.length).toBeGreaterThan(5);
    expect(styled('Heading2')).toEqual(expect.arrayContaining(labels));
    expect(styled('Heading3')).toContain('Week 1 (2-8 February)');
    // Every quote of the brief is in the Quote style (its text and its credit).
    const quotes = markdown.split('\n').filter((line) => line.startsWith('> “')).length;
    expect(quotes).toBeGreaterThan(5);
    expect(styled('Quote').length).toBeGreaterThanOrEqual(quotes);
    expect(styled('Caption')).toEqual(['Passages per week, by theme', 'Participants per theme']);
  });

  it('links every citation to a bookmark on its source, and links nowhere outside', () => {
    const anchors = [...xml.matchAll(/<w:hyperlink\b[^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const bookmarks = new Set(
      [...xml.matchAll(/<w:bookmarkStart\b[^>]*w:name="([^"]+)"/g)].map((m) => m[1]),
    );
    const cited = new Set(
      [...markdown.matchAll(/\]\(#source-(\d+)\)/g)].map((m) => `source_${m[1]}`),
    );
    expect(new Set(anchors)).toEqual(cited);
    for (const anchor of anchors) expect(bookmarks.has(anchor)).toBe(true);
    const ids = [...xml.matchAll(/<w:bookmarkStart\b[^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xml).not.toMatch(/<w:hyperlink\b[^>]*r:id=/);
    expect(partText(parts, 'word/_rels/document.xml.rels')).not.toContain('External');
  });

  it('has the charts as SVG pictures with a PNG fallback', () => {
    const charts = [...markdown.matchAll(/!\[[^\]]*\]\(charts\//g)].length;
    expect(charts).toBe(2);
    expect(xml.match(/<a:blip\b[^>]*r:embed=/g)).toHaveLength(charts);
    expect(xml.match(/<asvg:svgBlip\b/g)).toHaveLength(charts);
    const media = Object.keys(parts).filter((name) => name.startsWith('word/media/'));
    const png = media.filter((name) => name.endsWith('.png'));
    expect(png).toHaveLength(charts);
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(charts);
    for (const name of png)
      expect(
        Buffer.from(parts[name] ?? [])
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
  });

  it('has lists, tables with a repeated header row, a contents field, page numbers and properties', () => {
    expect(xml).toContain('<w:numPr>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml.match(/<w:instrText[^>]*>([^<]*)</g)).toEqual([
      '<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;<',
    ]);
    expect(xml.match(/<w:fldSimple\b/g)).toBeNull();
    expect(partText(parts, 'word/settings.xml')).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
    const footers = Object.keys(parts).filter((name) => /^word\/footer\d+\.xml$/.test(name));
    const footer = footers.map((name) => partText(parts, name)).join('');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const core = partText(parts, 'docProps/core.xml');
    expect(core).toContain(
      '<dc:title>What Could BG Be? Improving Bowling Green / Warren County</dc:title>',
    );
    expect(core).toContain('<dc:subject>Policy input for programme formulation</dc:subject>');
    expect(core).toMatch(new RegExp(`<dcterms:created[^>]*>${FIXED_DATE}T00:00:00Z<`));
  });

  it('comes back from Word as the house PDF and HTML, with the author’s edits', async () => {
    const edited = withPart(parts, 'word/document.xml', (doc) =>
      doc
        // A heading renamed, a paragraph added after it, a paragraph cut, and tracked changes.
        .replace(
          /(<w:pStyle w:val="Heading2"\/><\/w:pPr>)<w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">Traffic flow<\/w:t><\/w:r><\/w:p>/,
          '$1<w:r><w:t>Roads, traffic and parking</w:t></w:r></w:p><w:p><w:r><w:t>An author added this framing paragraph in Word.</w:t></w:r><w:ins w:id="901" w:author="A"><w:r><w:t> With a tracked insertion.</w:t></w:r></w:ins><w:del w:id="902" w:author="A"><w:r><w:delText>A tracked deletion.</w:delText></w:r></w:del></w:p>',
        )
        .replace(/<w:p>(?:(?!<\/w:p>).)*Counts describe who took part(?:(?!<\/w:p>).)*<\/w:p>/, ''),
    );
    expect(edited.length).toBeGreaterThan(0);
    const docx = join(out, 'edited.docx');
    await writeFile(docx, edited);
    const written = await exportBrief(
      docx,
      { pdf: join(out, 'edited.pdf'), html: join(out, 'edited.html') },
      { pageSize: 'A4', date: FIXED_DATE },
    );
    expect(written).toHaveLength(2);
    const text = pdfPages(join(out, 'edited.pdf')).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Roads, traffic and parking');
    expect(text).toContain(
      'An author added this framing paragraph in Word. With a tracked insertion.',
    );
    expect(text).not.toContain('A tracked deletion');
    expect(text).not.toContain('Counts describe who took part');
    expect(text).toContain('Key messages');
    expect(text).toMatch(/\[1\] Participant \d+/);
    const html = await readFile(join(out, 'edited.html'), 'utf8');
    expect(html).toMatch(/<h3 id="[^"]+">Roads, traffic and parking<\/h3>/);
    expect(html).toContain('<a href="#source-1" class="cite">[1]</a>');
    expect(html).toContain('<a id="source-1">');
    expect(html.match(/<figure><svg /g)).toHaveLength(2);
    expect(html).toMatch(/<blockquote>\s*<p>“/);
    expect(html).toMatch(/<table>[\s\S]*<th align="right">Contributions<\/th>/);
    expect(html).toContain('<ol>');
  });

  it('takes the paper size from --page-size, and never writes over the .docx it reads', async () => {
    const letter = join(out, 'letter.docx');
    const md = join(out, 'brief.md');
    const run = await runCli(['export', md, '--docx', '--out', letter, '--page-size', 'letter']);
    expect(run).toMatchObject({ code: 0, stdout: `wrote ${letter}\n` });
    const again = await runCli(['export', join(out, 'brief.docx'), '--docx']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--docx would write over');
    expect(partText(await docxParts(letter), 'word/document.xml')).toContain(
      '<w:pgSz w:w="12240" w:h="15840"',
    );
  });
});
