import { z } from 'zod';

/** The columns of the review spreadsheet (`brief review --export`), in order. */
export const REVIEW_SHEET_COLUMNS = [
  'passage',
  'contribution',
  'text',
  'theme',
  'subtheme',
  'excluded',
  'reason',
  'alsoIn',
] as const;

/**
 * One row of the review spreadsheet: a passage, where the review has it, and whether it is
 * excluded. Every cell is text. `theme` is the top-level label ("Other ideas" for the passages
 * no theme holds), `subtheme` the sub-theme's label or empty, `excluded` "yes" or empty,
 * `reason` the exclusion's reason, `alsoIn` the other themes of a multi-theme passage
 * (separated by "; ", for reading: the import ignores it).
 */
export const ReviewSheetRow = z.strictObject({
  passage: z.string(),
  contribution: z.string(),
  text: z.string(),
  theme: z.string(),
  subtheme: z.string(),
  excluded: z.string(),
  reason: z.string(),
  alsoIn: z.string(),
});
export type ReviewSheetRow = z.infer<typeof ReviewSheetRow>;
