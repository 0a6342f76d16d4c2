// Pages of passages: a theme's (best fitting first), "other ideas", the excluded, or a search.
import type { PassageIndex } from './passage-index.js';
import type { StateIndex } from './state-view.js';
import type { PassageIdsView, PassagePage, PassageView } from './views.js';

/** Which passages a list shows. */
export type ListSource =
  | { kind: 'theme'; themeId: string }
  | { kind: 'other' }
  | { kind: 'excluded' }
  | { kind: 'all' };

/** A list request: its source, an optional search text, and the page. */
export interface ListQuery {
  source: ListSource;
  /** Case-insensitive substring the passages must hold; empty for all. */
  search: string;
  offset: number;
  limit: number;
}

/** Longest page the API returns. */
export const MAX_PAGE = 200;

/** One page of a list; null when the theme asked for does not exist. */
export function listPassages(
  state: StateIndex,
  passages: PassageIndex,
  query: ListQuery,
): PassagePage | null {
  const listed = listedIds(state, passages, query.source, query.search);
  if (!listed) return null;
  const { ids, scores } = listed;
  const end = Math.min(ids.length, query.offset + Math.min(query.limit, MAX_PAGE));
  const items: PassageView[] = [];
  for (let i = query.offset; i < end; i++) {
    const view = passageView(state, passages, ids[i] as string, query.source);
    if (view) items.push({ ...view, score: scores?.[i] ?? null });
  }
  return { total: ids.length, offset: query.offset, items };
}

/**
 * Every passage id of a list (what "select all" selects), in the list's order, at most `cap` of
 * them, and how many there are; excluded passages are left out of a search of every passage
 * (there is nothing to decide on them but a restore). Null when the theme does not exist.
 */
export function listPassageIds(
  state: StateIndex,
  passages: PassageIndex,
  query: Omit<ListQuery, 'offset' | 'limit'>,
  cap: number,
): PassageIdsView | null {
  const listed = listedIds(state, passages, query.source, query.search);
  if (!listed) return null;
  const ids =
    query.source.kind === 'all' && state.exclusionOf.size > 0
      ? listed.ids.filter((id) => !state.exclusionOf.has(id))
      : listed.ids;
  return { total: ids.length, ids: ids.slice(0, cap) };
}

/** A list's ids (and scores, in a theme), narrowed to those holding `search` when not empty. */
function listedIds(
  state: StateIndex,
  passages: PassageIndex,
  source: ListSource,
  search: string,
): { ids: readonly string[]; scores: readonly number[] | null } | null {
  const listed = sourceIds(state, passages, source);
  if (!listed || !search) return listed;
  if (source.kind === 'all') return { ids: passages.search(search), scores: null };
  const { ids, scores } = listed;
  const hits = new Set(passages.filter(ids, search));
  const keep = ids.flatMap((id, i) => (hits.has(id) ? [i] : []));
  return {
    ids: keep.map((i) => ids[i] as string),
    scores: scores && keep.map((i) => scores[i] ?? 0),
  };
}

function sourceIds(
  state: StateIndex,
  passages: PassageIndex,
  source: ListSource,
): { ids: readonly string[]; scores: readonly number[] | null } | null {
  switch (source.kind) {
    case 'theme': {
      const theme = state.themes.get(source.themeId);
      return theme ? { ids: theme.passageIds, scores: theme.scores } : null;
    }
    case 'other':
      return { ids: state.state.other.passageIds, scores: null };
    case 'excluded':
      return { ids: [...state.exclusionOf.keys()], scores: null };
    case 'all':
      return { ids: passages.ids, scores: null };
  }
}

/** A passage as a list from `source` shows it (score null); null for an unknown passage. */
export function passageView(
  state: StateIndex,
  passages: PassageIndex,
  id: string,
  source: ListSource,
): PassageView | null {
  const passage = passages.get(id);
  if (!passage) return null;
  const review = source.kind === 'theme' ? state.state.review.themes[source.themeId] : undefined;
  const exclusion = state.exclusionOf.get(id);
  return {
    id,
    contributionId: passage.contributionId,
    text: passage.text,
    score: null,
    ...passages.facts(passage.contributionId),
    isNew: state.fresh.has(id),
    quote: review?.quotes.includes(id) ?? false,
    example: review?.examples.includes(id) ?? false,
    // A theme's own list does not name the themes (the page shows them elsewhere only).
    themes:
      source.kind === 'theme' ? [] : state.themesOf(id).map((t) => ({ id: t.id, label: t.label })),
    excluded: exclusion
      ? { reason: exclusion.reason, note: exclusion.note, target: exclusion.target }
      : null,
  };
}
