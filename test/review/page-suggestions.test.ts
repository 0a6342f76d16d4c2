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
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id ?? ''));
}

describe('review page in Chromium: suggestions learned from corrections', () => {
  let app: FixtureApp;
  let browser: Browser;
  let page: Page & { errors: string[] };

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
    await atRevision(page, 1);

    const ids = await suggested(page);
    expect(ids).toEqual(expect.arrayContaining(NOISE.slice(1)));
    expect(ids).not.toContain('101#1');
    await expect
      .poll(() => panel(page).locator('h2').textContent())
      .toBe(`${ids.length} more passages look like this one`);
    expect(await panel(page).locator('li.suggestion input:not(:checked)').count()).toBe(0);
    await snap(page, 'suggestions-panel');

    await panel(page).locator('li.suggestion[data-id="105#1"] input').uncheck();
    const accept = panel(page).locator('button.accept');
    expect(await accept.textContent()).toBe(
      `Move the ${ids.length - 1} ticked to Other ideas (Enter)`,
    );
    await accept.click();
    await atRevision(page, 2);
    const ticked = ids.filter((id) => id !== '105#1');
    const log = await readLog(app);
    expect(log.decisions.map((d) => d.action)).toEqual([
      { kind: 'move', passages: ['101#1'], to: null },
      { kind: 'move', passages: ticked, to: null },
    ]);
    await expect
      .poll(() => panel(page).locator('.suggestions-note').textContent())
      .toBe(`Moved ${ticked.length} passages to Other ideas (Ctrl+Z undoes it).`);
    expect(themeOf(app, '105#1').id).toBe(home.id);

    await page.getByRole('button', { name: '↶ Undo' }).click();
    await atRevision(page, 3);
    for (const id of ticked) expect(themeOf(app, id).id).not.toBeNull();
    expect(app.session.state().other.passageIds).toEqual(['101#1']);
    expect(page.errors).toEqual([]);
  });
});
