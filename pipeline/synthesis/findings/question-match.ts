// Which guiding question a `question` value names; no import of the config schema, which uses it.

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

/** What a guiding question is named by: its id and its text. */
export interface QuestionNames {
  id: string;
  text: string;
}

/**
 * The lookup every `question` value goes through, a record's and a file's alike: exactly by id,
 * then exactly by text, then by text ignoring case and white space (exports often carry the
 * question's wording, not an id, and reflow it). Returns the question's id, or null.
 */
export function createQuestionLookup(
  questions: readonly QuestionNames[],
): (value: string) => string | null {
  const exact = new Map<string, string>();
  for (const q of questions) exact.set(q.text, q.id);
  for (const q of questions) exact.set(q.id, q.id);
  const loose = new Map<string, string>();
  for (const q of questions) if (!loose.has(folded(q.text))) loose.set(folded(q.text), q.id);
  return (value) => exact.get(value) ?? loose.get(folded(value)) ?? null;
}

/** Matches `question` values against the config's questions (see {@link createQuestionLookup}). */
export function createQuestionMatcher(questions: readonly QuestionNames[]): QuestionMatcher {
  const lookup = createQuestionLookup(questions);
  let count = 0;
  let example: string | null = null;
  return {
    match(value) {
      if (value === null || value.trim() === '') return null;
      const id = lookup(value);
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
  questions: readonly QuestionNames[],
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
