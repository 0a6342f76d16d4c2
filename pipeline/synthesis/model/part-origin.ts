// Where the text of a part the model is asked to write (a theme, question, week, key messages) came from.

/**
 * Where a part's text came from: the model wrote it this run, a previous run's model text was
 * reused, or the replies were malformed and the offline text stands.
 */
export type PartOrigin = 'written' | 'reused' | 'malformed';

/** The kinds of part, as counted in `findings.grounding.byModel`. */
export type PartKind = 'themes' | 'questions' | 'weeks' | 'keyMessages';

/** The key of a part in a map of origins. */
export const partKey = {
  theme: (id: string) => `theme:${id}`,
  question: (id: string) => `question:${id}`,
  week: (index: number) => `week:${index}`,
  keyMessages: 'key-messages',
} as const;
