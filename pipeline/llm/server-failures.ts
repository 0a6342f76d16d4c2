import { BatchItemError } from './batch-lines.js';

/** What went wrong with a request, and whether trying again may help. */
export interface ServerFailure {
  retry: boolean;
  /** "answered HTTP 500 (overloaded)", completing "the model server ...". */
  description: string;
  /** What the user can do about a failure that retries do not cure. */
  hint?: string;
  /** The server's `retry-after`, in milliseconds. */
  retryAfterMs?: number;
}

interface HttpErrorLike {
  status?: number;
  message?: string;
  retryAfterMs?: number;
  headers?: { get?(name: string): string | null } | Record<string, string>;
}

/**
 * Classifies an error thrown by the client libraries: 429 (with `retry-after`), 5xx, 408, 409,
 * timeouts and lost connections are retried; a refused key, an unknown model or a bad request
 * are not.
 */
export function classifyFailure(
  error: unknown,
  timedOut: boolean,
  timeoutSeconds: number,
): ServerFailure {
  if (timedOut) return { retry: true, description: `did not answer within ${timeoutSeconds} s` };
  if (error instanceof BatchItemError && error.status === undefined)
    return { retry: error.retry, description: error.message };
  const http = (error ?? {}) as HttpErrorLike;
  const status = typeof http.status === 'number' ? http.status : undefined;
  const said = firstLine(http.message ?? String(error));
  if (status === undefined) {
    return { retry: true, description: `could not be reached (${said})` };
  }
  const description = `answered HTTP ${status} (${said})`;
  if (status === 429 || status >= 500 || status === 408 || status === 409) {
    // A rate limit or an overloaded server may say when to come back.
    const retryAfterMs = retryAfter(http);
    return retryAfterMs === undefined
      ? { retry: true, description }
      : { retry: true, description, retryAfterMs };
  }
  if (status === 401 || status === 403) {
    return {
      retry: false,
      description,
      hint: 'check OPENAI_API_KEY (environment or .env) and the server address',
    };
  }
  if (status === 404) {
    return {
      retry: false,
      description,
      hint: 'check the model names under llm.models and the server address',
    };
  }
  return { retry: false, description };
}

function retryAfter(error: HttpErrorLike): number | undefined {
  if (typeof error.retryAfterMs === 'number' && error.retryAfterMs >= 0) return error.retryAfterMs;
  const headers = error.headers;
  const value =
    headers && typeof headers.get === 'function'
      ? headers.get('retry-after')
      : Object.entries((headers ?? {}) as Record<string, string>).find(
          ([name]) => name.toLowerCase() === 'retry-after',
        )?.[1];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.trim().slice(0, 200);
}
