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
 * Whether passages are mapped to questions by their question field: when at least half of them
 * (`named` of `total`, and at least one) name a guiding question.
 */
export function mappedByField(named: number, total: number): boolean {
  return named > 0 && named * 2 >= total;
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

/**
 * The text of the question an input's `question` value stands for, to read its answer by: the
 * guiding question it names (by id or text), else the value itself (exports often carry the
 * wording of a question the config does not list), else, with no value and one guiding
 * question, that one; null when no question is known.
 */
export function createQuestionTexts(
  questions: readonly GuidingQuestion[],
): (value: string | null) => string | null {
  const matcher = createQuestionMatcher(questions);
  const textOf = new Map(questions.map((q) => [q.id, q.text]));
  const only = questions.length === 1 ? (questions[0]?.text ?? null) : null;
  return (value) => {
    if (value === null || value.trim() === '') return only;
    const id = matcher.match(value);
    return id === null ? value : (textOf.get(id) ?? value);
  };
}
