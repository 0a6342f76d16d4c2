// The review app as the review-effort bench's facilitator uses it: its own JSON API, in process.
import type { Hono } from 'hono';
import type {
  ErrorView,
  MisfitView,
  PassagePage,
  StateView,
  SuggestionView,
  ThemeView,
} from '../pipeline/review/views.js';
import type { ReviewAction } from '../schemas/review.js';

/** Requests the simulated facilitator makes, as the page would. */
export interface ReviewClient {
  /** The state as the last answer gave it. */
  state(): StateView;
  refresh(): Promise<StateView>;
  /** Every passage of a top-level theme (or "other" when null), in the app's order. */
  list(themeId: string | null): Promise<string[]>;
  /** Sends decisions on the current revision; returns the themes that are new after them. */
  decide(actions: ReviewAction[]): Promise<ThemeView[]>;
  suggest(like: readonly string[], themeId: string, limit: number): Promise<SuggestionView[]>;
  misfits(themeId: string, limit: number): Promise<MisfitView[]>;
}

/** A client of `app` carrying its token, starting from the app's current state. */
export async function reviewClient(app: Hono, token: string): Promise<ReviewClient> {
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await app.request(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T | ErrorView;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${(json as ErrorView).error}`);
    return json as T;
  };
  let state = await call<StateView>('/api/state');
  return {
    state: () => state,
    async refresh() {
      state = await call<StateView>('/api/state');
      return state;
    },
    async list(themeId) {
      const source =
        themeId === null ? 'in=other' : `in=theme&theme=${encodeURIComponent(themeId)}`;
      const ids: string[] = [];
      for (let offset = 0; ; offset += 200) {
        const page = await call<PassagePage>(`/api/passages?${source}&offset=${offset}&limit=200`);
        for (const item of page.items) ids.push(item.id);
        if (page.items.length === 0 || ids.length >= page.total) return ids;
      }
    },
    async decide(actions) {
      const before = new Set(state.themes.map((t) => t.id));
      state = await call<StateView>('/api/decisions', { revision: state.revision, actions });
      return state.themes.filter((t) => !before.has(t.id));
    },
    async suggest(like, themeId, limit) {
      const body = { like, target: { theme: themeId }, limit };
      return (await call<{ items: SuggestionView[] }>('/api/suggestions', body)).items;
    },
    async misfits(themeId, limit) {
      const path = `/api/misfits?theme=${encodeURIComponent(themeId)}&limit=${limit}`;
      return (await call<{ items: MisfitView[] }>(path)).items;
    },
  };
}
