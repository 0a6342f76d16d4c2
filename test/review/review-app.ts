import { mkdtemp, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeRun } from '../../bench/review.js';
import { corpusSession, reviewCorpus } from '../../bench/review-corpus.js';
import { clusteredVectors, vectorsOnly } from '../../bench/suggestions.js';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { type RunningReview, startReviewServer } from '../../pipeline/review/server.js';
import { openReviewSession, type ReviewSession } from '../../pipeline/review/session.js';
import type { RunOptions } from '../../pipeline/runner.js';
import type { ReviewLog } from '../../schemas/review.js';
import { copyFixture } from '../helpers/cli.js';
import { createCollectingLogger } from '../helpers/context.js';
import { FIXED_DATE } from '../helpers/runs.js';

/** A review app serving a fresh copy of a fixture, as `brief review` would. */
export interface FixtureApp extends RunningReview {
  /** The app's origin, e.g. `http://127.0.0.1:4321`. */
  origin: string;
  out: string;
  session: ReviewSession;
  /** Fetches an API path with the bearer token (and no Origin header, as curl would). */
  api(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * Starts the review app on a copy of the synthesis fixture (after `prepare` edits it), run into
 * a temp folder up to the review stage, as reviewer "Test reviewer" unless told otherwise.
 */
export async function startFixtureApp(
  prepare?: (dir: string) => Promise<void>,
  options: { reviewer?: string | null } = {},
): Promise<FixtureApp> {
  const dir = await copyFixture('synthesis');
  await prepare?.(dir);
  const out = join(dir, 'out');
  const run: RunOptions = {
    configPath: join(dir, 'consultation.yaml'),
    outDir: out,
    cacheDir: defaultCacheDir(process.env),
    logger: createCollectingLogger(),
    date: FIXED_DATE,
    holdsLock: true,
  };
  const session = await openReviewSession(run);
  const running = await startReviewServer(session, {
    host: '127.0.0.1',
    port: 0,
    reviewer: options.reviewer === undefined ? 'Test reviewer' : options.reviewer,
    run,
  });
  return withApi(running, out, session);
}

/**
 * Starts the review app on the benchmark's synthetic run of `passages` passages, built in
 * memory (20 themes with two sub-themes each; the first holds a tenth of the passages). Its
 * "Rebuild the brief" fails: the run has no artifacts on disk.
 */
export async function startCorpusApp(passages: number): Promise<FixtureApp> {
  const out = await mkdtemp(join(tmpdir(), 'brief-review-corpus-'));
  const corpus = reviewCorpus(passages);
  const run = await fakeRun(out, vectorsOnly(clusteredVectors(corpus.themes, passages)));
  // The corpus' labels are the tests' names for its themes: kept, as a model's would be.
  const session = corpusSession(run, corpus, {
    ...corpus.themes,
    method: { ...corpus.themes.method, labelledBy: 'the tests' },
  });
  const running = await startReviewServer(session, {
    host: '127.0.0.1',
    port: 0,
    reviewer: 'Test reviewer',
    run: {
      configPath: run.config.path,
      outDir: out,
      cacheDir: join(out, 'cache'),
      logger: createCollectingLogger(),
      holdsLock: true,
    },
  });
  return withApi(running, out, session);
}

function withApi(running: RunningReview, out: string, session: ReviewSession): FixtureApp {
  const origin = new URL(running.url).origin;
  return {
    ...running,
    origin,
    out,
    session,
    api: (path, init = {}) =>
      fetch(`${origin}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${running.token}`, ...init.headers },
      }),
  };
}

/**
 * A request on its own connection with exactly these headers (fetch forbids setting `Host` and
 * reuses connections, which a server refusing a large body closes). Resolves to the status and
 * the response's text.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      agent: false,
    });
    req.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    // The server may answer before the whole body is sent, then close: the answer counts.
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The app's `review.json` as it stands. */
export async function readLog(app: FixtureApp): Promise<ReviewLog> {
  return JSON.parse(await readFile(join(app.out, 'review.json'), 'utf8')) as ReviewLog;
}
