// Calls to the review app's JSON API.
import type { ErrorView } from '../views.js';

/** An API answer other than success, with the status and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GETs a JSON resource. */
export function getJson<T>(path: string): Promise<T> {
  return call<T>(path, { method: 'GET' });
}

/** POSTs a JSON body and returns the JSON answer. */
export function postJson<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, credentials: 'same-origin' });
  const data = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message =
      (data as ErrorView | null)?.error ?? `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return data as T;
}

/** A query string from parameters (values encoded). */
export function query(params: Record<string, string | number>): string {
  return new URLSearchParams(
    Object.entries(params).map(([key, value]) => [key, String(value)]),
  ).toString();
}
