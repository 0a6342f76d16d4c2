import { z } from 'zod';

/** Most passages a suggestion request may name, and most suggestions or misfits it returns. */
export const SUGGESTION_LIMITS = { like: 200, items: 200, defaultItems: 20 };

const PassageId = z.string().min(1).max(500);

/** Where suggested passages would go: a theme (by id), "other ideas", or out of the brief. */
export const SuggestionTarget = z.union([
  z.strictObject({ theme: z.string().min(1).max(200) }),
  z.strictObject({ other: z.literal(true) }),
  z.strictObject({ excluded: z.literal(true) }),
]);
export type SuggestionTarget = z.infer<typeof SuggestionTarget>;

/** `POST /api/suggestions`: passages that look like `like`, to send where `like` went. */
export const SuggestionRequest = z.strictObject({
  like: z.array(PassageId).min(1).max(SUGGESTION_LIMITS.like),
  target: SuggestionTarget,
  limit: z
    .number()
    .int()
    .min(1)
    .max(SUGGESTION_LIMITS.items)
    .default(SUGGESTION_LIMITS.defaultItems),
});
export type SuggestionRequest = z.infer<typeof SuggestionRequest>;
