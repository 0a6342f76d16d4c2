// The review app's routes: the page, its JSON API, and the rebuilt brief's files.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DecisionRequest, REVIEW_LIMITS } from '../../schemas/review.js';
import { StaleReviewError } from '../errors.js';
import type { RunOptions } from '../runner.js';
import { formatIssues } from '../zod-issues.js';
import { decisionStates } from './active.js';
import type { PageAssets } from './assets.js';
import { parseAttributeFilter } from './attribute-filter.js';
import { checkActions } from './check-actions.js';
import { requireToken, sameOrigin, securityHeaders } from './guard.js';
import { countPassages, type ListSource, listPassageIds, listPassages } from './listing.js';
import { indexPassages, type PassageIndex } from './passage-index.js';
import { BRIEF_FILES, createRebuilder, type Rebuilder } from './rebuild.js';
import { type ReviewSession, reviewSessionOf } from './session.js';
import { indexState, stateView } from './state-view.js';
import { answerMisfits, answerSuggestions } from './suggest-api.js';
import { warmWording } from './theme-wording.js';
import type { ErrorView } from './views.js';

/** Largest request body the API reads (a decision list), in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Largest body `POST /api/rebuild` reads: it needs none. */
const MAX_REBUILD_BODY_BYTES = 1024;

/** What the app is built from. */
export interface AppOptions {
  /** The access token every request must carry (see `requireToken`). */
  token: string;
  /** Host names requests may be addressed to (loopback binding), or null for any. */
  hosts: ReadonlySet<string> | null;
  reviewer: string | null;
  /** The run "Rebuild the brief" starts. */
  run: RunOptions;
  assets: PageAssets;
}

/** The app and its rebuilder (which the server waits for when it stops). */
export interface ReviewApp {
  app: Hono;
  rebuilder: Rebuilder;
}

/** Builds the review app on a session; a rebuild replaces the session with the rebuilt run's. */
export function createReviewApp(session: ReviewSession, options: AppOptions): ReviewApp {
  let live = { session, passages: indexPassages(session) };
  warmWording(session);
  const rebuilder = createRebuilder(options.run, async (run) => {
    const next = await reviewSessionOf(run);
    live = { session: next, passages: indexPassages(next) };
    warmWording(next);
  });
  const state = (tab: string | undefined) =>
    stateView(live.session, live.passages, options.reviewer, rebuilder.running(), tab);

  const app = new Hono();
  app.use(securityHeaders(), sameOrigin(options.hosts), requireToken(options.token));
  app.onError((error, c) => c.json<ErrorView>({ error: error.message }, 500));
  app.notFound((c) => c.json<ErrorView>({ error: 'Not found' }, 404));

  for (const [path, asset] of options.assets)
    app.get(path, (c) => c.body(asset.body, 200, { 'Content-Type': asset.type }));

  app.get('/api/state', (c) => c.json(state(tabOf(c.req.query('tab')))));
  app.get('/api/passages', (c) => {
    const source = listSource(c);
    const where = parseAttributeFilter(c.req.query('where'));
    if ('error' in where) return c.json<ErrorView>({ error: where.error }, 400);
    const page =
      source &&
      listPassages(indexState(live.session.state()), live.passages, {
        source,
        search: (c.req.query('q') ?? '').slice(0, 500),
        where: where.filter,
        offset: count(c.req.query('offset'), 0),
        limit: count(c.req.query('limit'), 50),
      });
    return page ? c.json(page) : c.json<ErrorView>({ error: 'No such list' }, 404);
  });
  app.get('/api/passage-ids', (c) => {
    const source = listSource(c);
    const where = parseAttributeFilter(c.req.query('where'));
    if ('error' in where) return c.json<ErrorView>({ error: where.error }, 400);
    const ids =
      source &&
      listPassageIds(
        indexState(live.session.state()),
        live.passages,
        { source, search: (c.req.query('q') ?? '').slice(0, 500), where: where.filter },
        REVIEW_LIMITS.passages,
      );
    return ids ? c.json(ids) : c.json<ErrorView>({ error: 'No such list' }, 404);
  });
  app.get('/api/counts', (c) => {
    const where = parseAttributeFilter(c.req.query('where'));
    if ('error' in where) return c.json<ErrorView>({ error: where.error }, 400);
    return c.json(countPassages(indexState(live.session.state()), live.passages, where.filter));
  });
  app.get('/api/contribution', (c) => {
    const view = live.passages.contribution(c.req.query('passage') ?? '');
    return view ? c.json(view) : c.json<ErrorView>({ error: 'No such passage' }, 404);
  });
  app.post('/api/decisions', limitBody(MAX_BODY_BYTES), (c) =>
    decide(c, live.session, live.passages),
  );
  app.post('/api/suggestions', limitBody(MAX_BODY_BYTES), async (c) => {
    const answer = await answerSuggestions(
      live.session,
      live.passages,
      await c.req.json().catch(() => undefined),
    );
    return c.json(answer.body, answer.status);
  });
  app.get('/api/misfits', async (c) => {
    const { theme, limit } = c.req.query();
    const answer = await answerMisfits(live.session, live.passages, theme ?? '', limit);
    return c.json(answer.body, answer.status);
  });
  app.get('/api/rebuild', (c) => c.json(rebuilder.view()));
  app.post('/api/rebuild', limitBody(MAX_REBUILD_BODY_BYTES), (c) =>
    rebuilder.start()
      ? c.json(rebuilder.view(), 202)
      : c.json<ErrorView>({ error: 'The brief is being rebuilt already' }, 409),
  );
  app.get('/files/:name', async (c) => {
    const name = c.req.param('name');
    const type = BRIEF_FILES.get(name);
    if (!type) return c.json<ErrorView>({ error: 'Not found' }, 404);
    const bytes = await readFile(join(live.session.outDir, name)).catch(() => null);
    if (!bytes) return c.json<ErrorView>({ error: `${name} is not built yet` }, 404);
    // The report runs its own inline script: sandboxed, it gets no origin, cookie or API.
    const csp =
      name === 'report.html'
        ? "sandbox allow-scripts allow-popups; default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
        : "default-src 'none'; style-src 'unsafe-inline'";
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': type,
      'Content-Security-Policy': csp,
    });
  });

  async function decide(c: Context, session: ReviewSession, passages: PassageIndex) {
    if (rebuilder.running())
      return c.json<ErrorView>(
        { error: 'The brief is being rebuilt: decide again once it is done' },
        409,
      );
    const body = DecisionRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success)
      return c.json<ErrorView>({ error: `Invalid decision: ${formatIssues(body.error)}` }, 400);
    const { revision, actions, tab } = body.data;
    const problem = checkActions(actions, {
      state: indexState(session.state()),
      passages,
      hasContribution: (id) => session.records.has(id),
      decisions: decisionStates(session.log(), tab),
    });
    if (problem) return c.json<ErrorView>({ error: problem }, 404);
    // The name the app was started with wins over the one the browser was given.
    const reviewer = options.reviewer ?? body.data.reviewer ?? null;
    try {
      await session.decide(actions, revision, reviewer, tab);
    } catch (error) {
      if (error instanceof StaleReviewError) return stale(c, error);
      throw error;
    }
    return c.json(state(tab));
  }

  return { app, rebuilder };
}

function stale(c: Context, error: StaleReviewError) {
  return c.json<ErrorView>({ error: error.message, revision: error.revision }, 409);
}

/** Refuses (413) a body over `maxSize` bytes, naming the limit of the route it was sent to. */
function limitBody(maxSize: number) {
  const onError = (c: Context) =>
    c.json<ErrorView>(
      {
        error: `Request too large: ${c.req.path} takes at most ${maxSize.toLocaleString('en')} bytes`,
      },
      413,
    );
  return bodyLimit({ maxSize, onError });
}

function listSource(c: Context): ListSource | null {
  switch (c.req.query('in')) {
    case 'theme':
      return { kind: 'theme', themeId: c.req.query('theme') ?? '' };
    case 'other':
      return { kind: 'other' };
    case 'excluded':
      return { kind: 'excluded' };
    case 'all':
      return { kind: 'all' };
    default:
      return null;
  }
}

/** A tab id from the query (the page's own random id), or undefined. */
function tabOf(value: string | undefined): string | undefined {
  return value && value.length <= 100 ? value : undefined;
}

function count(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
