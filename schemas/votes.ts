import { z } from 'zod';

/** One vote: 1 agree, -1 disagree, 0 pass. */
export const VoteValue = z.union([z.literal(1), z.literal(-1), z.literal(0)]);
export type VoteValue = z.infer<typeof VoteValue>;

/** `votes.json`: who voted how on which contribution, from the config's `input.votes` file. */
export const Ballots = z.strictObject({
  /** The file read, or null when the config names none (then everything else is empty). */
  file: z.string().nullable(),
  participants: z.array(z.string()),
  /** The contributions voted on: the file's columns that name a contribution id. */
  contributions: z.array(z.string()),
  /** Each vote cast: [participant index, contribution index, vote]. */
  votes: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0), VoteValue])),
});
export type Ballots = z.infer<typeof Ballots>;
