import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewLog } from '../../schemas/review.js';
import { launchChromium, openApp, snap } from './browser.js';
import { type FixtureApp, startFixtureApp } from './review-app.js';

/** Survives cleaning as literal text: the entities decode to markup-like characters. */
const HOSTILE_ROW =
  '99,a99,Mallory,2024-03-06,move,1,1,"<b>Buses</b> should be free &lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt; for every student who rides the bus."\n';
const HOSTILE_NAME = '<img src=x onerror="alert(3)"><script>alert(4)</script>';

async function atRevision(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`body[data-revision="${n}"]`);
}

describe('review page in Chromium: safety and concurrent tabs', () => {
  let app: FixtureApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startFixtureApp((dir) => appendFile(join(dir, 'contributions.csv'), HOSTILE_ROW));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows hostile theme names and contributions as inert text', async () => {
    const page = await openApp(browser, app);
    const label = page.locator('.label-edit');
    await label.fill(HOSTILE_NAME);
    await label.press('Enter');
    await atRevision(page, 1);
    const name = page.locator('li[data-theme] .theme-name').first();
    expect(await name.textContent()).toBe(HOSTILE_NAME);
    await page.locator('input.search').fill('onerror');
    await page.locator('input.search').press('Enter');
    const row = page.locator('li.passage', { hasText: 'should be free' });
    expect(await row.locator('.text').textContent()).toContain(
      '<img src=x onerror=alert(1)> <script>alert(2)</script>',
    );
    await row.getByRole('button', { name: 'Show contribution' }).click();
    expect(await page.locator('dialog[open] .contribution-text').textContent()).toContain(
      '<script>alert(2)</script>',
    );
    await snap(page, 'hostile');
    await page.keyboard.press('Escape');
    // No element came from the texts, no script ran, no dialog opened.
    expect(await page.locator('.passage-list img, .theme-name img, dialog img').count()).toBe(0);
    expect(await page.locator('body script').count()).toBe(0);
    expect(page.errors).toEqual([]);
    // Nothing external: every request went to the app itself.
    expect(page.requests.filter((url) => !url.startsWith(`${app.origin}/`))).toEqual([]);
  });

  it('refuses the second of two tabs acting on a theme the first changed, and loses no decision', async () => {
    const first = await openApp(browser, app);
    const second = await openApp(browser, app);
    const revision = Number(await first.locator('body').getAttribute('data-revision'));
    await first.locator('.label-edit').fill('Getting around');
    await first.locator('.label-edit').press('Enter');
    await atRevision(first, revision + 1);
    await second.getByRole('button', { name: 'Approve', exact: true }).click();
    const notice = second.locator('.notice.error');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /^Not recorded: ".+" was changed in another tab \(".+" renamed "Getting around"\) since your page loaded/,
    );
    // The second tab loads the current state: the first tab's name, nothing approved.
    await atRevision(second, revision + 1);
    expect(await second.locator('.label-edit').inputValue()).toBe('Getting around');
    await snap(second, 'stale-tab');
    await second.getByRole('button', { name: 'Approve', exact: true }).click();
    await atRevision(second, revision + 2);
    const log = JSON.parse(await readFile(join(app.out, 'review.json'), 'utf8')) as ReviewLog;
    expect(log.decisions.slice(-2).map((d) => d.action.kind)).toEqual(['rename', 'approve']);
    expect(first.errors).toEqual([]);
  });
});
