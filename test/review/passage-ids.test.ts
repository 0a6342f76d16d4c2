import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorView, PassageIdsView, StateView } from '../../pipeline/review/views.js';
import { REVIEW_LIMITS } from '../../schemas/review.js';
import { type FixtureApp, startCorpusApp } from './review-app.js';

async function json<T>(response: Promise<Response>): Promise<{ status: number; body: T }> {
  const answer = await response;
  return { status: answer.status, body: (await answer.json()) as T };
}

describe('GET /api/passage-ids and nest decisions through the API', () => {
  let app: FixtureApp;

  beforeAll(async () => {
    // One more passage than a decision may name, so that "select all" of everything is capped.
    app = await startCorpusApp(REVIEW_LIMITS.passages + 1);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  const state = async () => (await json<StateView>(app.api('/api/state'))).body;
  const decide = async (actions: unknown[]) =>
    json<StateView | ErrorView>(
      app.api('/api/decisions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ revision: (await state()).revision, actions }),
      }),
    );

  it('gives every id of a theme, in the list order, across pages', async () => {
    const theme = (await state()).themes[0];
    if (!theme) throw new Error('no theme');
    const { status, body } = await json<PassageIdsView>(
      app.api(`/api/passage-ids?in=theme&theme=${theme.id}`),
    );
    expect(status).toBe(200);
    expect(body.total).toBe(theme.passageCount);
    expect(body.ids).toEqual(app.session.state().themes[0]?.passageIds);
    expect((await app.api('/api/passage-ids?in=theme&theme=nope')).status).toBe(404);
    expect((await app.api('/api/passage-ids?in=elsewhere')).status).toBe(404);
  });

  it('caps the ids at the most one decision takes, and says how many there are', async () => {
    const { body } = await json<PassageIdsView>(app.api('/api/passage-ids?in=all'));
    expect(body.total).toBe(REVIEW_LIMITS.passages + 1);
    expect(body.ids).toHaveLength(REVIEW_LIMITS.passages);
  });

  it('leaves excluded passages out of the ids of a search', async () => {
    const before = (await json<PassageIdsView>(app.api('/api/passage-ids?in=all&q=river'))).body;
    const gone = before.ids[0] ?? '';
    const excluded = await decide([
      { kind: 'exclude', target: { passage: gone }, reason: 'spam', note: '' },
    ]);
    expect(excluded.status).toBe(200);
    const after = (await json<PassageIdsView>(app.api('/api/passage-ids?in=all&q=river'))).body;
    expect(after.total).toBe(before.total - 1);
    expect(after.ids).not.toContain(gone);
  });

  it('refuses a nesting the tree cannot take, and records one it can', async () => {
    const { themes } = await state();
    const [top, sub, other] = [themes[0], themes[1], themes[3]];
    if (!top || !sub || !other) throw new Error('too few themes');
    const refused = [
      [{ kind: 'nest', theme: top.ref, under: other.ref }, 'has sub-themes'],
      [{ kind: 'nest', theme: other.ref, under: sub.ref }, 'is a sub-theme'],
      [{ kind: 'nest', theme: other.ref, under: other.ref }, 'cannot go under itself'],
      [{ kind: 'nest', theme: top.ref, under: null }, 'already top-level'],
    ] as const;
    for (const [action, message] of refused) {
      const { status, body } = await decide([action]);
      expect(status).toBe(404);
      expect((body as ErrorView).error).toContain(message);
    }
    const nested = await decide([{ kind: 'nest', theme: sub.ref, under: other.ref }]);
    expect(nested.status).toBe(200);
    const moved = (nested.body as StateView).themes.find((t) => t.id === sub.id);
    expect(moved?.parentId).toBe(other.id);
  });
});
