// report.html's list of every contribution in Chromium: paged, searched across every block, and reached from a citation.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText } from '../../pipeline/brief/csv-field.js';
import { exportBrief } from '../../pipeline/brief/export.js';
import { BLOCK_ROWS, PAGE_ROWS } from '../../pipeline/brief/html-sources.js';
import { SOURCES_COLUMNS } from '../../pipeline/brief/sources-csv.js';
import { FIXED_DATE, runFixture } from '../helpers/runs.js';

const SCREENSHOTS = join('test-output', 'screenshots');

/** Uncited rows added to the fixture's own, so the list has several blocks and many pages. */
const EXTRA_ROWS = 2 * BLOCK_ROWS + 345;

/** A word only the last added row holds, in the last block. */
const NEEDLE = 'zanzibarquay';

describe('report.html’s list of every contribution (Chromium)', () => {
  let browser: Browser;
  let report: string;
  let rows: number;

  beforeAll(async () => {
    const { out } = await runFixture('synthesis', 'render');
    const csv = await readFile(join(out, 'sources.csv'), 'utf8');
    const own = parse(csv, { columns: false }) as string[][];
    const extra = Array.from({ length: EXTRA_ROWS }, (_, i) => [
      '',
      `extra-${i + 1}`,
      'not cited',
      `Person ${i + 1}`,
      '2024-03-05',
      'Parks',
      '',
      `Generated contribution ${i + 1} about the lindenwharf${i === EXTRA_ROWS - 1 ? ` and ${NEEDLE}` : ''}.`,
    ]);
    expect(own[0]).toEqual([...SOURCES_COLUMNS]);
    rows = own.length - 1 + EXTRA_ROWS;
    await writeFile(join(out, 'sources.csv'), csvText([...own, ...extra]));
    report = join(out, 'report.html');
    await exportBrief(
      join(out, 'brief.md'),
      { html: report },
      { pageSize: 'A4', date: FIXED_DATE },
    );
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(hash = ''): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(report).href + hash);
    await page.locator('#all-sources[data-state=ready]').waitFor();
    return { page, errors };
  }

  const shownRows = (page: Page) => page.locator('#all-sources tbody tr');
  const firstId = (page: Page) => shownRows(page).first().locator('td.who').textContent();

  it('opens on its first page, and pages forward, to the end and back', async () => {
    const { page, errors } = await open();
    const pages = Math.ceil(rows / PAGE_ROWS);
    expect(await shownRows(page).count()).toBe(PAGE_ROWS);
    expect(await page.locator('#all-sources .page-count').textContent()).toBe(String(pages));
    await page.locator('#all-sources').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'report-list.png') });
    const first = await firstId(page);
    await page.locator('[data-go=next]').click();
    await expect.poll(() => page.locator('.page-number').inputValue()).toBe('2');
    expect(await firstId(page)).not.toBe(first);
    await page.locator('[data-go=last]').click();
    await expect.poll(() => page.locator('.page-number').inputValue()).toBe(String(pages));
    expect(await shownRows(page).count()).toBe(rows - (pages - 1) * PAGE_ROWS);
    expect(await shownRows(page).last().locator('td.who').textContent()).toContain(
      `extra-${EXTRA_ROWS}`,
    );
    // A page typed in, past the first block.
    await page.locator('.page-number').fill(String(BLOCK_ROWS / PAGE_ROWS + 3));
    await page.locator('.page-number').press('Enter');
    await expect
      .poll(() => shownRows(page).first().locator('td.who').textContent())
      .toContain(`extra-${BLOCK_ROWS + 2 * PAGE_ROWS - (rows - EXTRA_ROWS) + 1}`);
    await page.locator('[data-go=first]').click();
    await expect.poll(() => firstId(page)).toBe(first);
    expect(errors).toEqual([]);
  });

  it('searches every row, not only the page shown', async () => {
    const { page, errors } = await open();
    await page.locator('.list-search').fill(NEEDLE.toUpperCase());
    await page.locator('.list-search').press('Enter');
    await expect.poll(() => page.locator('.list-status').textContent()).toMatch(/^1 of /);
    expect(await shownRows(page).count()).toBe(1);
    expect(await firstId(page)).toContain(`extra-${EXTRA_ROWS}`);
    // Many matches are paged like the list; clearing the search shows the whole list again.
    await page.locator('.list-search').fill('lindenwharf');
    await page.locator('.list-search').press('Enter');
    await expect
      .poll(() => page.locator('.list-status').textContent())
      .toBe(
        `${EXTRA_ROWS.toLocaleString('en')} of ${rows.toLocaleString('en')} contributions match`,
      );
    expect(await page.locator('#all-sources .page-count').textContent()).toBe(
      String(Math.ceil(EXTRA_ROWS / PAGE_ROWS)),
    );
    // A theme's name matches every row in it, though the rows store only its index.
    await page.locator('.list-search').fill('parks');
    await page.locator('.list-search').press('Enter');
    await expect.poll(() => page.locator('.list-status').textContent()).toMatch(/match$/);
    const parks = Number(
      (await page.locator('.list-status').textContent())?.split(' ')[0]?.replace(',', ''),
    );
    expect(parks).toBeGreaterThan(EXTRA_ROWS);
    await page.locator('.list-search').fill('');
    await page.locator('.list-search').press('Enter');
    await expect
      .poll(() => page.locator('#all-sources .page-count').textContent())
      .toBe(String(Math.ceil(rows / PAGE_ROWS)));
    expect(errors).toEqual([]);
  });

  it('opens the page and row of a citation’s source from its popover', async () => {
    const { page, errors } = await open();
    // The list is on its last page: the citation's row is on the first.
    await page.locator('[data-go=last]').click();
    await expect.poll(() => page.locator('.page-number').inputValue()).not.toBe('1');
    const citation = page.locator('a.cite').last();
    const number = (await citation.getAttribute('href'))?.replace('#source-', '') ?? '';
    await citation.click();
    await page.locator('#popover a.go', { hasText: 'list of every contribution' }).click();
    const row = page.locator(`#all-sources-${number}`);
    await expect.poll(() => row.getAttribute('class')).toBe('hit');
    expect(await row.locator('td.num').textContent()).toBe(number);
    expect(await page.locator('.page-number').inputValue()).toBe('1');
    expect(await row.isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-list-citation.png') });
    // The address alone opens it too, as a link shared with a colleague.
    const again = await open(`#all-sources-${number}`);
    expect(await again.page.locator(`#all-sources-${number}`).getAttribute('class')).toBe('hit');
    expect([...errors, ...again.errors]).toEqual([]);
  });
});
