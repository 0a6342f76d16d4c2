import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBrief } from '../../pipeline/brief/export.js';
import { FIXED_DATE, runFixture } from '../helpers/runs.js';

/** Screenshots of the report land here, to be looked at after a test run. */
const SCREENSHOTS = join('test-output', 'screenshots');

describe('report.html in a browser (Debian chromium)', () => {
  let browser: Browser;
  let report: string;

  beforeAll(async () => {
    const { out } = await runFixture('synthesis', 'render');
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

  it('loads with no console error and no request beyond the file itself', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-top.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(report).href]);
    expect(await page.locator('nav li').count()).toBeGreaterThan(5);
    expect(await page.locator('figure svg').count()).toBe(2);
  });

  it('shows a citation’s source text when the citation is clicked', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(report).href);
    const citation = page.locator('a.cite').first();
    const target = (await citation.getAttribute('href'))?.slice(1) ?? '';
    await citation.click();
    const popover = page.locator('#popover');
    await expect.poll(() => popover.isVisible()).toBe(true);
    const source = await page.locator(`[id="${target}"]`).locator('xpath=..').textContent();
    expect(await popover.locator('p').textContent()).toBe(source);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-citation.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
    // From the popover, the reader can go to the source in the annex.
    await citation.click();
    await popover.locator('a.go', { hasText: 'in the annex' }).click();
    expect(page.url()).toMatch(new RegExp(`#${target}$`));
    await expect.poll(() => popover.isVisible()).toBe(false);
  });

  it('jumps to a section from the contents', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(report).href);
    await page.locator('nav a', { hasText: 'Annexes' }).click();
    expect(page.url()).toMatch(/#annexes$/);
    expect(await page.locator('#annexes').isVisible()).toBe(true);
  });
});
