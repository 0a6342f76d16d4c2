import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, snap } from './browser.js';
import { type FixtureApp, startFixtureApp } from './review-app.js';

describe('review page at 1280x720', () => {
  let app: FixtureApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startFixtureApp();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('fits a small screen, and merges through the theme picker', async () => {
    const page = await openApp(browser, app, { width: 1280, height: 720 });
    await snap(page, 'small-first-open');
    const names = await page.locator('li[data-theme] .theme-name').allTextContents();
    await page.locator('li[data-theme] .theme-link').nth(1).click();
    await page.getByRole('button', { name: 'Merge into…' }).click();
    await snap(page, 'small-merge-picker');
    await page.locator('dialog[open] .picker button', { hasText: names[0] ?? '' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Merge' }).click();
    await page.waitForSelector('body[data-revision="1"]');
    expect(await page.locator('li[data-theme]').count()).toBe(names.length - 1);
    expect(await page.locator('.label-edit').inputValue()).toBe(names[0]);
    await snap(page, 'small-after-merge');
    await page
      .locator('li.passage')
      .first()
      .getByRole('button', { name: 'Show contribution' })
      .click();
    await snap(page, 'small-contribution');
    expect(page.errors).toEqual([]);
  });
});
