import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorView, PassagePage, StateView, ThemeView } from '../../pipeline/review/views.js';
import type { ReviewAction, ReviewLog } from '../../schemas/review.js';
import { type FixtureApp, startFixtureApp } from './review-app.js';

/** Two people (or tabs) on one review through the API: per-theme conflicts, per-tab undo. */
describe('review app API: two tabs, two reviewers', () => {
  let app: FixtureApp;
  let noName: FixtureApp;

  beforeAll(async () => {
    app = await startFixtureApp();
    noName = await startFixtureApp(undefined, { reviewer: null });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await noName?.close();
  });

  const stateOf = async (target: FixtureApp, tab?: string) =>
    (await (await target.api(`/api/state${tab ? `?tab=${tab}` : ''}`)).json()) as StateView;
  const post = (target: FixtureApp, body: object) =>
    target.api('/api/decisions', { method: 'POST', body: JSON.stringify(body) });
  const log = async (target: FixtureApp) =>
    JSON.parse(await readFile(join(target.out, 'review.json'), 'utf8')) as ReviewLog;
  const topLevel = (state: StateView) => state.themes.filter((t) => t.parentId === null);
  const firstPassage = async (target: FixtureApp, theme: ThemeView) => {
    const page = (await (
      await target.api(`/api/passages?in=theme&theme=${encodeURIComponent(theme.id)}&limit=1`)
    ).json()) as PassagePage;
    return page.items[0]?.id ?? '';
  };

  it('lands decisions on different themes taken on the same old revision, and refuses a conflicting one naming it', async () => {
    const seen = await stateOf(app);
    const [sports, drugs, third] = topLevel(seen);
    if (!sports || !drugs || !third) throw new Error('fewer than three top-level themes');
    const rename: ReviewAction = { kind: 'rename', theme: sports.ref, label: 'Leisure' };
    const passage = await firstPassage(app, drugs);
    const move: ReviewAction = { kind: 'move', passages: [passage], to: third.ref };
    const a = await post(app, { revision: seen.revision, actions: [rename], tab: 'A' });
    expect(a.status).toBe(200);
    const b = await post(app, { revision: seen.revision, actions: [move], tab: 'B' });
    expect(b.status).toBe(200);
    const approve: ReviewAction = { kind: 'approve', theme: sports.ref, approved: true };
    const c = await post(app, { revision: seen.revision, actions: [approve], tab: 'B' });
    expect(c.status).toBe(409);
    const error = (await c.json()) as ErrorView;
    expect(error.error).toBe(
      `Not recorded: "${sports.label}" was changed in another tab ("${sports.label}" renamed "Leisure") since your page loaded`,
    );
    expect(error.revision).toBe(seen.revision + 2);
    const written = (await log(app)).decisions.slice(-2);
    expect(written.map((d) => [d.action.kind, d.tab])).toEqual([
      ['rename', 'A'],
      ['move', 'B'],
    ]);
    // The same passage moved again from the old revision conflicts on the passage's themes.
    const again = await post(app, {
      revision: seen.revision,
      actions: [{ kind: 'move', passages: [passage], to: sports.ref }],
      tab: 'C',
    });
    expect(again.status).toBe(409);
  });

  it('lands two requests sent at the same time on different themes', async () => {
    const seen = await stateOf(app);
    const [, second, third] = topLevel(seen);
    if (!second || !third) throw new Error('fewer than three top-level themes');
    const note = (theme: ThemeView, tab: string) =>
      post(app, {
        revision: seen.revision,
        actions: [{ kind: 'note', theme: theme.ref, text: `from ${tab}` }],
        tab,
      });
    const answers = await Promise.all([note(second, 'E'), note(third, 'F')]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const last = (await log(app)).decisions.slice(-2);
    expect(last.map((d) => d.tab).sort()).toEqual(['E', 'F']);
    expect(last.map((d) => d.n)).toEqual([seen.revision + 1, seen.revision + 2]);
  });

  it('gives each tab the undo and redo of its own decisions only', async () => {
    const forA = await stateOf(app, 'A');
    const forB = await stateOf(app, 'B');
    const entries = (await log(app)).decisions;
    const renameN = entries.find((d) => d.tab === 'A')?.n;
    const moveN = entries.find((d) => d.tab === 'B')?.n;
    expect(forA.undo).toEqual({
      decision: renameN,
      detail: expect.stringMatching(/renamed "Leisure"/),
    });
    expect(forB.undo?.decision).toBe(moveN);
    expect((await stateOf(app, 'C')).undo).toBeNull();
    // B may not undo A's rename; B's undo takes back B's move and offers it to redo.
    const wrong = await post(app, {
      revision: forB.revision,
      actions: [{ kind: 'undo', decision: renameN }],
      tab: 'B',
    });
    expect(wrong.status).toBe(404);
    const undo = await post(app, {
      revision: forB.revision,
      actions: [{ kind: 'undo', decision: moveN }],
      tab: 'B',
    });
    expect(undo.status).toBe(200);
    const after = (await undo.json()) as StateView;
    expect(after.redo).toEqual({ decision: moveN, detail: expect.stringMatching(/moved to "/) });
    expect(after.themes.some((t) => t.label === 'Leisure')).toBe(true);
    expect((await stateOf(app, 'A')).undo?.decision).toBe(renameN);
  });

  it('records the name each browser gives when the app has none, and the app’s name when it has one', async () => {
    const seen = await stateOf(noName, 'A');
    expect(seen.reviewer).toBeNull();
    const [one, two] = topLevel(seen);
    if (!one || !two) throw new Error('fewer than two top-level themes');
    const approve = (theme: ThemeView, reviewer: string, tab: string) =>
      post(noName, {
        revision: seen.revision,
        actions: [{ kind: 'approve', theme: theme.ref, approved: true }],
        tab,
        reviewer,
      });
    expect((await approve(one, 'Ana', 'A')).status).toBe(200);
    expect((await approve(two, 'Bo', 'B')).status).toBe(200);
    expect((await log(noName)).decisions.map((d) => d.reviewer)).toEqual(['Ana', 'Bo']);
    // Two people are two reviewers in what the brief's methodology reads.
    expect(noName.session.state().review.reviewers).toEqual(['Ana', 'Bo']);
    const named = await post(app, {
      revision: (await stateOf(app)).revision,
      actions: [{ kind: 'note', theme: null, text: 'n' }],
      reviewer: 'Somebody else',
    });
    expect(named.status).toBe(200);
    expect((await log(app)).decisions.at(-1)?.reviewer).toBe('Test reviewer');
  });
});
