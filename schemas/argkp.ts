import { z } from 'zod';

/** ArgKP's stance column: 1 for the motion, -1 against it. */
export const ArgKpStance = z.enum(['1', '-1']).transform((s) => (s === '1' ? 'pro' : 'con'));
export type ArgKpStance = z.infer<typeof ArgKpStance>;

const count = z
  .string()
  .regex(/^\d+$/, 'expected a whole number')
  .transform((s) => Number.parseInt(s, 10));

/** A row of `args_with_keypoint_labels.csv`: an argument joined with its matching key points. */
export const ArgKpArgumentRow = z.strictObject({
  split: z.enum(['train', 'dev']),
  topic: z.string().min(1),
  stance: ArgKpStance,
  arg_id: z.string().min(1),
  argument: z.string().min(1),
  /** How many key points the annotators matched to the argument. */
  n_matching_kps: count,
  /** The matching key point ids, `|`-separated; empty when none matched. */
  key_point_ids: z.string(),
  /** Their texts, ` | `-separated. */
  key_points: z.string(),
});
export type ArgKpArgumentRow = z.infer<typeof ArgKpArgumentRow>;

/** A row of `kpm_data/key_points_{train,dev}.csv`: a key point an expert wrote. */
export const ArgKpKeyPointRow = z.strictObject({
  key_point_id: z.string().min(1),
  key_point: z.string().min(1),
  topic: z.string().min(1),
  stance: ArgKpStance,
});
export type ArgKpKeyPointRow = z.infer<typeof ArgKpKeyPointRow>;
