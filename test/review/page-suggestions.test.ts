import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atRevision, launchChromium, openApp, snap } from './browser.js';
import { type FixtureApp, readLog, startFixtureApp } from './review-app.js';

/**
 * Passages that look alike, added to the synthesis fixture: five on night noise from the high
 * street's bars, one on the night bus (written under the "live" question, so it is found away
 * from the bus theme), three spam adverts.
 */
const ALIKE_ROWS = `101,b1,Ada Noor,2024-03-05,live,12,2,Noise from the bars on the high street keeps residents awake every night of the week.
102,b2,Ben Noor,2024-03-06,live,10,3,The late night noise from bars and clubs on the high street makes it impossible to sleep.
103,b3,Cy Noor,2024-03-07,live,9,1,Bars on the high street should close earlier because the noise at night keeps families awake.
104,b4,Di Noor,2024-03-12,live,8,2,Residents near the high street cannot sleep because of noise from the bars late at night.
105,b5,Ed Noor,2024-03-13,live,7,4,Loud music from the bars at night on the high street keeps the whole street awake.
106,b6,Flo Bus,2024-03-12,live,15,2,The night bus should run every ten minutes so people can get home from the city centre.
107,b7,Gus Spam,2024-03-05,live,0,9,Buy cheap watches online today at www.cheap-watch-deals.example with free delivery.
108,b8,Hal Spam,2024-03-06,live,0,8,Cheap watches online with free delivery today only at www.cheap-watch-deals.example.
109,b9,Ivy Spam,2024-03-07,live,0,7,Order cheap watches today with free delivery at www.cheap-watch-deals.example now.
`;
const NOISE = ['101#1', '102#1', '103#1', '104#1', '105#1'];

/** The id and label of the theme holding `passage` now (top-level themes first). */
function themeOf(app: FixtureApp, passage: string): { id: string; label: string } {
  const theme = app.session.state().themes.find((t) => t.passageIds.includes(passage));
  if (!theme) throw new Error(`${passage} is in no theme`);
  return { id: theme.id, label: theme.label };
}

function themeLink(page: Page, label: string) {
  return page.locator('li[data-theme] .theme-link', {
    has: page.locator('.theme-name', { hasText: new RegExp(`^${label}$`) }),
  });
}

const panel = (page: Page) => page.locator('section.suggestions');

async function suggested(page: Page): Promise<string[]> {
  await panel(page).locator('li.suggestion').first().waitFor();
  return panel(page)
    .locator('li.suggestion')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? ''));
}

describe('review page in Chromium: suggestions learned from corrections', () => {
  let app: FixtureApp;
  let browser: Browser;
  let page: Page & { errors: string[] };

  /** Decisions recorded so far: `decided(n)` waits for the page to show `n` more. */
  let revision = 0;
  const decided = async (n = 1) => {
    revision += n;
    await atRevision(page, revision);
  };

  beforeAll(async () => {
    app = await startFixtureApp((dir) => appendFile(join(dir, 'contributions.csv'), ALIKE_ROWS));
    browser = await launchChromium();
    page = await openApp(browser, app, { width: 1280, height: 720 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('offers the passages like a moved one, all ticked, and moves the ticked in one decision', async () => {
    const home = themeOf(app, '101#1');
    await themeLink(page, home.label).click();
    const row = page.locator('li.passage[data-id="101#1"]');
    await row.locator('input[type=checkbox]').check();
    await page.locator('.selection-bar').getByRole('button', { name: 'Move to…' }).click();
    await page.locator('dialog[open] .picker li.other button').click();
    await decided();

    const ids = await suggested(page);
    // The engine judges: at least some of the other noise passages, never the moved one.
    expect(ids.filter((id) => NOISE.includes(id)).length).toBeGreaterThanOrEqual(2);
    expect(ids).not.toContain('101#1');
    const before = new Map(ids.map((id) => [id, themeOf(app, id).id]));
    await expect
      .poll(() => panel(page).locator('h2').textContent())
      .toBe(`${ids.length} more passages look like this one`);
    expect(await panel(page).locator('li.suggestion input:not(:checked)').count()).toBe(0);
    await snap(page, 'suggestions-panel');

    const left = ids.at(-1) ?? '';
    await panel(page).locator(`li.suggestion[data-id="${left}"] input`).uncheck();
    const accept = panel(page).locator('button.accept');
    expect(await accept.textContent()).toBe(
      `Move the ${ids.length - 1} ticked to Other ideas (Enter)`,
    );
    await accept.click();
    await decided();
    const ticked = ids.filter((id) => id !== left);
    const log = await readLog(app);
    expect(log.decisions.map((d) => d.action)).toEqual([
      { kind: 'move', passages: ['101#1'], to: null },
      { kind: 'move', passages: ticked, to: null },
    ]);
    expect(app.session.state().other.passageIds.sort()).toEqual(['101#1', ...ticked].sort());
    await expect
      .poll(() => panel(page).locator('.suggestions-note').textContent())
      .toBe(`Moved ${ticked.length} passages to Other ideas (Ctrl+Z undoes it).`);
    await snap(page, 'suggestions-next-round');

    await page.getByRole('button', { name: '↶ Undo' }).click();
    await decided();
    for (const id of ticked) expect(themeOf(app, id).id).toBe(before.get(id));
    expect(app.session.state().other.passageIds).toEqual(['101#1']);
    expect(page.errors).toEqual([]);
  });

  it('moves "more like this" into the theme shown', async () => {
    const bus = themeOf(app, '1#1');
    await themeLink(page, bus.label).click();
    await page
      .locator('li.passage[data-id="2#1"]')
      .getByRole('button', { name: 'More like this' })
      .click();
    const ids = await suggested(page);
    expect(ids).toContain('106#1');
    const inBus = app.session.state().themes.find((t) => t.id === bus.id)?.passageIds ?? [];
    expect(ids.filter((id) => inBus.includes(id))).toEqual([]);
    for (const id of ids.filter((id) => id !== '106#1'))
      await panel(page).locator(`li.suggestion[data-id="${id}"] input`).uncheck();
    await snap(page, 'suggestions-more-like-this');
    const accept = panel(page).locator('button.accept');
    expect(await accept.textContent()).toBe(
      ids.length === 1
        ? `Move it to “${bus.label}” (Enter)`
        : `Move the ticked one to “${bus.label}” (Enter)`,
    );
    await accept.click();
    await decided();
    const last = (await readLog(app)).decisions.at(-1);
    expect(last?.action).toMatchObject({ kind: 'move', passages: ['106#1'], to: { id: bus.id } });
    expect(themeOf(app, '106#1').id).toBe(bus.id);
  });

  it('offers the passages like an example just pinned, and dismisses them', async () => {
    const parks = themeOf(app, '14#1');
    await themeLink(page, parks.label).click();
    await page
      .locator('li.passage[data-id="14#1"]')
      .getByRole('button', { name: 'Pin as example' })
      .click();
    await decided();
    expect(await suggested(page)).toContain('17#1');
    expect(await panel(page).locator('.suggestions-why').textContent()).toMatch(
      new RegExp(`^Like the example you pinned in “${parks.label}”\\. Best first`),
    );
    await panel(page).getByRole('button', { name: 'Dismiss (Esc)' }).click();
    await expect.poll(() => panel(page).isHidden()).toBe(true);
  });

  it('lists a theme’s passages that fit another theme better, and moves the ticked there', async () => {
    const home = themeOf(app, '17#1');
    const parks = themeOf(app, '14#1');
    await themeLink(page, home.label).click();
    const misfits = page.getByRole('button', { name: 'May fit another theme…' });
    await misfits.click();
    const ids = await suggested(page);
    expect(ids).toContain('17#1');
    expect(await misfits.getAttribute('aria-expanded')).toBe('true');
    const row = panel(page).locator('li.suggestion[data-id="17#1"]');
    expect(await row.locator('.meta').textContent()).toMatch(
      new RegExp(`^fits “${parks.label}” better · similarity \\d\\.\\d\\d`),
    );
    await snap(page, 'suggestions-misfits');
    for (const id of ids.filter((id) => id !== '17#1'))
      await panel(page).locator(`li.suggestion[data-id="${id}"] input`).uncheck();
    await panel(page).locator('button.accept').click();
    await decided();
    const last = (await readLog(app)).decisions.at(-1);
    expect(last?.action).toMatchObject({ kind: 'move', passages: ['17#1'], to: { id: parks.id } });
    expect(themeOf(app, '17#1').id).toBe(parks.id);
    await expect
      .poll(() => panel(page).locator('.suggestions-note').textContent())
      .toBe('Moved 1 passage to its better theme (Ctrl+Z undoes it).');
    // Another list: the theme's misfits close.
    await themeLink(page, parks.label).click();
    await expect.poll(() => panel(page).isHidden()).toBe(true);
  });

  it('goes from a keyboard move to the panel with S, unticks with space, accepts with Enter, dismisses with Escape', async () => {
    await themeLink(page, themeOf(app, '102#1').label).click();
    await page.locator('li.passage[data-id="102#1"]').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('m');
    // No theme is named so: the picker's first choice is Other ideas.
    await page.locator('dialog[open] .picker-filter').fill('Other ideas');
    await page.keyboard.press('Enter');
    await decided();
    const ids = await suggested(page);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const focusIn = async (selector: string) =>
      (await page.locator(`${selector}:focus, ${selector} :focus`).count()) > 0;
    // Offered after a decision, the panel leaves the focus where it was.
    expect(await focusIn('.suggestions')).toBe(false);
    await page.keyboard.press('s');
    expect(await focusIn(`li.suggestion[data-id="${ids[0]}"]`)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await decided();
    const last = (await readLog(app)).decisions.at(-1);
    expect(last?.action).toEqual({
      kind: 'move',
      passages: ids.filter((id) => id !== ids[1]),
      to: null,
    });
    // The next round keeps the focus, and what was unticked stays unticked.
    await expect.poll(() => focusIn('.suggestions')).toBe(true);
    const unticked = panel(page).locator(`li.suggestion[data-id="${ids[1]}"] input`);
    if ((await unticked.count()) > 0) expect(await unticked.isChecked()).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).isHidden()).toBe(true);
    expect(await focusIn('li.passage')).toBe(true);
    // L on a passage: more like it, the focus in the panel.
    await page.keyboard.press('l');
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    await expect.poll(() => focusIn('.suggestions')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).isHidden()).toBe(true);
  });

  it('offers exclusions after one, accepted with A', async () => {
    await themeLink(page, themeOf(app, '107#1').label).click();
    await page.locator('li.passage[data-id="107#1"] select.exclude').selectOption('spam');
    await decided();
    const ids = await suggested(page);
    expect(ids).toContain('108#1');
    expect(await panel(page).locator('button.accept').textContent()).toMatch(
      /^Exclude (it|all \d+) as spam \(Enter\)$/,
    );
    await page.keyboard.press('s');
    await page.keyboard.press('a');
    await decided(ids.length);
    const log = await readLog(app);
    expect(log.decisions.slice(-ids.length).map((d) => d.action)).toEqual(
      ids.map((passage) => ({ kind: 'exclude', target: { passage }, reason: 'spam', note: '' })),
    );
    await page.keyboard.press('Escape');
    // From the excluded list, more like an excluded passage are offered for exclusion too;
    // asked for, the panel says so when there are none.
    await page.locator('.theme-item.view', { hasText: 'Excluded' }).click();
    await page
      .locator('li.passage[data-id="107#1"]')
      .getByRole('button', { name: 'More like this' })
      .click();
    await expect
      .poll(() => panel(page).locator('.suggestions-why').textContent())
      .toMatch(/^Like “Buy cheap watches/);
    const more = await panel(page).locator('li.suggestion').count();
    if (more === 0)
      expect(await panel(page).locator('h2').textContent()).toBe(
        'No more passages look like this one',
      );
    else expect(await panel(page).locator('button.accept').textContent()).toMatch(/as spam/);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).isHidden()).toBe(true);
    expect(page.errors).toEqual([]);
  });
});
