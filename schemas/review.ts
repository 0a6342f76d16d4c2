import { z } from 'zod';
import { REVIEW_LIMITS } from './review-limits.js';
import { ReviewAgreement } from './review-summary.js';
import { Themes } from './themes.js';

export { REVIEW_LIMITS } from './review-limits.js';

/**
 * A review list's attribute filter: the value each named respondent attribute must have (all of
 * them), as the page sends it in `where`.
 */
export const AttributeFilter = z
  .record(z.string().min(1).max(200), z.string().min(1).max(1000))
  .refine((filter) => Object.keys(filter).length <= 50, 'At most 50 attributes');
export type AttributeFilter = z.infer<typeof AttributeFilter>;

/** A passage id as the pipeline writes them (`<contribution id>#<n>`). */
const PassageId = z.string().min(1).max(500);
const ContributionId = z.string().min(1).max(500);
const Label = z.string().trim().min(1, 'A label must not be empty').max(REVIEW_LIMITS.label);

/**
 * A theme as a decision names it: its id when the decision was taken, its label then (for
 * messages), and up to ten of its passages. Theme ids are not stable when an earlier stage
 * re-runs (new contributions can re-number the clusters), so a decision whose id no longer
 * names a theme holding its anchor passages follows the theme that holds most of them.
 */
export const ThemeRef = z.strictObject({
  id: z.string().min(1).max(200),
  label: z.string().max(500),
  anchor: z.array(PassageId).max(10),
});
export type ThemeRef = z.infer<typeof ThemeRef>;

/** Why a reviewer took a passage or contribution out of the brief. */
export const ExclusionReason = z.enum(['spam', 'off-topic', 'personal-data', 'other']);
export type ExclusionReason = z.infer<typeof ExclusionReason>;

/** A passage or a whole contribution, as the target of an exclusion. */
export const ExclusionTarget = z.union([
  z.strictObject({ passage: PassageId }),
  z.strictObject({ contribution: ContributionId }),
]);
export type ExclusionTarget = z.infer<typeof ExclusionTarget>;

/** What a facilitator decided. Each kind is applied by `applyReview` (pipeline/review/apply.ts). */
export const ReviewAction = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('rename'),
    theme: ThemeRef,
    label: Label,
    description: z.string().max(REVIEW_LIMITS.description).optional(),
  }),
  /** The `themes` join `into` and disappear; their sub-themes move under `into`. */
  z.strictObject({
    kind: z.literal('merge'),
    themes: z.array(ThemeRef).min(1).max(100),
    into: ThemeRef,
  }),
  /**
   * The passages leave `theme` for a new theme beside it, named `label`; with `topLevel`, the
   * new theme is top-level even when `theme` is a sub-theme (default: beside it, same parent).
   */
  z.strictObject({
    kind: z.literal('split'),
    theme: ThemeRef,
    passages: z.array(PassageId).min(1).max(REVIEW_LIMITS.passages),
    label: Label,
    topLevel: z.boolean().optional(),
  }),
  /**
   * The theme, with its passages, becomes a sub-theme of `under` (a top-level theme), or
   * top-level when `under` is null. Two levels only: a theme with sub-themes stays top-level.
   */
  z.strictObject({
    kind: z.literal('nest'),
    theme: ThemeRef,
    under: ThemeRef.nullable(),
  }),
  /** The passages leave every theme (and "other") and join `to`, or "other" when null. */
  z.strictObject({
    kind: z.literal('move'),
    passages: z.array(PassageId).min(1).max(REVIEW_LIMITS.passages),
    to: ThemeRef.nullable(),
  }),
  z.strictObject({
    kind: z.literal('exclude'),
    target: ExclusionTarget,
    reason: ExclusionReason,
    note: z.string().max(REVIEW_LIMITS.note).default(''),
  }),
  z.strictObject({ kind: z.literal('restore'), target: ExclusionTarget }),
  /**
   * A passage pinned (or unpinned) as one of the theme's quotes, or as one of its examples;
   * `text` is the passage's text then, which a promoted or taxonomy theme takes as an example.
   */
  z.strictObject({
    kind: z.literal('pin'),
    theme: ThemeRef,
    passage: PassageId,
    as: z.enum(['quote', 'example']),
    pinned: z.boolean(),
    text: z.string().max(20000),
  }),
  /** An emergent theme joins the taxonomy, with these words, so later runs assign to it. */
  z.strictObject({
    kind: z.literal('promote'),
    theme: ThemeRef,
    description: z.string().max(REVIEW_LIMITS.description),
    keywords: z.array(z.string().max(200)).max(50),
    examples: z.array(z.string().max(20000)).max(10),
  }),
  z.strictObject({ kind: z.literal('approve'), theme: ThemeRef, approved: z.boolean() }),
  /** A note for the brief's authors, on a theme or (null) on the whole review. */
  z.strictObject({
    kind: z.literal('note'),
    theme: ThemeRef.nullable(),
    text: z.string().max(REVIEW_LIMITS.note),
  }),
  /** Takes back an earlier decision (by its number); `redo` puts it back. */
  z.strictObject({ kind: z.literal('undo'), decision: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('redo'), decision: z.number().int().min(1) }),
]);
export type ReviewAction = z.infer<typeof ReviewAction>;
export type ReviewActionKind = ReviewAction['kind'];

/** One entry of the log: a decision, numbered in order, with when and by whom. */
export const ReviewEntry = z.strictObject({
  /** 1, 2, 3, ...: the log's revision once this decision was added. */
  n: z.number().int().min(1),
  at: z.string(),
  reviewer: z.string().max(200).nullable(),
  /** The browser tab that took it (its undo and redo act on its own decisions); absent in old logs. */
  tab: z.string().max(100).optional(),
  action: ReviewAction,
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

/**
 * `review.json`: the facilitators' decisions, append-only. `base` names the passages that
 * existed when the review began (in `review-base.txt`, one id per line), so that passages added
 * by a later run can be marked "new since review".
 */
export const ReviewLog = z.strictObject({
  format: z.literal('consultation-brief review'),
  version: z.literal(1),
  base: z.strictObject({ passages: z.number().int().min(0), hash: z.string() }),
  decisions: z.array(ReviewEntry),
});
export type ReviewLog = z.infer<typeof ReviewLog>;

/** What became of one decision when applied to this run's themes. */
export const DecisionOutcome = z.strictObject({
  n: z.number().int().min(1),
  kind: z.string(),
  status: z.enum(['applied', 'undone', 'orphaned']),
  /** Why an orphaned decision no longer applies, or what an applied one did. */
  detail: z.string(),
});
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** What the review says about one theme of `reviewed-themes.json`. */
export const ThemeReview = z.strictObject({
  approved: z.boolean(),
  /** Promoted into the taxonomy: guided from the next run of the themes stage on. */
  promoted: z.boolean(),
  /** Membership, label, description or exclusions changed by a decision. */
  changed: z.boolean(),
  /** A reviewer wrote the description (the brief shows it under the theme's heading). */
  described: z.boolean().optional(),
  /** A reviewer wrote the label: kept when the theme's passages change (else recomputed). */
  labelled: z.boolean().optional(),
  /** Passages in the theme that did not exist when the review began. */
  newSinceReview: z.array(z.string()),
  quotes: z.array(z.string()),
  examples: z.array(z.string()),
  notes: z.array(z.string()),
});
export type ThemeReview = z.infer<typeof ThemeReview>;

/** A passage or contribution the review took out of the brief. */
export const ReviewExclusion = z.strictObject({
  target: ExclusionTarget,
  reason: ExclusionReason,
  note: z.string(),
  /** The passages it removes (all of a contribution's). */
  passageIds: z.array(z.string()),
});
export type ReviewExclusion = z.infer<typeof ReviewExclusion>;

/** The review part of `reviewed-themes.json`. */
export const ReviewSummary = z.strictObject({
  /** Whether a review log exists (false: the themes are as found, unreviewed). */
  reviewed: z.boolean(),
  reviewers: z.array(z.string()),
  /** Decisions in force, by kind (undone ones and orphans not counted). */
  counts: z.record(z.string(), z.number().int().min(0)),
  decisions: z.array(DecisionOutcome),
  themes: z.record(z.string(), ThemeReview),
  excluded: z.array(ReviewExclusion),
  /** Notes on the whole review, for the brief's annex. */
  notes: z.array(z.string()),
  /** How much of the tool's assignment the review kept (the review stage writes it). */
  agreement: ReviewAgreement.optional(),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

/** `reviewed-themes.json`: `themes.json` with the decisions applied, and what they did. */
export const ReviewedThemes = Themes.extend({ review: ReviewSummary });
export type ReviewedThemes = z.infer<typeof ReviewedThemes>;

/** What the review app's page posts: decisions taken on the log at `revision`. */
export const DecisionRequest = z.strictObject({
  revision: z.number().int().min(0),
  actions: z.array(ReviewAction).min(1).max(REVIEW_LIMITS.actions),
  /** A random id per browser tab: undo and redo act on the decisions of one's own tab. */
  tab: z.string().min(1).max(100).optional(),
  /** The name the browser was given, used when the app was started without `--reviewer`. */
  reviewer: z.string().trim().min(1).max(200).nullable().optional(),
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;
