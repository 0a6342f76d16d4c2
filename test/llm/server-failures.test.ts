import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyFailure } from '../../pipeline/llm/server-failures.js';

/** An error as the client libraries throw it: an Error with a status and headers. */
function httpError(status: number, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { status }, extra);
}

function headers(values: Record<string, string>) {
  return { get: (name: string) => values[name.toLowerCase()] ?? null };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('classifyFailure', () => {
  describe('429', () => {
    it('is retried after retryAfterMs when the error carries it', () => {
      const failure = classifyFailure(
        httpError(429, 'Rate limit reached', { retryAfterMs: 1500 }),
        false,
        60,
      );
      expect(failure).toEqual({
        retry: true,
        description: 'answered HTTP 429 (Rate limit reached)',
        retryAfterMs: 1500,
      });
    });

    it('prefers retryAfterMs over the headers, and accepts 0', () => {
      const error = httpError(429, 'slow down', {
        retryAfterMs: 0,
        headers: headers({ 'retry-after': '30' }),
      });
      expect(classifyFailure(error, false, 60).retryAfterMs).toBe(0);
    });

    it("reads seconds from a Headers-like object's get('retry-after')", () => {
      const get = vi.fn((name: string) => (name === 'retry-after' ? '2' : null));
      const failure = classifyFailure(httpError(429, 'slow down', { headers: { get } }), false, 60);
      expect(failure.retry).toBe(true);
      expect(failure.retryAfterMs).toBe(2000);
      expect(get).toHaveBeenCalledWith('retry-after');
    });

    it('reads a real Headers object and fractional seconds', () => {
      const failure = classifyFailure(
        httpError(429, 'slow down', { headers: new Headers({ 'Retry-After': '0.5' }) }),
        false,
        60,
      );
      expect(failure.retryAfterMs).toBe(500);
    });

    it('reads retry-after from a plain header record', () => {
      const failure = classifyFailure(
        httpError(429, 'slow down', { headers: { 'retry-after': '3' } }),
        false,
        60,
      );
      expect(failure.retryAfterMs).toBe(3000);
    });

    it('turns an HTTP-date retry-after into the milliseconds until then', () => {
      vi.useFakeTimers();
      const now = Date.UTC(2025, 0, 15, 12, 0, 0);
      vi.setSystemTime(now);
      const later = new Date(now + 7000).toUTCString();
      const failure = classifyFailure(
        httpError(429, 'slow down', { headers: headers({ 'retry-after': later }) }),
        false,
        60,
      );
      expect(failure.retry).toBe(true);
      expect(failure.retryAfterMs).toBe(7000);

      const past = new Date(now - 60_000).toUTCString();
      const late = classifyFailure(
        httpError(429, 'slow down', { headers: headers({ 'retry-after': past }) }),
        false,
        60,
      );
      expect(late.retryAfterMs).toBe(0);
    });

    it('is retried without a delay when retry-after is absent or unreadable', () => {
      for (const extra of [
        {},
        { headers: headers({}) },
        { headers: headers({ 'retry-after': 'soon' }) },
      ]) {
        const failure = classifyFailure(httpError(429, 'slow down', extra), false, 60);
        expect(failure.retry).toBe(true);
        expect(failure).not.toHaveProperty('retryAfterMs');
      }
    });
  });

  it.each([500, 502, 503, 408, 409])('retries HTTP %i without a hint', (status) => {
    const failure = classifyFailure(httpError(status, 'Service Unavailable'), false, 60);
    expect(failure).toEqual({
      retry: true,
      description: `answered HTTP ${status} (Service Unavailable)`,
    });
  });

  it.each([401, 403])('does not retry HTTP %i and hints at OPENAI_API_KEY', (status) => {
    const failure = classifyFailure(httpError(status, 'Incorrect API key provided'), false, 60);
    expect(failure.retry).toBe(false);
    expect(failure.description).toBe(`answered HTTP ${status} (Incorrect API key provided)`);
    expect(failure.hint).toContain('OPENAI_API_KEY');
  });

  it('does not retry HTTP 404 and hints at llm.models', () => {
    const failure = classifyFailure(httpError(404, 'The model `gpt-9` does not exist'), false, 60);
    expect(failure.retry).toBe(false);
    expect(failure.hint).toContain('llm.models');
    expect(failure.hint).not.toContain('OPENAI_API_KEY');
  });

  it.each([400, 422])('does not retry HTTP %i, with no hint', (status) => {
    const failure = classifyFailure(httpError(status, 'Invalid schema'), false, 60);
    expect(failure).toEqual({
      retry: false,
      description: `answered HTTP ${status} (Invalid schema)`,
    });
  });

  it('retries an error without a status as "could not be reached"', () => {
    const failure = classifyFailure(new TypeError('fetch failed: ECONNREFUSED'), false, 60);
    expect(failure).toEqual({
      retry: true,
      description: 'could not be reached (fetch failed: ECONNREFUSED)',
    });
    expect(classifyFailure('socket hang up', false, 60).description).toBe(
      'could not be reached (socket hang up)',
    );
    expect(classifyFailure(undefined, false, 60).retry).toBe(true);
    // A status that is not a number is no status.
    expect(
      classifyFailure(Object.assign(new Error('odd'), { status: '500' }), false, 60).description,
    ).toMatch(/^could not be reached/);
  });

  it('retries a timeout as "did not answer within", whatever the error', () => {
    expect(classifyFailure(new Error('aborted'), true, 45)).toEqual({
      retry: true,
      description: 'did not answer within 45 s',
    });
    // The timeout wins even over a status that would not be retried.
    expect(classifyFailure(httpError(401, 'nope'), true, 10)).toEqual({
      retry: true,
      description: 'did not answer within 10 s',
    });
  });

  it("quotes only the first non-empty line of the server's message, at most 200 characters", () => {
    const failure = classifyFailure(
      httpError(500, '\n  \n  Internal error  \nstack trace here\nmore'),
      false,
      60,
    );
    expect(failure.description).toBe('answered HTTP 500 (Internal error)');
    const long = classifyFailure(httpError(500, 'x'.repeat(500)), false, 60);
    expect(long.description).toBe(`answered HTTP 500 (${'x'.repeat(200)})`);
  });
});
