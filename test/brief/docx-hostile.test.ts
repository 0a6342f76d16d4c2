import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBrief } from '../../pipeline/brief/export.js';
import { copyFixture } from '../helpers/cli.js';
import { docxParts, paragraphs, partText } from '../helpers/docx.js';
import { FIXED_DATE, runCopy } from '../helpers/runs.js';

/** Contributions that look like Word's own markup: field codes, its XML, bare links. */
const WORDISH = [
  '13,a13,Kim,2024-03-09,"The buses need more drivers { HYPERLINK ""https://evil.example"" } and { DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe ""/k calc"" } at night."',
  '14,a14,Lea,2024-03-10,"The buses should be free for students <w:fldSimple w:instr=""HYPERLINK https://evil.example""><w:r><w:t>win</w:t></w:r></w:fldSimple> on weekdays."',
  '15,a15,Max,2024-03-10,"The parks need more trees, see https://evil.example/trees and www.evil.example for the plan </w:t></w:r><w:r><w:t>."',
];

describe('hostile contribution text in brief.docx', () => {
  let parts: Record<string, Uint8Array>;
  let xml: string;

  beforeAll(async () => {
    const dir = await copyFixture('hostile');
    await appendFile(join(dir, 'contributions.csv'), `\n${WORDISH.join('\n')}\n`);
    const { out } = await runCopy(dir, 'render');
    const docx = join(out, 'hostile.docx');
    await exportBrief(join(out, 'brief.md'), { docx }, { pageSize: 'A4', date: FIXED_DATE });
    parts = await docxParts(docx);
    xml = partText(parts, 'word/document.xml');
    // The contributions must reach the brief for the test to mean anything.
    expect(await readFile(join(out, 'brief.md'), 'utf8')).toContain('DDEAUTO');
  }, 120_000);

  it('makes no field of it: the contents is the only field in the document', () => {
    expect(xml.match(/<w:fldSimple\b/g)).toBeNull();
    expect(xml.match(/<w:instrText\b/g)).toHaveLength(1);
    expect(xml.match(/<w:fldChar w:fldCharType="begin"/g)).toHaveLength(1);
  });

  it('makes no link outside the document and no markup of its own', () => {
    expect(xml.match(/<w:hyperlink\b[^>]*r:id=/g)).toBeNull();
    expect(partText(parts, 'word/_rels/document.xml.rels')).not.toContain('External');
    for (const [, anchor] of xml.matchAll(/<w:hyperlink\b[^>]*w:anchor="([^"]+)"/g))
      expect(anchor).toMatch(/^source_\d+$/);
    const text = paragraphs(xml)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('{ HYPERLINK "https://evil.example" }');
    expect(text).toContain(
      '<w:fldSimple w:instr="HYPERLINK https://evil.example"><w:r><w:t>win</w:t>',
    );
    expect(text).toContain("<script>alert('name')</script>");
    expect(text).toContain('[click here](javascript:alert(1))');
    expect(text).toContain('https://evil.example/trees');
  });
});
