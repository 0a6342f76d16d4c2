import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassagePage, StateView } from '../../pipeline/review/views.js';
import { type FixtureApp, rawRequest, startFixtureApp } from './review-app.js';

describe('review app API safety', () => {
  let app: FixtureApp;
  let state: StateView;

  beforeAll(async () => {
    app = await startFixtureApp();
    state = (await (await app.api('/api/state')).json()) as StateView;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('refuses requests without the token or with a wrong one (401)', async () => {
    expect((await fetch(`${app.origin}/api/state`)).status).toBe(401);
    expect((await fetch(`${app.origin}/`)).status).toBe(401);
    expect((await fetch(`${app.origin}/?token=wrong`)).status).toBe(401);
    const wrong = await fetch(`${app.origin}/api/state`, {
      headers: { Authorization: 'Bearer x'.padEnd(33, 'x') },
    });
    expect(wrong.status).toBe(401);
    const posted = await fetch(`${app.origin}/api/decisions`, { method: 'POST', body: '{}' });
    expect(posted.status).toBe(401);
  });

  it('trades the address token for an HttpOnly SameSite=Strict cookie', async () => {
    const login = await fetch(app.url, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/');
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${app.origin}/`, { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect(await page.text()).not.toMatch(/<script>/);
  });

  it('refuses another origin (403), even with the token', async () => {
    const response = await app.api('/api/state', { headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    const auth = { Authorization: `Bearer ${app.token}` };
    const rebound = await rawRequest(`${app.origin}/api/state`, {
      headers: { ...auth, Host: 'evil.example' },
    });
    expect(rebound.status).toBe(403);
    const own = await app.api('/api/state', { headers: { Origin: app.origin } });
    expect(own.status).toBe(200);
  });

  it('refuses an oversized body (413), naming the limit of its route, and an invalid one (400)', async () => {
    const headers = { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' };
    const big = JSON.stringify({ revision: 0, actions: [], pad: 'x'.repeat(1_100_000) });
    const decisions = await rawRequest(`${app.origin}/api/decisions`, {
      method: 'POST',
      headers,
      body: big,
    });
    expect(decisions).toEqual({
      status: 413,
      text: JSON.stringify({
        error: 'Request too large: /api/decisions takes at most 1,048,576 bytes',
      }),
    });
    const rebuild = await rawRequest(`${app.origin}/api/rebuild`, {
      method: 'POST',
      headers,
      body: 'x'.repeat(2048),
    });
    expect(rebuild).toEqual({
      status: 413,
      text: JSON.stringify({ error: 'Request too large: /api/rebuild takes at most 1,024 bytes' }),
    });
    const invalid = await app.api('/api/decisions', {
      method: 'POST',
      body: JSON.stringify({ revision: 0, actions: [{ kind: 'delete-everything' }] }),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: string }).error).toMatch(/Invalid decision/);
  });

  it('treats path tricks in ids as unknown ids (404), reading no file', async () => {
    const trick = encodeURIComponent('../../etc/passwd');
    for (const path of [
      `/api/passages?in=theme&theme=${trick}`,
      `/api/contribution?passage=${trick}`,
      `/files/${trick}`,
      '/files/..%2F..%2F..%2Fetc%2Fpasswd',
      '/files/consultation.yaml',
      '/../../etc/passwd',
    ]) {
      const response = await app.api(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toMatch(/root:/);
    }
    const ref = { id: '../../etc/passwd', label: 'x', anchor: [] };
    const rename = await app.api('/api/decisions', {
      method: 'POST',
      body: JSON.stringify({ revision: 0, actions: [{ kind: 'rename', theme: ref, label: 'x' }] }),
    });
    expect(rename.status).toBe(404);
    const exclude = await app.api('/api/decisions', {
      method: 'POST',
      body: JSON.stringify({
        revision: 0,
        actions: [
          { kind: 'exclude', target: { passage: '../../etc/passwd' }, reason: 'spam', note: '' },
        ],
      }),
    });
    expect(exclude.status).toBe(404);
    await expect(readFile(join(app.out, 'review.json'))).rejects.toThrow(/ENOENT/);
  });

  it('lists a theme best first and searches across themes', async () => {
    const theme = state.themes[0];
    if (!theme) throw new Error('no theme');
    const page = (await (
      await app.api(`/api/passages?in=theme&theme=${encodeURIComponent(theme.id)}&limit=3`)
    ).json()) as PassagePage;
    expect(page.total).toBe(theme.passageCount);
    const scores = page.items.map((p) => p.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const hits = (await (await app.api('/api/passages?in=all&q=BUS')).json()) as PassagePage;
    expect(hits.total).toBeGreaterThan(0);
    for (const item of hits.items) expect(item.text.toLowerCase()).toContain('bus');
  });

  it('answers a decision on a theme changed since its revision with 409 and the reason', async () => {
    const theme = state.themes[0];
    if (!theme) throw new Error('no theme');
    const decide = (revision: number, label: string) =>
      app.api('/api/decisions', {
        method: 'POST',
        body: JSON.stringify({ revision, actions: [{ kind: 'rename', theme: theme.ref, label }] }),
      });
    expect((await decide(0, 'First name')).status).toBe(200);
    const stale = await decide(0, 'Second name');
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: string }).error).toMatch(
      /^Not recorded: ".+" was changed in another tab \(".+" renamed "First name"\) since your page loaded$/,
    );
    const log = JSON.parse(await readFile(join(app.out, 'review.json'), 'utf8'));
    expect(log.decisions.map((d: { action: { label: string } }) => d.action.label)).toEqual([
      'First name',
    ]);
  });
});
