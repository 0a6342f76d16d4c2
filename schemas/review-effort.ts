// The review-effort bench's gold file (one labelled passage a row) and what `--json` prints.
import { z } from 'zod';

/** A row of the gold CSV: a contribution's text and the theme a human gave it; `id` optional. */
export const GoldRow = z.looseObject({
  id: z.string().trim().min(1).max(500).optional(),
  text: z.string().trim().min(1, 'A text must not be empty'),
  theme: z.string().trim().min(1, 'A theme must not be empty').max(120),
});
export type GoldRow = z.infer<typeof GoldRow>;

/** A simulated facilitator's effort to reach the agreement target. */
export const EffortFigures = z.strictObject({
  /** Passages whose top-level theme had to change once the themes were named after the gold. */
  mustMove: z.number().int().min(0),
  /** Passages ticked one by one to be moved, split or excluded (accepted suggestions not counted). */
  tickedByHand: z.number().int().min(0),
  /** Decisions sent (renames, merges, splits, moves, accepted suggestions). */
  decisions: z.number().int().min(0),
  /** Share of passages whose reviewed top-level theme is labelled with their gold label. */
  agreement: z.number().min(0).max(1),
});
export type EffortFigures = z.infer<typeof EffortFigures>;

/** `npm run bench -- review-effort --json`. */
export const ReviewEffortReport = z.strictObject({
  withSuggestions: EffortFigures,
  withoutSuggestions: EffortFigures,
});
export type ReviewEffortReport = z.infer<typeof ReviewEffortReport>;
