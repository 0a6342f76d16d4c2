import { z } from 'zod';

/** Passages counted by what the review did with the theme the tool found them in. */
const AgreementCounts = z.strictObject({
  passages: z.number().int().min(0),
  kept: z.number().int().min(0),
  moved: z.number().int().min(0),
  excluded: z.number().int().min(0),
});

/** One theme as the tool found it, and what the review did with its passages. */
const ThemeAgreement = AgreementCounts.extend({
  /** The theme's id and label in `themes.json` ("other" for the passages that fit none). */
  id: z.string(),
  label: z.string(),
  /** The reviewed top-level theme it lives on as (renamed, merged, nested), or null if gone. */
  now: z.strictObject({ id: z.string(), label: z.string() }).nullable(),
});

/**
 * `review-summary.json`: how much of the machine's assignment the review kept, as consultation
 * teams report the agreement between the tool's and the reviewed themes. A passage is kept
 * when its reviewed top-level theme is one it was found in (a renamed, merged or nested theme
 * counts as the same theme; "other" as "other"), moved when it now sits elsewhere, excluded
 * when a reviewer took it out. Overall counts each passage once; per theme a passage the tool
 * put in two themes counts in both.
 */
export const ReviewAgreement = z.strictObject({
  format: z.literal('consultation-brief review summary'),
  version: z.literal(1),
  /** Whether a review log exists (false: every passage is where the tool put it). */
  reviewed: z.boolean(),
  definition: z.string(),
  overall: AgreementCounts,
  themes: z.array(ThemeAgreement),
  /** Themes that joined another (merged or nested): not moves, reported here. */
  merged: z.array(
    z.strictObject({ id: z.string(), label: z.string(), into: z.string(), intoLabel: z.string() }),
  ),
});
export type ReviewAgreement = z.infer<typeof ReviewAgreement>;
export type AgreementCounts = z.infer<typeof AgreementCounts>;
