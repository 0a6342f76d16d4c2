import { z } from 'zod';

/**
 * The JSON shapes the prompts ask for. Every field is required and no other is allowed, as
 * OpenAI's strict structured output needs; lengths are checked in code, after the answer.
 */
export const Statement = z.strictObject({ text: z.string(), refs: z.array(z.string()) });
export type Statement = z.infer<typeof Statement>;

export const Excerpt = z.strictObject({ ref: z.string(), text: z.string() });
export type Excerpt = z.infer<typeof Excerpt>;

export const ThemeLabelsAnswer = z.strictObject({
  themes: z.array(z.strictObject({ ref: z.string(), label: z.string(), description: z.string() })),
});
export type ThemeLabelsAnswer = z.infer<typeof ThemeLabelsAnswer>;

export const ThemeFindingsAnswer = z.strictObject({
  summary: z.array(Statement),
  keyPoints: z.array(Statement),
  proposals: z.array(Statement),
  concerns: z.array(Statement),
  quotes: z.array(Excerpt),
});
export type ThemeFindingsAnswer = z.infer<typeof ThemeFindingsAnswer>;

export const ThemeNotesAnswer = z.strictObject({
  points: z.array(Statement),
  quotes: z.array(Excerpt),
});
export type ThemeNotesAnswer = z.infer<typeof ThemeNotesAnswer>;

export const PointsAnswer = z.strictObject({ points: z.array(Statement) });
export type PointsAnswer = z.infer<typeof PointsAnswer>;

export const QuestionAnswer = z.strictObject({
  keyPoints: z.array(Statement),
  proposals: z.array(Statement),
});
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;

export const WeekAnswer = z.strictObject({ keyPoints: z.array(Statement) });
export type WeekAnswer = z.infer<typeof WeekAnswer>;

export const TranslationsAnswer = z.strictObject({ translations: z.array(Excerpt) });
export type TranslationsAnswer = z.infer<typeof TranslationsAnswer>;

/**
 * Kinds per sentence. Kinds and positions are free strings here, checked per item in code
 * (`model/statement-reading.ts`): one unknown value makes that item fall back to the rules, not
 * the whole batch.
 */
export const StatementKindsAnswer = z.strictObject({
  sentences: z.array(
    z.strictObject({
      ref: z.string(),
      kinds: z
        .array(z.string())
        .describe(
          'one or more of proposal, concern, opportunity, praise, nothing_to_change, self_description, other',
        ),
    }),
  ),
});
export type StatementKindsAnswer = z.infer<typeof StatementKindsAnswer>;

/** A position per contribution on a claim. */
export const StancesAnswer = z.strictObject({
  positions: z.array(
    z.strictObject({
      ref: z.string(),
      position: z.string().describe('favour, against or unclear'),
    }),
  ),
});
export type StancesAnswer = z.infer<typeof StancesAnswer>;

/** "English" for `en`: the language prompts ask the model to write. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
