// The reviewed themes as the page shows them, and lookups over them, computed once per state.
import type { GuidingQuestion } from '../../schemas/consultation.js';
import type { ReviewExclusion, ReviewedThemes, ThemeRef } from '../../schemas/review.js';
import type { Theme } from '../../schemas/themes.js';
import { decisionStates } from './active.js';
import { describeDecision } from './apply.js';
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
// Per theme object: a decision leaves the themes it does not change the same objects, so
// these are computed again only for the themes it changed.
const memberSets = new WeakMap<Theme, Set<string>>();
const weekCounts = new WeakMap<Theme, number[]>();

function membersOf(theme: Theme): Set<string> {
  let members = memberSets.get(theme);
  if (!members) {
    members = new Set(theme.passageIds);
    memberSets.set(theme, members);
  }
  return members;
}

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
  return {
    state,
    themes: new Map(state.themes.map((t) => [t.id, t])),
    exclusionOf,
    fresh,
    themesOf: (passageId) => state.themes.filter((t) => membersOf(t).has(passageId)),
    refOf: (theme) => ({ id: theme.id, label: theme.label, anchor: theme.passageIds.slice(0, 10) }),
  };
}

/** The state summary: theme tree, counts, week shares, `tab`'s undo/redo, orphans. */
export function stateView(
  session: ReviewSession,
  passages: PassageIndex,
  reviewer: string | null,
  rebuilding: boolean,
  tab?: string,
): StateView {
  const state = session.state();
  const index = indexState(state);
  const { config } = session.run.config;
  const weeks = passages.weeks;
  let themes = themeViews.get(state);
  if (!themes) {
    themes = state.themes.map((theme) => themeView(theme, index, passages, config.questions));
    themeViews.set(state, themes);
  }
  const { decisions, undoable, redoable } = decisionStates(session.log(), tab);
  // What the decision does, also once undone (its outcome then says only "undone").
  const detail = (n: number | null) => {
    const decision = n === null ? undefined : decisions.find((d) => d.n === n);
    return decision ? { decision: decision.n, detail: describeDecision(decision) } : null;
  };
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
    attributes: [...passages.attributes],
  };
}

function themeView(
  theme: Theme,
  index: StateIndex,
  passages: PassageIndex,
  questions: readonly GuidingQuestion[],
): ThemeView {
  const q = questions.findIndex((question) => question.id === theme.questionId);
  const review = index.state.review.themes[theme.id];
  const totals = passages.weekTotals;
  let counts = weekCounts.get(theme);
  if (!counts) {
    counts = countWeeks(theme.passageIds, passages);
    weekCounts.set(theme, counts);
  }
  const pinned = review?.examples ?? [];
  const exampleIds = pinned.length > 0 ? pinned : theme.representativeIds.slice(0, 3);
  return {
    id: theme.id,
    label: theme.label,
    description: theme.description,
    parentId: theme.parentId,
    origin: theme.origin.kind === 'guided' ? 'taxonomy' : 'emergent',
    question: q < 0 ? null : { number: q + 1, text: questions[q]?.text ?? '' },
    keywords: theme.keywords,
    passageCount: theme.passageIds.length,
    contributionCount: theme.contributionCount,
    participantCount: theme.participantCount,
    weekShares: counts.map((count, i) => (totals[i] ? count / (totals[i] ?? 1) : 0)),
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
    const week = passages.get(id)?.week ?? -1;
    if (week >= 0) counts[week] = (counts[week] ?? 0) + 1;
  }
  return counts;
}
