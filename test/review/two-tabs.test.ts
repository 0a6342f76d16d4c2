import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateView, ThemeView } from '../../pipeline/review/views.js';
import type { ReviewLog } from '../../schemas/review.js';
import { launchChromium, openApp, snap } from './browser.js';
import { type FixtureApp, startFixtureApp } from './review-app.js';

const VIEWPORT = { width: 1280, height: 720 };

/** The page's session storage, as the scripts run in the page see it. */
declare const sessionStorage: {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

async function atRevision(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`body[data-revision="${n}"]`);
}

async function readLog(app: FixtureApp): Promise<ReviewLog> {
  return JSON.parse(await readFile(join(app.out, 'review.json'), 'utf8')) as ReviewLog;
}

async function topThemes(app: FixtureApp): Promise<ThemeView[]> {
  const state = (await (await app.api('/api/state')).json()) as StateView;
  return state.themes.filter((t) => t.parentId === null);
}

/** Shows a theme by clicking it in the tree. */
async function showTheme(page: Page, theme: ThemeView): Promise<void> {
  await page.locator(`li[data-theme="${theme.id}"] .theme-link`).first().click();
  await page
    .locator('.label-edit')
    .and(page.locator(`[value="${theme.label}"]`))
    .waitFor();
  await page.locator('li.passage').first().waitFor();
}

/** Whether two boxes share any area. */
function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('review page in Chromium: two tabs, two people', () => {
  let app: FixtureApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startFixtureApp();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: VIEWPORT });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lands a rename in one tab and a move on another theme in the other; Ctrl+Z undoes only the own tab’s', async () => {
    const [first, second, third] = await topThemes(app);
    if (!first || !second || !third) throw new Error('fewer than three top-level themes');
    const a = await openApp(context, app);
    const b = await openApp(context, app);
    await a.locator('.label-edit').fill('Getting around');
    await a.locator('.label-edit').press('Enter');
    await atRevision(a, 1);
    // Tab B still shows revision 0, and moves a passage of another theme.
    await showTheme(b, second);
    const row = b.locator('li.passage').first();
    const moved = await row.getAttribute('data-id');
    await row.focus();
    await b.keyboard.press('Space');
    await b.keyboard.press('m');
    await b.locator('dialog[open] .picker-filter').fill(third.label);
    await b.locator('dialog[open] .picker-filter').press('Enter');
    await atRevision(b, 2);
    expect(await b.locator('.notice.error').count()).toBe(0);
    // B sees A's name too, and its undo names its own move.
    await b
      .locator(`li[data-theme="${first.id}"] .theme-name`, { hasText: 'Getting around' })
      .waitFor();
    expect(await b.getByRole('button', { name: '↶ Undo' }).getAttribute('title')).toMatch(
      /^Undo: 1 passages? moved to "/,
    );
    await snap(b, 'two-tabs-both-landed');
    await b.locator('.passage-list').click({ position: { x: 5, y: 5 } });
    await b.keyboard.press('Control+z');
    await atRevision(b, 3);
    const log = await readLog(app);
    expect(log.decisions.map((d) => d.action.kind)).toEqual(['rename', 'move', 'undo']);
    expect(log.decisions[2]?.action).toEqual({ kind: 'undo', decision: 2 });
    expect(new Set(log.decisions.map((d) => d.tab)).size).toBe(2);
    expect(log.decisions[2]?.tab).toBe(log.decisions[1]?.tab);
    // The passage is back; A's rename stands, and B has nothing else of its own to undo.
    await b.locator(`li.passage[data-id="${moved}"]`).waitFor();
    expect(await b.locator(`li[data-theme="${first.id}"] .theme-name`).textContent()).toBe(
      'Getting around',
    );
    expect(await b.getByRole('button', { name: '↶ Undo' }).isDisabled()).toBe(true);
    expect(await b.getByRole('button', { name: '↷ Redo' }).getAttribute('title')).toMatch(
      /^Redo: 1 passages? moved to "/,
    );
    // After a reload (same tab id), A still has its rename to undo.
    await a.reload();
    await a.locator('li.passage').first().waitFor();
    expect(await a.getByRole('button', { name: '↶ Undo' }).getAttribute('title')).toBe(
      `Undo: "${first.label}" renamed "Getting around" (Ctrl+Z)`,
    );
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.close();
    await b.close();
  });

  it('refuses a real conflict in one sentence naming it, shown where it covers nothing', async () => {
    const a = await openApp(context, app);
    const b = await openApp(context, app);
    const revision = Number(await a.locator('body').getAttribute('data-revision'));
    await a.locator('.label-edit').fill('Moving about');
    await a.locator('.label-edit').press('Enter');
    await atRevision(a, revision + 1);
    await b.getByRole('button', { name: 'Approve', exact: true }).click();
    const notice = b.locator('.notice.error span');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      'Not recorded: "Getting around" was changed in another tab ("Getting around" renamed "Moving about") since your page loaded',
    );
    await atRevision(b, revision + 1);
    expect(await b.locator('.label-edit').inputValue()).toBe('Moving about');
    const box = await b.locator('.notice.error').boundingBox();
    const weeks = await b.locator('.theme-header .weeks').boundingBox();
    const header = await b.locator('.theme-header').boundingBox();
    if (!box || !weeks || !header) throw new Error('notice, week bars or header not drawn');
    expect(overlaps(box, weeks)).toBe(false);
    expect(overlaps(box, header)).toBe(false);
    await snap(b, 'two-tabs-conflict');
    await a.close();
    await b.close();
  });
});

describe('review page in Chromium: a duplicated tab', () => {
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

  it('takes a new tab id when another open tab holds the one it was copied with', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    // As "Duplicate tab" does: every page starts with the same tab id in sessionStorage.
    // Scripts as strings: the tests compile without the DOM library.
    await context.addInitScript(
      "if (!sessionStorage.getItem('brief-review-tab')) sessionStorage.setItem('brief-review-tab', 'copied-tab');",
    );
    const original = await openApp(context, app);
    await original.getByRole('button', { name: 'Approve', exact: true }).click();
    await atRevision(original, 1);
    const copy = await openApp(context, app);
    await copy.waitForFunction("sessionStorage.getItem('brief-review-tab') !== 'copied-tab'");
    // Its own state, once loaded with the new id, offers nothing to undo.
    await copy.locator('.history button:disabled', { hasText: 'Undo' }).waitFor();
    await original.reload();
    await original.locator('li.passage').first().waitFor();
    expect(await original.evaluate("sessionStorage.getItem('brief-review-tab')")).toBe(
      'copied-tab',
    );
    expect(await original.getByRole('button', { name: '↶ Undo' }).isDisabled()).toBe(false);
    expect([...original.errors, ...copy.errors]).toEqual([]);
  });
});

describe('review page in Chromium: the reviewer’s name without --reviewer', () => {
  let app: FixtureApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startFixtureApp(undefined, { reviewer: null });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks once per browser, shows the name in the top bar and records it with each decision', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const first = await openApp(context, app);
    const dialog = first.locator('dialog[open]', { hasText: 'Who is reviewing?' });
    await dialog.waitFor();
    await snap(first, 'reviewer-name-prompt');
    await dialog.locator('input').fill('Ana');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await first.locator('.topbar .reviewer', { hasText: 'Reviewer: Ana' }).waitFor();
    const second = await openApp(context, app);
    await second.locator('.topbar .reviewer', { hasText: 'Reviewer: Ana' }).waitFor();
    expect(await second.locator('dialog[open]').count()).toBe(0);
    await second.getByRole('button', { name: 'Approve', exact: true }).click();
    await atRevision(second, 1);
    await snap(second, 'reviewer-name-shown');
    expect((await readLog(app)).decisions.map((d) => d.reviewer)).toEqual(['Ana']);
    // Another browser is asked again.
    const other = await openApp(browser, app, VIEWPORT);
    await other.locator('dialog[open]', { hasText: 'Who is reviewing?' }).waitFor();
    expect([...first.errors, ...second.errors, ...other.errors]).toEqual([]);
  });
});
