import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { FixtureApp } from './review-app.js';

/** Screenshots of the review app land here, to be looked at after a test run. */
export const SCREENSHOTS = join('test-output', 'screenshots', 'review');

/** Debian's Chromium, headless (never a downloaded browser). */
export async function launchChromium(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
}

/**
 * A page logged into the app (through its printed address), its theme tree drawn; errors and
 * requested addresses are recorded. A browser opens it in a new context (another browser, as it
 * were); a context opens it as one more tab, sharing the context's storage and viewport.
 */
export async function openApp(
  browser: Browser | BrowserContext,
  app: FixtureApp,
  viewport = { width: 1400, height: 900 },
): Promise<Page & { errors: string[]; requests: string[] }> {
  const opened = 'newContext' in browser ? browser.newPage({ viewport }) : browser.newPage();
  const page = Object.assign(await opened, {
    errors: [] as string[],
    requests: [] as string[],
  });
  page.on('request', (request) => page.requests.push(request.url()));
  // Shorter than a test's timeout, so that a step that fails names what it waited for.
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => page.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    page.errors.push(`unexpected ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(app.url);
  await page.locator('.theme-item').first().waitFor();
  await page.locator('li.passage').first().waitFor();
  return page;
}

/** Saves a screenshot under `SCREENSHOTS`. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Waits until the page shows the review at revision `n`. */
export async function atRevision(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`body[data-revision="${n}"]`);
}
