// Serves the review app on a local port until the run is interrupted.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { createAdaptorServer } from '@hono/node-server';
import type { OutputStream } from '../cli-progress.js';
import type { RunOptions } from '../runner.js';
import { createReviewApp } from './app.js';
import { loadPageAssets, PAGE_DIR } from './assets.js';
import { createToken } from './guard.js';
import { openBrowser } from './open-browser.js';
import type { ReviewSession } from './session.js';

/** How the review app is served. */
export interface ServeOptions {
  /** Interface to listen on; default 127.0.0.1 (this machine only). */
  host: string;
  /** 0: any free port. */
  port: number;
  /** Open the browser at the app's address. */
  open: boolean;
  reviewer: string | null;
  /** The run the "rebuild the brief" button starts (the app holds the lock already). */
  run: RunOptions;
  stdout: OutputStream;
}

/** A running review app. */
export interface RunningReview {
  /** The address to open, with the access token. */
  url: string;
  token: string;
  /** Stops listening, closes open connections and waits for a rebuild in flight. */
  close(): Promise<void>;
}

/**
 * Serves the review app until the run's signal aborts (Ctrl-C), then closes cleanly. Prints the
 * address with its token, and opens the browser at it when `open` is set and an opener exists.
 */
export async function serveReview(session: ReviewSession, options: ServeOptions): Promise<void> {
  const running = await startReviewServer(session, options);
  options.stdout.write(`Review app: ${running.url}\n`);
  if (options.open) openBrowser(running.url);
  const { signal } = options.run;
  await new Promise<void>((resolve) => {
    if (!signal || signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await running.close();
}

/** Starts the app and returns its address (what `serveReview` does before it waits). */
export async function startReviewServer(
  session: ReviewSession,
  options: Omit<ServeOptions, 'open' | 'stdout'>,
  assetsDir: string = PAGE_DIR,
): Promise<RunningReview> {
  const token = createToken();
  const shown = displayHost(options.host);
  const { app, rebuilder } = createReviewApp(session, {
    token,
    hosts: isLoopback(options.host) ? new Set(['127.0.0.1', 'localhost', '[::1]', shown]) : null,
    reviewer: options.reviewer,
    run: options.run,
    assets: await loadPageAssets(assetsDir),
  });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: options.host }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${shown}:${port}/?token=${token}`,
    token,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rebuilder.idle();
    },
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** The name to print for a host: this machine's name for a wildcard address. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return hostname();
  return host.includes(':') ? `[${host}]` : host;
}
