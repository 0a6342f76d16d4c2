// Who may talk to the review app: the holder of its token, from its own origin only.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { clipInput, quoteInput } from '../quote-input.js';

/** The app's own pages: scripts and styles from the app only, nothing inline or external. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A new random token for the app's address (192 bits). */
export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The cookie holding the token; named after it, so two apps on one host keep their own. */
export function cookieName(token: string): string {
  return `brief_review_${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
}

/** Headers every response carries; pages may replace the CSP with a stricter one. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', APP_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  };
}

/**
 * Refuses (403) a request from another origin: its `Origin` header, when present, must be the
 * address it was sent to. With `hosts` (the app bound to the loopback interface), the address
 * must also use one of these names, so a web page whose name was re-pointed at 127.0.0.1 (DNS
 * rebinding) is refused too.
 */
export function sameOrigin(hosts: ReadonlySet<string> | null): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (hosts && !hosts.has(host.replace(/:\d+$/, '')))
      return c.json({ error: `Refused: ${quoteInput(host)} is not this app's address` }, 403);
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== `http://${host}`)
      return c.json({ error: `Refused: requests from ${clipInput(origin)} are not allowed` }, 403);
    await next();
  };
}

/**
 * Lets through requests carrying the token, in the cookie or as `Authorization: Bearer`. The
 * address printed at start (`/?token=...`) sets the cookie (HttpOnly, SameSite=Strict) and
 * redirects to `/`, so the token leaves the address bar and the history.
 */
export function requireToken(token: string): MiddlewareHandler {
  const name = cookieName(token);
  return async (c, next) => {
    const offered = c.req.query('token');
    if (c.req.method === 'GET' && c.req.path === '/' && offered !== undefined) {
      if (!matches(offered, token)) return unauthorised(c.req.path);
      setCookie(c, name, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      return c.redirect('/', 303);
    }
    const bearer = c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1];
    const presented = getCookie(c, name) ?? bearer;
    if (presented === undefined || !matches(presented, token)) return unauthorised(c.req.path);
    await next();
  };
}

function matches(offered: string, token: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function unauthorised(path: string): Response {
  const message = 'Open the address `brief review` printed (it carries the access token).';
  if (path.startsWith('/api/'))
    return Response.json({ error: `Unauthorised: ${message}` }, { status: 401 });
  return new Response(`Unauthorised. ${message}\n`, {
    status: 401,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
