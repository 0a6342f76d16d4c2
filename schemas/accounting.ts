import { z } from 'zod';
import { ExclusionReason, RedactionKind } from './clean-record.js';

const Count = z.number().int().min(0);

/**
 * Where every input record went in the clean stage:
 * `read = kept + duplicates + nothingToChange + excluded`.
 */
export const Accounting = z.strictObject({
  /** Records read from `contributions.jsonl`. */
  read: Count,
  /** Records kept, each with at least one passage. */
  kept: Count,
  /** Records merged into a kept record as extra voices. */
  duplicates: z.strictObject({ exact: Count, near: Count }),
  /**
   * Answers saying only that nothing needs to change, to a question asking what could be better:
   * counted under their question, not themed.
   */
  nothingToChange: Count,
  /** Records excluded, by reason (every reason listed, zero included). */
  excluded: z.record(ExclusionReason, Count),
  /**
   * Survey layout: questions respondents left blank. Not records (outside `read`): a blank cell
   * is a question skipped, not a contribution.
   */
  blankAnswers: Count,
  /** Passages of the kept records. */
  passages: Count,
  /** Kept records per language (ISO 639-1), most frequent first. */
  languages: z.record(z.string(), Count),
  /** Redactions by kind, over all records. */
  redactions: z.record(RedactionKind, Count),
});
export type Accounting = z.infer<typeof Accounting>;
