import type { GuidingQuestion } from '../../../schemas/consultation.js';

/** Finds the guiding question an input's `question` value names, by id or by text. */
export interface QuestionMatcher {
  /** The question's id, or null when the value names none. */
  match(value: string | null): string | null;
  /** Values that named no question: how many, and the first one seen. */
  unmatched(): { count: number; example: string | null };
}

/** Lower case with runs of white space as one space, trimmed. */
function folded(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * Matches a `question` field against the config's questions: exactly by id, then exactly by
 * text, then by text ignoring case and white space (exports often carry the question's wording,
 * not an id, and reflow it).
 */
export function createQuestionMatcher(questions: readonly GuidingQuestion[]): QuestionMatcher {
  const exact = new Map<string, string>();
  for (const q of questions) exact.set(q.text, q.id);
  for (const q of questions) exact.set(q.id, q.id);
  const loose = new Map<string, string>();
  for (const q of questions) if (!loose.has(folded(q.text))) loose.set(folded(q.text), q.id);
  let count = 0;
  let example: string | null = null;
  return {
    match(value) {
      if (value === null || value.trim() === '') return null;
      const id = exact.get(value) ?? loose.get(folded(value)) ?? null;
      if (id === null) {
        count++;
        example ??= value;
      }
      return id;
    },
    unmatched: () => ({ count, example }),
  };
}
