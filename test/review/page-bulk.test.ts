import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassagePage, StateView } from '../../pipeline/review/views.js';
import type { ReviewLog } from '../../schemas/review.js';
import { launchChromium, openApp, snap } from './browser.js';
import { type FixtureApp, startCorpusApp } from './review-app.js';

/** 600 passages: "Theme 1" holds 60 (more than a page of 50), the others about 28. */
const PASSAGES = 600;

async function atRevision(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`body[data-revision="${n}"]`);
}

function themeLink(page: Page, label: string) {
  return page.locator('li[data-theme] .theme-link', {
    has: page.locator('.theme-name', { hasText: new RegExp(`^${label}$`) }),
  });
}

function rows(page: Page) {
  return page.locator('li.passage');
}

async function rowIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? ''));
}

async function selectedCount(page: Page): Promise<string | null> {
  return page.locator('.selection-bar strong').textContent();
}

/** The id of the passage row with the focus (null: the focus is elsewhere). */
function focusedId(page: Page): Promise<string | null> {
  return page
    .locator('li.passage:focus')
    .getAttribute('data-id', { timeout: 1000 })
    .catch(() => null);
}

async function readLog(app: FixtureApp): Promise<ReviewLog> {
  return JSON.parse(await readFile(join(app.out, 'review.json'), 'utf8')) as ReviewLog;
}

async function state(app: FixtureApp): Promise<StateView> {
  return (await (await app.api('/api/state')).json()) as StateView;
}

async function themeNamed(app: FixtureApp, label: string) {
  const theme = (await state(app)).themes.find((t) => t.label === label);
  if (!theme) throw new Error(`no theme "${label}"`);
  return theme;
}

describe('review page in Chromium: bulk actions at 1280x720', () => {
  let app: FixtureApp;
  let browser: Browser;
  let page: Page & { errors: string[] };
  /** Decisions the search exclusion took (one per passage): later revisions count from there. */
  let excludedCount = 0;

  beforeAll(async () => {
    app = await startCorpusApp(PASSAGES);
    browser = await launchChromium();
    page = await openApp(browser, app, { width: 1280, height: 720 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('selects a range with Shift-click, and toggles rows with Ctrl-click', async () => {
    const ids = await rowIds(page);
    await rows(page).nth(1).locator('input[type=checkbox]').click();
    await rows(page)
      .nth(5)
      .locator('input[type=checkbox]')
      .click({ modifiers: ['Shift'] });
    expect(await selectedCount(page)).toBe('5 selected');
    const ticked = await page
      .locator('li.passage.selected')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-id')));
    expect(ticked).toEqual(ids.slice(1, 6));
    await rows(page)
      .nth(8)
      .locator('.text')
      .click({ modifiers: ['Control'] });
    expect(await selectedCount(page)).toBe('6 selected');
    await rows(page)
      .nth(8)
      .locator('.text')
      .click({ modifiers: ['Control'] });
    expect(await selectedCount(page)).toBe('5 selected');
    // Shift-click on a row's text extends from the last row clicked.
    await rows(page)
      .nth(10)
      .locator('.text')
      .click({ modifiers: ['Shift'] });
    expect(await selectedCount(page)).toBe('8 selected');
    await snap(page, 'bulk-range');
    await page.getByRole('button', { name: 'Clear' }).click();
  });

  it('selects a range with Shift+arrow keys', async () => {
    const ids = await rowIds(page);
    await rows(page).nth(2).focus();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await selectedCount(page)).toBe('4 selected');
    const ticked = await page
      .locator('li.passage.selected')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-id')));
    expect(ticked).toEqual(ids.slice(2, 6));
    expect(await focusedId(page)).toBe(ids[5]);
    await page.getByRole('button', { name: 'Clear' }).click();
  });

  it('selects all on the page, then all of the theme across pages', async () => {
    const theme = await themeNamed(app, 'Theme 1');
    expect(theme.passageCount).toBeGreaterThan(50);
    await page.getByRole('button', { name: 'Select all on this page' }).click();
    expect(await selectedCount(page)).toBe('50 selected');
    await page
      .getByRole('button', { name: `Select all ${theme.passageCount} in this theme` })
      .click();
    await expect.poll(() => selectedCount(page)).toBe(`${theme.passageCount} selected`);
    await page.getByRole('button', { name: 'Next →', exact: true }).click();
    await page.locator('.pager', { hasText: '51–' }).waitFor();
    expect(await page.locator('li.passage.selected').count()).toBe(theme.passageCount - 50);
    await snap(page, 'bulk-select-theme');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('button', { name: '← Previous', exact: true }).click();
  });

  it('names sub-themes "Parent > Sub-theme" in the picker, and closes it with one Escape', async () => {
    await rows(page).first().focus();
    await page.keyboard.press('m');
    const dialog = page.locator('dialog[open]');
    await dialog.locator('.picker-filter').fill('Theme 2');
    const names = await dialog.locator('.picker-name').allTextContents();
    expect(names).toContain('Theme 2 > Theme 2 a');
    await snap(page, 'bulk-picker-names');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog').count()).toBe(0);
    // Every dialog: a confirmation opened from the picker closes with one Escape too.
    await page.getByRole('button', { name: 'Merge into…' }).click();
    await page
      .locator('dialog[open] .picker button', { hasText: /^Theme 3\d/ })
      .first()
      .click();
    await page.locator('dialog[open]', { hasText: 'Merge themes' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog').count()).toBe(0);
    expect(await state(app).then((s) => s.revision)).toBe(0);
  });

  it('keeps the focus on the list after a keyboard move: the next arrow goes on', async () => {
    const ids = await rowIds(page);
    await rows(page).nth(3).focus();
    await page.keyboard.press('m');
    const dialog = page.locator('dialog[open]');
    await dialog.locator('.picker-filter').fill('Theme 4');
    await dialog.locator('.picker-filter').press('Enter');
    await atRevision(page, 1);
    await expect.poll(() => focusedId(page)).toBe(ids[4]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedId(page)).toBe(ids[5]);
  });

  it('selects every search result across themes and moves them in one decision', async () => {
    await page.locator('input.search').fill('river');
    await page.locator('input.search').press('Enter');
    await page.locator('li.passage mark').first().waitFor();
    // A passage of a sub-theme is said to be in "Parent > Sub-theme", its parent not repeated.
    expect(await rows(page).first().locator('.meta').textContent()).toMatch(
      /in Theme 1 > Theme 1 [ab]$/,
    );
    const total = (
      (await (await app.api('/api/passages?in=all&q=river&limit=1')).json()) as PassagePage
    ).total;
    expect(total).toBeGreaterThan(50);
    await page.getByRole('button', { name: `Select all ${total} results` }).click();
    await expect.poll(() => selectedCount(page)).toBe(`${total} selected`);
    await snap(page, 'bulk-search-selected');
    await page.locator('.selection-bar').getByRole('button', { name: 'Move to…' }).click();
    await page.locator('dialog[open] .picker-filter').fill('Theme 7 > Theme 7 b');
    await page.locator('dialog[open] .picker-filter').press('Enter');
    await atRevision(page, 2);
    const log = await readLog(app);
    const move = log.decisions.at(-1)?.action;
    expect(move?.kind === 'move' && move.passages.length).toBe(total);
    const target = await themeNamed(app, 'Theme 7 b');
    const listed = (await (
      await app.api(`/api/passages?in=theme&theme=${target.id}&q=river&limit=1`)
    ).json()) as PassagePage;
    expect(listed.total).toBe(total);
  });

  it('excludes every result of a search: one exclusion per passage, in one request', async () => {
    await page.locator('input.search').fill('clinic clinic');
    await page.locator('input.search').press('Enter');
    await page.locator('.theme-header h2', { hasText: 'clinic clinic' }).waitFor();
    await page.locator('li.passage mark').first().waitFor();
    const ids = (await (await app.api('/api/passage-ids?in=all&q=clinic%20clinic')).json()) as {
      ids: string[];
    };
    expect(ids.ids.length).toBeGreaterThan(1);
    await page.getByRole('button', { name: `Select all ${ids.ids.length} results` }).click();
    await expect.poll(() => selectedCount(page)).toBe(`${ids.ids.length} selected`);
    await page.locator('.selection-bar select.exclude').selectOption('off-topic');
    excludedCount = ids.ids.length;
    await atRevision(page, 2 + excludedCount);
    const log = await readLog(app);
    const excluded = log.decisions.slice(2).map((d) => d.action);
    expect(
      excluded.map((a) =>
        a.kind === 'exclude' && 'passage' in a.target ? a.target.passage : null,
      ),
    ).toEqual(ids.ids);
    // Excluded, they leave the ids "select all" gives.
    const after = (await (await app.api('/api/passage-ids?in=all&q=clinic%20clinic')).json()) as {
      total: number;
    };
    expect(after.total).toBe(0);
  });

  it('collapses and expands the tree, and keeps it collapsed across a reload', async () => {
    await themeLink(page, 'Theme 1').click();
    const subs = page.locator('li.theme-item.sub');
    const all = await subs.count();
    await page.getByRole('button', { name: /^Collapse “Theme 2”/ }).click();
    expect(await subs.count()).toBe(all - 2);
    expect(await themeLink(page, 'Theme 2 a').count()).toBe(0);
    await page.reload();
    await page.locator('li.passage').first().waitFor();
    expect(await themeLink(page, 'Theme 2 a').count()).toBe(0);
    await page.getByRole('button', { name: 'Collapse all' }).click();
    expect(await subs.count()).toBe(0);
    await snap(page, 'bulk-collapsed');
    await page.getByRole('button', { name: 'Expand all' }).click();
    expect(await subs.count()).toBe(all);
  });

  it('makes a sub-theme top-level, then moves it under another theme', async () => {
    await themeLink(page, 'Theme 3 a').click();
    await page.getByRole('button', { name: 'Make top-level' }).click();
    await snap(page, 'bulk-make-top-level');
    await page.locator('dialog[open]').getByRole('button', { name: 'Make top-level' }).click();
    await atRevision(page, excludedCount + 3);
    expect((await themeNamed(app, 'Theme 3 a')).parentId).toBeNull();
    expect(await page.locator('li.theme-item.selected').getAttribute('class')).not.toContain('sub');
    await page.getByRole('button', { name: 'Move under…' }).click();
    await page.locator('dialog[open] .picker button', { hasText: /^Theme 5\d/ }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Move', exact: true }).click();
    await atRevision(page, excludedCount + 4);
    const theme5 = await themeNamed(app, 'Theme 5');
    expect((await themeNamed(app, 'Theme 3 a')).parentId).toBe(theme5.id);
    expect(await page.locator('.crumb').textContent()).toBe('Sub-theme of Theme 5');
  });

  it('drags a sub-theme to the top-level drop zone', async () => {
    // The zone shows once a drag starts, at the top of the tree: a drag by hand, step by step.
    await themeLink(page, 'Theme 6 b').hover();
    await page.mouse.down();
    await page.mouse.move(200, 300, { steps: 5 });
    const zone = page.locator('.drop-zone.top-level');
    await zone.waitFor();
    await snap(page, 'bulk-drag-zone');
    await zone.hover();
    await page.mouse.up();
    await page.locator('dialog[open]').getByRole('button', { name: 'Make top-level' }).click();
    await atRevision(page, excludedCount + 5);
    expect((await themeNamed(app, 'Theme 6 b')).parentId).toBeNull();
  });

  it('puts a theme under another by dropping it with Shift held', async () => {
    // Shift pressed once the drag has started, as a user would.
    await themeLink(page, 'Theme 6 b').hover();
    await page.mouse.down();
    await page.mouse.move(200, 300, { steps: 5 });
    await page.keyboard.down('Shift');
    await themeLink(page, 'Theme 10').hover();
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const dialog = page.locator('dialog[open]');
    expect(await dialog.locator('h2').textContent()).toBe('Move under another theme');
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await atRevision(page, excludedCount + 6);
    const theme10 = await themeNamed(app, 'Theme 10');
    expect((await themeNamed(app, 'Theme 6 b')).parentId).toBe(theme10.id);
  });

  it('approves a theme with its sub-themes in one request', async () => {
    await themeLink(page, 'Theme 8').click();
    await page.getByRole('button', { name: 'Approve with its 2 sub-themes' }).click();
    await atRevision(page, excludedCount + 9);
    const themes = (await state(app)).themes.filter((t) => t.label.startsWith('Theme 8'));
    expect(themes.map((t) => [t.label, t.approved])).toEqual([
      ['Theme 8', true],
      ['Theme 8 a', true],
      ['Theme 8 b', true],
    ]);
    expect(await page.getByRole('button', { name: /^Approve with/ }).count()).toBe(0);
  });

  it('approves and goes to the next theme not approved, in tree order', async () => {
    await themeLink(page, 'Theme 7').click();
    await page.getByRole('button', { name: 'Approve and next →' }).click();
    await atRevision(page, excludedCount + 10);
    await expect.poll(() => page.locator('.label-edit').inputValue()).toBe('Theme 7 a');
    await themeLink(page, 'Theme 7 b').click();
    await page.getByRole('button', { name: 'Approve and next →' }).click();
    await atRevision(page, excludedCount + 11);
    // Theme 8 and its sub-themes are approved already: the next is Theme 9.
    await expect.poll(() => page.locator('.label-edit').inputValue()).toBe('Theme 9');
  });

  it('splits passages of a sub-theme into a new top-level theme', async () => {
    await themeLink(page, 'Theme 9 a').click();
    await rows(page).first().locator('input[type=checkbox]').click();
    await rows(page)
      .nth(2)
      .locator('input[type=checkbox]')
      .click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Split into a new theme…' }).click();
    const dialog = page.locator('dialog[open]');
    expect(await dialog.locator('h2').textContent()).toBe(
      'Split 3 passages off “Theme 9 > Theme 9 a”',
    );
    await dialog.locator('input[type=text]').fill('Ferries');
    await dialog.getByLabel('as a new top-level theme').check();
    await snap(page, 'bulk-split-dialog');
    await dialog.getByRole('button', { name: 'Split' }).click();
    await atRevision(page, excludedCount + 12);
    const ferries = await themeNamed(app, 'Ferries');
    expect(ferries.parentId).toBeNull();
    expect(ferries.passageCount).toBe(3);
    await snap(page, 'bulk-after-split');
    expect(page.errors).toEqual([]);
  });
});
