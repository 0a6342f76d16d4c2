// A row of BANKING77's test.csv and train.csv (eval/banking77): a customer query and its intent.
import { z } from 'zod';

/** A query and its intent, an underscored name such as `card_arrival`. */
export const Banking77Row = z.strictObject({
  text: z.string().trim().min(1),
  category: z.string().trim().min(1),
});
export type Banking77Row = z.infer<typeof Banking77Row>;
