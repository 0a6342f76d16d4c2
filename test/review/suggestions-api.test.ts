import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { createReviewApp } from '../../pipeline/review/app.js';
import { passageSpaceOf } from '../../pipeline/review/passage-space.js';
import { openReviewSession, type ReviewSession } from '../../pipeline/review/session.js';
import type { MisfitView, StateView, SuggestionView } from '../../pipeline/review/views.js';
import type { RunOptions } from '../../pipeline/runner.js';
import { copyFixture } from '../helpers/cli.js';
import { createCollectingLogger } from '../helpers/context.js';
import { FIXED_DATE } from '../helpers/runs.js';

const TOKEN = 'suggestions-test-token-0123456789abcdef';

describe('suggestion API', () => {
  let session: ReviewSession;
  let request: (path: string, body?: unknown) => Promise<Response>;
  let state: StateView;

  beforeAll(async () => {
    const dir = await copyFixture('synthesis');
    const run: RunOptions = {
      configPath: join(dir, 'consultation.yaml'),
      outDir: join(dir, 'out'),
      cacheDir: defaultCacheDir(process.env),
      logger: createCollectingLogger(),
      date: FIXED_DATE,
      holdsLock: true,
    };
    session = await openReviewSession(run);
    const { app } = createReviewApp(session, {
      token: TOKEN,
      hosts: null,
      reviewer: null,
      run,
      assets: new Map(),
    });
    request = (path, body) =>
      Promise.resolve(
        app.request(path, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    state = (await (await request('/api/state')).json()) as StateView;
  }, 120_000);

  const theme = (label: string) => {
    const found = state.themes.find((t) => t.label === label);
    if (!found) throw new Error(`no theme ${label}: ${state.themes.map((t) => t.label)}`);
    return found;
  };

  const suggest = async (body: unknown) => {
    const response = await request('/api/suggestions', body);
    return {
      status: response.status,
      body: (await response.json()) as { items: SuggestionView[] },
    };
  };
  const misfits = async (themeId: string) =>
    ((await (await request(`/api/misfits?theme=${themeId}`)).json()) as { items: MisfitView[] })
      .items;
  const decide = async (actions: unknown[]) => {
    const revision = session.revision();
    const response = await request('/api/decisions', { revision, actions });
    expect(response.status).toBe(200);
    state = (await response.json()) as StateView;
  };

  it('suggests the passages that look like those moved, best first, from elsewhere only', async () => {
    const bus = theme('Bus');
    // A bus fare passage sits in "Students"; moved to "Bus", its twin about bus passes follows.
    await decide([{ kind: 'move', passages: ['3#1'], to: bus.ref }]);
    const { status, body } = await suggest({ like: ['3#1'], target: { theme: bus.id } });
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ id: '12#1', themes: [{ label: 'Students' }] });
    const members = new Set(session.state().themes.find((t) => t.id === bus.id)?.passageIds);
    for (const item of body.items) {
      expect(item.id).not.toBe('3#1');
      expect(members.has(item.id)).toBe(false);
    }
    const similarities = body.items.map((item) => item.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    // Parks passages look nothing like a bus fare: the list is not the top 20 of anything.
    expect(body.items.some((item) => item.themes.some((t) => t.label === 'Parks'))).toBe(false);
  });

  it('leaves out what was accepted and what is excluded', async () => {
    const bus = theme('Bus');
    await decide([{ kind: 'move', passages: ['12#1'], to: bus.ref }]);
    await decide([{ kind: 'exclude', target: { passage: '31#1' }, reason: 'spam', note: '' }]);
    const { body } = await suggest({ like: ['3#1'], target: { theme: bus.id }, limit: 200 });
    const ids = body.items.map((item) => item.id);
    expect(ids).not.toContain('12#1');
    expect(ids).not.toContain('31#1');
  });

  it('finds a passage moved into the wrong theme among its misfits', async () => {
    const parks = theme('Parks');
    await decide([{ kind: 'move', passages: ['29#1'], to: parks.ref }]);
    const found = await misfits(parks.id);
    expect(found[0]).toMatchObject({ id: '29#1', better: { label: 'Rents' } });
    for (const item of found) expect(item.similarity).toBeGreaterThan(-1);
    const rents = await misfits(theme('Rents').id);
    expect(rents.map((item) => item.id)).not.toContain('29#1');
  });

  it('loads the vectors once per session, on the first request', async () => {
    const session2 = { ...session };
    expect(passageSpaceOf(session)).toBe(passageSpaceOf(session));
    expect(passageSpaceOf(session2)).not.toBe(passageSpaceOf(session));
    expect((await passageSpaceOf(session)).rowOf.size).toBe(session.facts.passageIds.length);
  });

  it('answers 404 for an unknown passage or theme and 400 for an invalid request', async () => {
    const bus = theme('Bus');
    expect((await suggest({ like: ['nope#1'], target: { theme: bus.id } })).status).toBe(404);
    expect((await suggest({ like: ['3#1'], target: { theme: 'nope' } })).status).toBe(404);
    expect((await suggest({ like: [], target: { theme: bus.id } })).status).toBe(400);
    expect((await suggest({ like: ['3#1'], target: { other: true }, limit: 201 })).status).toBe(
      400,
    );
    expect((await request('/api/misfits?theme=nope')).status).toBe(404);
    expect((await request(`/api/misfits?theme=${bus.id}&limit=0`)).status).toBe(400);
    const other = await suggest({ like: ['3#1'], target: { other: true } });
    expect(other.status).toBe(200);
  });
});
