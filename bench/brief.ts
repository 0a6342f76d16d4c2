import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBrief } from '../pipeline/brief/export.js';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { runConfig } from './run-corpus.js';

/**
 * Rendering the brief of each example (the render stage's Markdown, then PDF, HTML and Word):
 * target under 3 s for Bowling Green and under 10 s for a 60-page brief; the .docx alone is timed
 * again (target under 3 s for Bowling Green). `count` is not used: the examples are the corpora.
 */
export async function benchBrief(_count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-bench-'));
  const lines: string[] = [];
  try {
    for (const example of ['bowling-green', 'rule-of-law']) {
      const out = join(dir, example);
      const report = runConfig(join(PACKAGE_ROOT, 'examples', example, 'consultation.yaml'), out);
      const msOf = (name: string) => report.stages.find((s) => s.name === name)?.ms ?? 0;
      const [render, exported] = [msOf('render'), msOf('export')];
      const pdf = await readFile(join(out, 'brief.pdf'), 'latin1');
      const pages = pdf.match(/\/Type \/Page\b/g)?.length ?? 0;
      const started = performance.now();
      await exportBrief(
        join(out, 'brief.md'),
        { docx: join(out, 'again.docx') },
        { pageSize: 'A4', date: '2024-06-01' },
      );
      const docx = performance.now() - started;
      lines.push(
        `brief of ${example}: ${pages} pages`,
        `  render (Markdown) ${(render / 1000).toFixed(2)} s, export (PDF + HTML + Word) ${(exported / 1000).toFixed(2)} s, total ${((render + exported) / 1000).toFixed(2)} s  (target < 3 s for Bowling Green, < 10 s for 60 pages)`,
        `  Word (.docx) alone ${(docx / 1000).toFixed(2)} s  (target < 3 s for Bowling Green)`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}
