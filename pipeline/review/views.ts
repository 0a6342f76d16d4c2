// What the review app's API returns: shared by the server and the page (types only).
import type {
  DecisionOutcome,
  ExclusionReason,
  ExclusionTarget,
  ThemeRef,
} from '../../schemas/review.js';

/** One theme of the tree, with what the page needs to show and to name it in decisions. */
export interface ThemeView {
  id: string;
  label: string;
  description: string;
  parentId: string | null;
  /** `taxonomy`: from the config (or promoted); `emergent`: found in the contributions. */
  origin: 'taxonomy' | 'emergent';
  /** The guiding question (number from 1, and text) the theme was found in, if one. */
  question: { number: number; text: string } | null;
  keywords: string[];
  passageCount: number;
  contributionCount: number;
  participantCount: number;
  /** The theme's share of each week's passages, in the order of `StateView.weeks`. */
  weekShares: number[];
  approved: boolean;
  changed: boolean;
  promoted: boolean;
  newSinceReview: number;
  notes: string[];
  /** The reference decisions on this theme carry (first ten passages as the anchor). */
  ref: ThemeRef;
  /** Texts a promotion takes as the theme's examples: pinned ones, else its representatives. */
  exampleTexts: string[];
}

/** A respondent attribute the lists can be narrowed by, with its values, most passages first. */
export interface AttributeView {
  name: string;
  values: { value: string; passages: number }[];
}

/** The tree's passage counts under an attribute filter. */
export interface CountsView {
  /** Passages of each theme, by theme id. */
  themes: Record<string, number>;
  other: number;
  excluded: number;
}

/** The whole review as the page shows it. */
export interface StateView {
  title: string;
  revision: number;
  reviewer: string | null;
  /** Decisions the tab's undo and redo buttons act on, with what they do; null when none. */
  undo: { decision: number; detail: string } | null;
  redo: { decision: number; detail: string } | null;
  weeks: string[];
  themes: ThemeView[];
  otherCount: number;
  excludedCount: number;
  orphans: DecisionOutcome[];
  notes: string[];
  rebuilding: boolean;
  /** Respondent attributes to filter by; empty when the contributions carry none. */
  attributes: AttributeView[];
}

/** Where a passage stands out of its theme: excluded, and how. */
export interface ExclusionView {
  reason: ExclusionReason;
  note: string;
  target: ExclusionTarget;
}

/** A passage as a list shows it. */
export interface PassageView {
  id: string;
  contributionId: string;
  text: string;
  /** How well it fits the listed theme; null outside a theme. */
  score: number | null;
  /** The author as the brief credits them (`privacy.credit`). */
  credit: string;
  date: string | null;
  question: string | null;
  votes: { agrees: number; disagrees: number; passes: number } | null;
  isNew: boolean;
  quote: boolean;
  example: boolean;
  /** The themes it is in; empty in a theme's own list. */
  themes: { id: string; label: string }[];
  excluded: ExclusionView | null;
}

/** One page of a passage list. */
export interface PassagePage {
  total: number;
  offset: number;
  items: PassageView[];
}

/** Every passage id of a list (at most `REVIEW_LIMITS.passages`), and how many it holds. */
export interface PassageIdsView {
  total: number;
  ids: string[];
}

/** A whole contribution's clean text, with the span of the passage asked about. */
export interface ContributionView {
  id: string;
  credit: string;
  date: string | null;
  question: string | null;
  text: string;
  highlight: { start: number; end: number };
}

/** Where the rebuild of the brief stands. */
export interface RebuildView {
  status: 'idle' | 'running' | 'done' | 'failed';
  /** The stage running or last finished, with its progress (and part) when it reports any. */
  stage: string | null;
  stagesDone: number;
  stagesTotal: number;
  progress: { phase?: string | undefined; done: number; total: number; unit: string } | null;
  message: string | null;
  /** The rebuilt files the app serves (`/files/<name>`), once done. */
  files: string[];
}

/** An error the API returns, with the log's revision when the page's state is stale. */
export interface ErrorView {
  error: string;
  revision?: number;
}

/** A passage suggested to join where the passages it looks like went (`themes`: where it is now). */
export interface SuggestionView extends PassageView {
  /** Cosine to the passages it looks like. */
  similarity: number;
}

/** A passage of a theme that may fit another theme better. */
export interface MisfitView extends PassageView {
  better: { id: string; label: string };
  /** Cosine to the better theme. */
  similarity: number;
}
