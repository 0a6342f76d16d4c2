// `npm run bench -- report --n COUNT`: report.html of a generated corpus: its size, export time, and time to interactive in Chromium.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { exportBrief } from '../pipeline/brief/export.js';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { generateCorpus, loadSourceTexts } from './corpus.js';
import { benchConfig, runConfig } from './run-corpus.js';

/** Targets at 1,000,000 contributions. */
const TARGET_MB = 25;
const TARGET_INTERACTIVE_MS = 3000;

/** What opening a report in Chromium took, in milliseconds from navigation start. */
export interface ReportTimes {
  /** The page parsed (DOMContentLoaded). */
  parsed: number;
  /** The list of every contribution shows its first page (`all-sources-ready` mark). */
  interactive: number;
  /** A search through every row, from Enter to its count shown. */
  search: number;
}

/**
 * Opens `html` in headless Chromium (Debian's, as the tests use) and times it: parsed, its
 * list showing its first page, and a search through every row for a word no row holds.
 */
export async function timeReport(html: string): Promise<ReportTimes> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(html).href, { timeout: 600_000 });
    await page.locator('#all-sources[data-state=ready]').waitFor({ timeout: 600_000 });
    // A string, as the bench is compiled without the DOM's types.
    const [parsed, interactive] = (await page.evaluate(
      `[performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
        performance.getEntriesByName('all-sources-ready')[0].startTime]`,
    )) as [number, number];
    const started = Date.now();
    await page.locator('.list-search').fill('no-row-holds-this');
    await page.locator('.list-search').press('Enter');
    await page.locator('.list-status', { hasText: 'contributions match' }).waitFor();
    return {
      parsed: parsed ?? Number.NaN,
      interactive: interactive ?? Number.NaN,
      search: Date.now() - started,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Runs the pipeline to the brief on `count` generated contributions, exports report.html
 * alone, and prints its size, the export's time and the times to open it (`timeReport`),
 * against the targets at 1,000,000 contributions.
 */
export async function benchReport(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-bench-report-'));
  try {
    await writeFile(
      join(dir, 'corpus.csv'),
      generateCorpus(count, 1, loadSourceTexts(PACKAGE_ROOT)),
    );
    await writeFile(join(dir, 'consultation.yaml'), await benchConfig());
    const out = join(dir, 'out');
    runConfig(join(dir, 'consultation.yaml'), out, 'render');
    const html = join(out, 'report.html');
    const started = performance.now();
    await exportBrief(join(out, 'brief.md'), { html }, { pageSize: 'A4', date: '2026-01-01' });
    const exportMs = performance.now() - started;
    const mb = (await stat(html)).size / 1e6;
    const times = await timeReport(html);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return [
      `report.html, ${count.toLocaleString('en')} contributions`,
      `  size          ${mb.toFixed(1)} MB  (target at 1,000,000: < ${TARGET_MB} MB)`,
      `  export        ${s(exportMs)}`,
      `  parsed        ${s(times.parsed)}`,
      `  interactive   ${s(times.interactive)}  (target at 1,000,000: < ${s(TARGET_INTERACTIVE_MS)})`,
      `  full search   ${s(times.search)}`,
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
