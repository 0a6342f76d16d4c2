import { z } from 'zod';

/** Where a theme came from: the consultation's taxonomy, or found in the contributions. */
export const ThemeOrigin = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('guided'), themeId: z.string() }),
  z.strictObject({ kind: z.literal('emergent') }),
]);
export type ThemeOrigin = z.infer<typeof ThemeOrigin>;

export const Theme = z.strictObject({
  id: z.string(),
  label: z.string().min(1),
  description: z.string(),
  keywords: z.array(z.string()),
  /** The parent theme's id for a sub-theme; null at the top level. */
  parentId: z.string().nullable(),
  origin: ThemeOrigin,
  /**
   * The guiding question (its id) whose answers the theme was found in, when contributions carry
   * their question and themes are found within each question; absent for guided themes and
   * for themes found across all passages.
   */
  questionId: z.string().optional(),
  /** Every passage in the theme, best fitting first (a passage may be in two themes). */
  passageIds: z.array(z.string()),
  /** How well each passage fits (cosine similarity to the theme's centre), as `passageIds`. */
  scores: z.array(z.number()),
  /** Distinct contributions and participants behind the passages. */
  contributionCount: z.number().int().min(0),
  participantCount: z.number().int().min(0),
  /** 3-5 passages chosen for centrality and variety. */
  representativeIds: z.array(z.string()),
});
export type Theme = z.infer<typeof Theme>;

/** `themes.json`: the themes in two levels, and the passages that fit none. */
export const Themes = z.strictObject({
  themes: z.array(Theme),
  other: z.strictObject({
    label: z.string(),
    passageIds: z.array(z.string()),
  }),
  /** Passages not in English: themed by their wording only (the word vectors are English). */
  nonEnglishPassageIds: z.array(z.string()),
  /** How the theme set was chosen, for the methodology section and for debugging. */
  method: z.strictObject({
    provider: z.string(),
    chosenK: z.number().int().min(0),
    criterion: z.string(),
    /** The model that named the emergent themes, or null when they were named offline. */
    labelledBy: z.string().nullable(),
    /** Model-written names or descriptions that failed their checks and gave way to the offline ones. */
    labelsRejected: z.number().int().min(1).optional(),
    scores: z.array(z.strictObject({ k: z.number().int(), score: z.number() })),
  }),
});
export type Themes = z.infer<typeof Themes>;
