// The reviewed themes as the page shows them, and lookups over them, computed once per state.
import type { ReviewExclusion, ReviewedThemes, ThemeRef } from '../../schemas/review.js';
import type { Theme } from '../../schemas/themes.js';
import { decisionStates } from './active.js';
import type { PassageIndex } from './passage-index.js';
import type { ReviewSession } from './session.js';
import type { StateView, ThemeView } from './views.js';

/** Lookups over one state of the review. */
export interface StateIndex {
  state: ReviewedThemes;
  themes: ReadonlyMap<string, Theme>;
  /** The exclusion that removed a passage. */
  exclusionOf: ReadonlyMap<string, ReviewExclusion>;
  /** Passages added since the review began. */
  fresh: ReadonlySet<string>;
  /** The themes a passage is in (built on first use: only search needs it). */
  themesOf(passageId: string): readonly Theme[];
  /** The reference a decision on a theme carries. */
  refOf(theme: Theme): ThemeRef;
}

const indexes = new WeakMap<ReviewedThemes, StateIndex>();
const themeViews = new WeakMap<ReviewedThemes, ThemeView[]>();

/** The lookups over a state, from cache when the state is unchanged. */
export function indexState(state: ReviewedThemes): StateIndex {
  let index = indexes.get(state);
  if (!index) {
    index = buildIndex(state);
    indexes.set(state, index);
  }
  return index;
}

function buildIndex(state: ReviewedThemes): StateIndex {
  const exclusionOf = new Map<string, ReviewExclusion>();
  for (const exclusion of state.review.excluded)
    for (const id of exclusion.passageIds) exclusionOf.set(id, exclusion);
  const fresh = new Set<string>();
  for (const review of Object.values(state.review.themes))
    for (const id of review.newSinceReview) fresh.add(id);
  let membership: Map<string, Theme[]> | null = null;
  return {
    state,
    themes: new Map(state.themes.map((t) => [t.id, t])),
    exclusionOf,
    fresh,
    themesOf(passageId) {
      if (!membership) {
        membership = new Map();
        for (const theme of state.themes)
          for (const id of theme.passageIds) {
            const list = membership.get(id);
            if (list) list.push(theme);
            else membership.set(id, [theme]);
          }
      }
      return membership.get(passageId) ?? [];
    },
    refOf: (theme) => ({ id: theme.id, label: theme.label, anchor: theme.passageIds.slice(0, 10) }),
  };
}

/** The state summary: theme tree, counts, week shares, undo/redo, orphans. */
export function stateView(
  session: ReviewSession,
  passages: PassageIndex,
  reviewer: string | null,
  rebuilding: boolean,
): StateView {
  const state = session.state();
  const index = indexState(state);
  const { config } = session.run.config;
  const weeks = passages.weeks;
  let themes = themeViews.get(state);
  if (!themes) {
    const weekTotals = countWeeks(session.facts.passageIds, passages);
    themes = state.themes.map((theme) => themeView(theme, index, passages, weekTotals));
    themeViews.set(state, themes);
  }
  const { undoable, redoable } = decisionStates(session.log());
  const detail = (n: number | null) =>
    n === null
      ? null
      : { decision: n, detail: state.review.decisions.find((d) => d.n === n)?.detail ?? '' };
  return {
    title: config.title,
    revision: session.revision(),
    reviewer,
    undo: detail(undoable),
    redo: detail(redoable),
    weeks: [...weeks],
    themes,
    otherCount: state.other.passageIds.length,
    excludedCount: index.exclusionOf.size,
    orphans: state.review.decisions.filter((d) => d.status === 'orphaned'),
    notes: state.review.notes,
    rebuilding,
  };
}

function themeView(
  theme: Theme,
  index: StateIndex,
  passages: PassageIndex,
  weekTotals: readonly number[],
): ThemeView {
  const review = index.state.review.themes[theme.id];
  const counts = countWeeks(theme.passageIds, passages);
  const pinned = review?.examples ?? [];
  const exampleIds = pinned.length > 0 ? pinned : theme.representativeIds.slice(0, 3);
  return {
    id: theme.id,
    label: theme.label,
    description: theme.description,
    parentId: theme.parentId,
    origin: theme.origin.kind === 'guided' ? 'taxonomy' : 'emergent',
    keywords: theme.keywords,
    passageCount: theme.passageIds.length,
    contributionCount: theme.contributionCount,
    participantCount: theme.participantCount,
    weekShares: counts.map((count, i) => (weekTotals[i] ? count / (weekTotals[i] ?? 1) : 0)),
    approved: review?.approved ?? false,
    changed: review?.changed ?? false,
    promoted: review?.promoted ?? false,
    newSinceReview: review?.newSinceReview.length ?? 0,
    notes: review?.notes ?? [],
    ref: index.refOf(theme),
    exampleTexts: exampleIds.flatMap((id) => {
      const text = passages.get(id)?.text;
      return text === undefined ? [] : [text];
    }),
  };
}

function countWeeks(ids: readonly string[], passages: PassageIndex): number[] {
  const counts = passages.weeks.map(() => 0);
  for (const id of ids) {
    const week = passages.weekOf(id);
    if (week >= 0) counts[week] = (counts[week] ?? 0) + 1;
  }
  return counts;
}
