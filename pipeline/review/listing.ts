// Pages of passages: a theme's (best fitting first), "other ideas", the excluded, or a search.
import type { AttributeFilter } from './attribute-filter.js';
import type { PassageIndex } from './passage-index.js';
import type { StateIndex } from './state-view.js';
import type { CountsView, PassageIdsView, PassagePage, PassageView } from './views.js';

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
  /** Respondent attribute values the passages' contributions must have; default none. */
  where?: AttributeFilter | undefined;
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
  const listed = listedIds(state, passages, query);
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
  const listed = listedIds(state, passages, query);
  if (!listed) return null;
  const ids =
    query.source.kind === 'all' && state.exclusionOf.size > 0
      ? listed.ids.filter((id) => !state.exclusionOf.has(id))
      : listed.ids;
  return { total: ids.length, ids: ids.slice(0, cap) };
}

/**
 * A list's ids (and scores, in a theme), narrowed to those holding `search` when not empty and
 * to those whose contribution has the attribute values of `where`.
 */
function listedIds(
  state: StateIndex,
  passages: PassageIndex,
  { source, search, where }: Omit<ListQuery, 'offset' | 'limit'>,
): { ids: readonly string[]; scores: readonly number[] | null } | null {
  const listed = sourceIds(state, passages, source);
  if (!listed) return null;
  const narrowed =
    search && source.kind === 'all'
      ? { ids: passages.search(search), scores: null }
      : narrow(listed, search ? new Set(passages.filter(listed.ids, search)) : null);
  if (where === undefined || Object.keys(where).length === 0) return narrowed;
  return narrow(narrowed, passages.matching(where));
}

/** The ids (and their scores) that are in `keep`; all of them when `keep` is null. */
function narrow(
  listed: { ids: readonly string[]; scores: readonly number[] | null },
  keep: ReadonlySet<string> | null,
): { ids: readonly string[]; scores: readonly number[] | null } {
  if (keep === null) return listed;
  const ids: string[] = [];
  const scores: number[] | null = listed.scores && [];
  listed.ids.forEach((id, i) => {
    if (!keep.has(id)) return;
    ids.push(id);
    scores?.push(listed.scores?.[i] ?? 0);
  });
  return { ids, scores };
}

/**
 * The tree's counts (each theme's passages, "other ideas", the excluded) over the passages
 * whose contribution has the attribute values of `where`.
 */
export function countPassages(
  state: StateIndex,
  passages: PassageIndex,
  where: AttributeFilter,
): CountsView {
  const matching = passages.matching(where);
  const count = (ids: Iterable<string>) => {
    let n = 0;
    for (const id of ids) if (matching.has(id)) n++;
    return n;
  };
  const themes: Record<string, number> = {};
  for (const theme of state.state.themes) themes[theme.id] = count(theme.passageIds);
  return {
    themes,
    other: count(state.state.other.passageIds),
    excluded: count(state.exclusionOf.keys()),
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
