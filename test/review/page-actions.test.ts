import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewLog } from '../../schemas/review.js';
import { launchChromium, openApp, snap } from './browser.js';
import { type FixtureApp, startFixtureApp } from './review-app.js';

/** Waits until the page shows the review at revision `n`. */
async function atRevision(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`body[data-revision="${n}"]`);
}

function themeLink(page: Page, label: string) {
  return page.locator('li[data-theme] .theme-link', {
    has: page.locator('.theme-name', { hasText: new RegExp(`^${label}$`) }),
  });
}

async function readLog(app: FixtureApp): Promise<ReviewLog> {
  return JSON.parse(await readFile(join(app.out, 'review.json'), 'utf8')) as ReviewLog;
}

describe('review page in Chromium: every decision, then a rebuild', () => {
  let app: FixtureApp;
  let browser: Browser;
  let page: Page & { errors: string[] };

  beforeAll(async () => {
    app = await startFixtureApp();
    browser = await launchChromium();
    page = await openApp(browser, app);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('renames a theme in place and approves it', async () => {
    await snap(page, 'first-open');
    const label = page.locator('.label-edit');
    await label.fill('Buses and routes');
    await label.press('Enter');
    await atRevision(page, 1);
    await expect.poll(() => themeLink(page, 'Buses and routes').count()).toBe(1);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await atRevision(page, 2);
    expect(await page.locator('.theme-item.selected .status').textContent()).toBe('✓ approved');
  });

  it('pins a quote and an example', async () => {
    const first = page.locator('li.passage').first();
    await first.getByRole('button', { name: 'Pin as quote' }).click();
    await atRevision(page, 3);
    await page
      .locator('li.passage')
      .first()
      .getByRole('button', { name: 'Pin as example' })
      .click();
    await atRevision(page, 4);
    const tags = await page.locator('li.passage').first().locator('.tag.pinned').allTextContents();
    expect(tags).toEqual(['quote', 'example']);
  });

  it('excludes a passage for a reason and restores it', async () => {
    const second = page.locator('li.passage').nth(1);
    const id = await second.getAttribute('data-id');
    await second.locator('select.exclude').selectOption('spam');
    await atRevision(page, 5);
    await expect.poll(() => page.locator(`li.passage[data-id="${id}"]`).count()).toBe(0);
    await page.locator('.theme-item.view', { hasText: 'Excluded' }).click();
    const excluded = page.locator(`li.passage[data-id="${id}"]`);
    await expect.poll(() => excluded.locator('.tag.excluded').textContent()).toBe('excluded: Spam');
    await excluded.getByRole('button', { name: 'Restore' }).click();
    await atRevision(page, 6);
    await themeLink(page, 'Buses and routes').click();
    await page.locator(`li.passage[data-id="${id}"]`).waitFor();
  });

  it('moves a passage with the keyboard and the theme picker', async () => {
    const row = page.locator('li.passage').nth(2);
    const id = await row.getAttribute('data-id');
    await row.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('m');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await snap(page, 'move-dialog');
    const target = await page.locator('li[data-theme] .theme-name').nth(1).textContent();
    await dialog.locator('.picker-filter').fill(target ?? '');
    await dialog.locator('.picker-filter').press('Enter');
    await atRevision(page, 7);
    await expect.poll(() => page.locator(`li.passage[data-id="${id}"]`).count()).toBe(0);
    await themeLink(page, target ?? '').click();
    await page.locator(`li.passage[data-id="${id}"]`).waitFor();
  });

  it('splits selected passages off into a new theme', async () => {
    await themeLink(page, 'Buses and routes').click();
    await page.locator('li.passage').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await page.locator('.selection-bar strong').textContent()).toBe('2 selected');
    await page.getByRole('button', { name: 'Split into a new theme…' }).click();
    await page.locator('dialog[open] input').fill('Night buses');
    await page.locator('dialog[open]').getByRole('button', { name: 'Split' }).click();
    await atRevision(page, 8);
    await themeLink(page, 'Night buses').waitFor();
  });

  it('merges a theme by dragging it onto another', async () => {
    const source = (await page.locator('li[data-theme] .theme-name').last().textContent()) ?? '';
    await themeLink(page, source).dragTo(themeLink(page, 'Buses and routes'));
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await atRevision(page, 9);
    expect(await themeLink(page, source).count()).toBe(0);
    await snap(page, 'after-merge');
  });

  it('promotes an emergent theme, and undoes it with Ctrl+Z', async () => {
    await themeLink(page, 'Night buses').click();
    await page.getByRole('button', { name: 'Promote to taxonomy' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Promote' }).click();
    await atRevision(page, 10);
    const item = page.locator('.theme-item', { hasText: 'Night buses' });
    expect(await item.locator('.tag.taxonomy').count()).toBe(1);
    await page.locator('.passage-list').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await atRevision(page, 11);
    expect(await item.locator('.tag.taxonomy').count()).toBe(0);
  });

  it('adds a note for the brief’s authors', async () => {
    await page.getByRole('button', { name: 'Add a note…' }).click();
    await page.locator('.note-add textarea').fill('Check the night bus figures with the operator.');
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await atRevision(page, 12);
    expect(await page.locator('.notes li').textContent()).toBe(
      'Check the night bus figures with the operator.',
    );
  });

  it('keeps every decision in review.json', async () => {
    const log = await readLog(app);
    expect(log.decisions.map((d) => d.action.kind)).toEqual([
      'rename',
      'approve',
      'pin',
      'pin',
      'exclude',
      'restore',
      'move',
      'split',
      'merge',
      'promote',
      'undo',
      'note',
    ]);
    expect(log.decisions.every((d) => d.reviewer === 'Test reviewer')).toBe(true);
    expect(page.errors).toEqual([]);
  });

  it('searches across all themes', async () => {
    await page.locator('input.search').fill('BUS');
    await page.locator('input.search').press('Enter');
    await page.locator('.theme-header h2', { hasText: 'Search' }).waitFor();
    await page.locator('li.passage mark').first().waitFor();
    const texts = await page.locator('li.passage .text').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text.toLowerCase()).toContain('bus');
    await snap(page, 'search');
  });

  it('shows a whole contribution with the passage highlighted', async () => {
    const row = page.locator('li.passage').first();
    const text = await row.locator('.text').textContent();
    await row.getByRole('button', { name: 'Show contribution' }).click();
    expect(await page.locator('dialog[open] mark').textContent()).toBe(text);
    await page.keyboard.press('Escape');
  });

  it('rebuilds the brief with the new theme name', async () => {
    await page.getByRole('button', { name: 'Rebuild the brief' }).click();
    const link = page.locator('.rebuild-panel a', { hasText: 'brief.md' });
    await link.waitFor({ timeout: 120_000 });
    await snap(page, 'rebuilt');
    const brief = await page.evaluate(async () => (await fetch('/files/brief.md')).text());
    expect(brief).toContain('Buses and routes');
    expect(brief).toContain('Night buses');
    expect(page.errors).toEqual([]);
  }, 150_000);
});
