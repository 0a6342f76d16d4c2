// A row of the Cycling Dialogues corpus (eval/cycling-de/dataset.csv), the columns the eval reads.
import { z } from 'zod';

/** The 8 main categories, as `main_category_level1` names them (without its `level1_` prefix). */
export const CyclingCategory = z.enum([
  'cycling_traffic_management',
  'cycle_path_quality',
  'traffic_lights',
  'obstacles',
  'signage',
  'bicycle_parking',
  'misc',
  'lighting',
]);
export type CyclingCategory = z.infer<typeof CyclingCategory>;

/** A contribution: its id, title, text (empty for a few) and main category; other columns pass. */
export const CyclingDeRow = z.looseObject({
  ID: z.string().min(1),
  title: z.string().trim().min(1),
  text: z.string(),
  main_category_level1: z
    .string()
    .transform((value) => value.replace(/^level1_/, ''))
    .pipe(CyclingCategory),
});
export type CyclingDeRow = z.infer<typeof CyclingDeRow>;
