/**
 * A reader that reads each sentence once: the statement groups, key points, quotes, stance, vote
 * and no-view rules ask the kinds of the same sentences in separate passes, and reading them
 * again was a third of the synthesis of 100,000 contributions. The rules are pure, so the
 * answers are the same.
 */
import type { Dependence, StatementKind, StatementReader } from './reader.js';

/** Sentences remembered, over all questions (some 80 bytes each); past it the memory starts again. */
const MEMO_SIZE = 1_000_000;

/**
 * `reader` with its answers remembered by sentence (kinds by sentence and question). The kinds
 * come as a new array each time, as the reader's own do; the few distinct lists of kinds are
 * kept once each.
 */
export function memoisedReader(reader: StatementReader): StatementReader {
  const kinds = new Map<string | null, Map<string, readonly StatementKind[]>>();
  const lists = new Map<string, readonly StatementKind[]>();
  const dependence = new Map<string, Dependence>();
  let remembered = 0;
  const room = () => {
    if (remembered < MEMO_SIZE) return;
    kinds.clear();
    dependence.clear();
    remembered = 0;
  };
  return {
    language: reader.language,
    kindsOf(sentence, context) {
      let byQuestion = kinds.get(context.question);
      if (byQuestion === undefined) {
        byQuestion = new Map();
        kinds.set(context.question, byQuestion);
      }
      let known = byQuestion.get(sentence);
      if (known === undefined) {
        room();
        const read = reader.kindsOf(sentence, context);
        const key = read.join(' ');
        known = lists.get(key) ?? read;
        lists.set(key, known);
        byQuestion.set(sentence, known);
        remembered++;
      }
      return [...known];
    },
    dependenceOf(sentence) {
      const known = dependence.get(sentence);
      if (known !== undefined) return known;
      room();
      const read = reader.dependenceOf(sentence);
      dependence.set(sentence, read);
      remembered++;
      return read;
    },
  };
}
