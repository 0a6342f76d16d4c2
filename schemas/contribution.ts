import { z } from 'zod';

/** Where a contribution came from: the file (relative to the config) and its place in it. */
export const Provenance = z.strictObject({
  file: z.string(),
  /** 1-based record number within the file (data rows for tables, items for JSON). */
  record: z.number().int().min(1),
  /** 1-based line where the record starts, for text-based formats. */
  line: z.number().int().min(1).optional(),
  /** Survey layout: the column the answer is from (the guiding question's `column`). */
  column: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const Votes = z.strictObject({
  agrees: z.number().int().min(0),
  disagrees: z.number().int().min(0),
  passes: z.number().int().min(0),
});
export type Votes = z.infer<typeof Votes>;

/** One contribution exactly as read, with its fields mapped by the config. */
export const Contribution = z.strictObject({
  /** Unique within the run: the input id, made unique with `~2`, `~3` when the input repeats it. */
  id: z.string().min(1),
  text: z.string(),
  author: z.string().nullable(),
  authorName: z.string().nullable(),
  /** ISO 8601 timestamp (UTC), or null when the input had none or it could not be read. */
  date: z.string().nullable(),
  week: z.string().nullable(),
  question: z.string().nullable(),
  thread: z.string().nullable(),
  replyTo: z.string().nullable(),
  language: z.string().nullable(),
  /** True when the moderation field says the contribution was rejected. */
  rejected: z.boolean(),
  votes: Votes.nullable(),
  metadata: z.record(z.string(), z.string()),
  /** Respondent attributes (`input.attributes`) by label, blank ones left out. */
  attributes: z.record(z.string(), z.string()),
  /** Markup of `text`, which decides how the clean stage turns it into plain text. */
  markup: z.enum(['plain', 'markdown', 'html']),
  source: Provenance,
  /**
   * Survey layout: how many of the guiding questions this respondent left blank, on the
   * respondent's first contribution (absent when none), for the clean accounting.
   */
  blankAnswers: z.number().int().min(1).optional(),
});
export type Contribution = z.infer<typeof Contribution>;
