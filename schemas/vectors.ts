import { z } from 'zod';

/** The header of `vectors.bin`: what made the vectors and which row is which. */
export const VectorsHeader = z.strictObject({
  provider: z.string(),
  dims: z.number().int().min(0),
  /** One id per row: passage ids, then `theme:<id>` for taxonomy themes. */
  ids: z.array(z.string()),
});
export type VectorsHeader = z.infer<typeof VectorsHeader>;
