import { z } from 'zod';

/**
 * One line of `<stage>-warnings.jsonl` in the run folder: an item behind a warning that printed
 * only a count and a few examples (a renamed id, an orphaned decision), named by `warning`.
 */
export const WarningDetail = z
  .object({ warning: z.string().min(1) })
  .catchall(z.union([z.string(), z.number(), z.null()]));
export type WarningDetail = z.infer<typeof WarningDetail>;
