// A table wider than the page is fitted to it, in the PDF and in report.html: every cell inside
// the margins, long words broken.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportBrief } from '../../pipeline/brief/export.js';
import { pdfWords } from '../helpers/pdf-text.js';
import { FIXED_DATE } from '../helpers/runs.js';

const GROUPS = [
  'level1_cycling_traffic_management',
  'level1_cycle_path_quality',
  'level1_traffic_lights',
  'level1_obstacles_on_the_path',
  'level1_signage_and_markings',
  'level1_bicycle_parking_places',
  'Other groups',
];

const BRIEF = `# Wide tables

## Who took part

| Theme | ${GROUPS.map((g, i) => `${g} (${40 + i})`).join(' | ')} |
| --- | ${GROUPS.map(() => '---:').join(' | ')} |
| Crossings near schools | ${GROUPS.map((_, i) => `${10 + i}%`).join(' | ')} |
| Lighting on the river path | ${GROUPS.map((_, i) => `▲ ${50 + i}% (rest 20%)`).join(' | ')} |
`;

describe('a table wider than the page', () => {
  it('is fitted within the margins, with every cell shown', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-pdf-table-'));
    const md = join(dir, 'brief.md');
    await writeFile(md, BRIEF);
    const pdf = join(dir, 'brief.pdf');
    await exportBrief(md, { pdf }, { pageSize: 'A4', date: FIXED_DATE });
    const words = pdfWords(pdf);
    const A4_WIDTH = 595.28;
    for (const word of words) expect(word.xMax, word.text).toBeLessThan(A4_WIDTH - 40);
    const text = words.map((w) => w.text).join(' ');
    expect(text).toContain('56%');
    expect(text).toContain('(46)');
  });

  it('stays within the report’s text column in a browser', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-html-table-'));
    const md = join(dir, 'brief.md');
    await writeFile(md, BRIEF);
    const html = join(dir, 'report.html');
    await exportBrief(md, { html }, { pageSize: 'A4', date: FIXED_DATE });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(html).href);
      const table = await page.locator('main table').boundingBox();
      const main = await page.locator('main').boundingBox();
      expect(table && main && table.x + table.width).toBeLessThanOrEqual(
        (main?.x ?? 0) + (main?.width ?? 0),
      );
    } finally {
      await browser.close();
    }
  }, 60_000);
});
