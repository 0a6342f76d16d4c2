import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassageIdsView, PassagePage, StateView } from '../../pipeline/review/views.js';
import { atRevision, launchChromium, openApp, snap } from './browser.js';
import { type FixtureApp, startCorpusApp, startFixtureApp } from './review-app.js';

/** Each contribution's country (every fifth left blank) and group, by id. */
const country = (id: number) => (id % 5 === 0 ? '' : id % 2 === 1 ? 'Kenya' : 'Ghana');
const group = (id: number) => (id % 3 === 0 ? 'Business' : 'Resident');

/** Adds `country` and `group` columns to the synthesis fixture, read as attributes. */
async function withAttributes(dir: string): Promise<void> {
  const csv = join(dir, 'contributions.csv');
  const lines = (await readFile(csv, 'utf8')).trimEnd().split('\n');
  const rows = lines.map((line, i) => {
    const comma = line.indexOf(',');
    const id = line.slice(0, comma);
    const added = i === 0 ? 'country,group' : `${country(Number(id))},${group(Number(id))}`;
    return `${id},${added}${line.slice(comma)}`;
  });
  await writeFile(csv, `${rows.join('\n')}\n`);
  const config = join(dir, 'consultation.yaml');
  const yaml = await readFile(config, 'utf8');
  await writeFile(
    config,
    yaml.replace(
      '  files: [contributions.csv]\n',
      '  files: [contributions.csv]\n  attributes: [country, group]\n',
    ),
  );
}

async function rowContributions(page: Page): Promise<number[]> {
  const ids = await page
    .locator('li.passage')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? ''));
  return ids.map((id) => Number(id.split('#')[0]));
}

async function apiIds(app: FixtureApp, params: Record<string, string>): Promise<PassageIdsView> {
  const response = await app.api(`/api/passage-ids?${new URLSearchParams(params)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as PassageIdsView;
}

async function apiPage(app: FixtureApp, params: Record<string, string>): Promise<PassagePage> {
  const response = await app.api(`/api/passages?${new URLSearchParams(params)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as PassagePage;
}

describe('review page in Chromium: the attribute filter', () => {
  let app: FixtureApp;
  let bare: FixtureApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, bare] = await Promise.all([startFixtureApp(withAttributes), startCorpusApp(200)]);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await bare?.close();
  });

  it('narrows the list, the counts and the search to one country, from the keyboard', async () => {
    const page = await openApp(browser, app);
    const state = (await (await app.api('/api/state')).json()) as StateView;
    const first = state.themes[0];
    if (!first) throw new Error('no theme');
    const countrySelect = page.getByRole('combobox', { name: 'country' });
    expect(await countrySelect.locator('option').allTextContents()).toEqual([
      'All',
      ...(state.attributes[0]?.values.map((v) => `${v.value} (${v.passages})`) ?? []),
    ]);
    expect(state.attributes.map((a) => a.name)).toEqual(['country', 'group']);
    await expect.poll(() => page.getByRole('combobox', { name: 'group' }).count()).toBe(1);

    // Kenya is the first value after "All": one arrow key picks it.
    const kenyaFirst = state.attributes[0]?.values[0]?.value === 'Kenya';
    await countrySelect.focus();
    await page.keyboard.press(kenyaFirst ? 'ArrowDown' : 'End');
    if (!kenyaFirst) await countrySelect.selectOption('Kenya');
    expect(await countrySelect.inputValue()).toBe('Kenya');
    const where = JSON.stringify({ country: 'Kenya' });
    const expected = await apiIds(app, { in: 'theme', theme: first.id, where });
    await page.locator('.count.filtered').first().waitFor();
    await expect
      .poll(() => page.locator('.selection-bar strong').textContent())
      .toBe(`${expected.total} passage${expected.total === 1 ? '' : 's'}`);
    const shown = await rowContributions(page);
    expect(shown.length).toBe(Math.min(expected.total, 50));
    expect(shown.every((id) => country(id) === 'Kenya')).toBe(true);
    const all = await apiIds(app, { in: 'theme', theme: first.id });
    expect(expected.total).toBeLessThan(all.total);
    const firstCount = page.locator(`li[data-theme="${first.id}"] .count`).first();
    expect(await firstCount.textContent()).toBe(String(expected.total));
    expect(await firstCount.getAttribute('title')).toBe(
      `${expected.total} of ${all.total} passages match the filter`,
    );
    expect(await page.locator('.selection-bar .filter-note').textContent()).toBe(
      'of respondents with country: Kenya',
    );
    await snap(page, 'attribute-filter');

    // The list's keys still work under the filter.
    await page.locator('li.passage').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('li.passage:focus').getAttribute('data-id')).toBe(
      await page.locator('li.passage').nth(1).getAttribute('data-id'),
    );

    // A decision under the filter: the tree's filtered counts follow it.
    await page.locator('li.passage').first().locator('select.exclude').selectOption('off-topic');
    await atRevision(page, 1);
    const excludedCount = page.locator('.tree.lists li').nth(1).locator('.count');
    await expect.poll(() => excludedCount.textContent()).toBe('1');
    await expect.poll(() => firstCount.textContent()).toBe(String(expected.total - 1));

    // A search is narrowed too.
    await page.getByRole('searchbox', { name: 'Search all passages' }).fill('bus');
    await page.keyboard.press('Enter');
    // The list of a search shows excluded passages too (its select-all leaves them out).
    const hits = await apiPage(app, { in: 'all', q: 'bus', where });
    const everyHit = await apiPage(app, { in: 'all', q: 'bus' });
    expect(hits.total).toBeGreaterThan(0);
    expect(hits.total).toBeLessThan(everyHit.total);
    await expect
      .poll(() => page.locator('.selection-bar strong').textContent())
      .toBe(`${hits.total} passage${hits.total === 1 ? '' : 's'}`);
    expect((await rowContributions(page)).every((id) => country(id) === 'Kenya')).toBe(true);
    await snap(page, 'attribute-filter-search');

    // "All" lifts the filter: every hit again, and the tree's own counts.
    await countrySelect.selectOption('');
    await expect
      .poll(() => page.locator('.selection-bar strong').textContent())
      .toBe(`${everyHit.total} passage${everyHit.total === 1 ? '' : 's'}`);
    expect(await page.locator('.count.filtered').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('shows no filter when the contributions carry no attributes', async () => {
    const page = await openApp(browser, bare);
    expect(await page.locator('.filters').isHidden()).toBe(true);
    expect(await page.locator('select.attribute-filter').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('refuses a where that is not an object of values', async () => {
    const response = await app.api('/api/passages?in=other&where=Kenya');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'Invalid where: expected a JSON object of attribute values',
    });
  });
});
