/**
 * What a language model read before the findings were built: the kinds of sentences and the
 * positions of contributions on claims. The findings consult it first and the rules for the
 * rest, so they do not care who read; offline it is empty.
 */

import type { StatementKind, StatementReader } from './reader.js';
import type { Position } from './stance.js';

/** The model's reading of a consultation's statements. */
export interface Readings {
  /** Kinds by sentence text (as `sentencesOf` cuts it). */
  readonly kinds: ReadonlyMap<string, readonly StatementKind[]>;
  /** Positions by claim (a yes/no question's text) and contribution id: see `positionKey`. */
  readonly positions: ReadonlyMap<string, Position>;
}

/** Nothing read: every statement is read by the rules. */
export const NO_READINGS: Readings = { kinds: new Map(), positions: new Map() };

/** The key of a contribution's position on a claim in `Readings.positions`. */
export function positionKey(claim: string, contributionId: string): string {
  return `${claim}\u0000${contributionId}`;
}

/** The position the model read for a contribution on a claim, or undefined when it read none. */
export function positionRead(
  readings: Readings,
  claim: string,
  contributionId: string,
): Position | undefined {
  return readings.positions.get(positionKey(claim, contributionId));
}

/**
 * A reader that answers with the model's kinds where it read the sentence and with `base` (the
 * language's rules) elsewhere. A language without rules (`base` null) gets `['other']` for
 * sentences the model did not read, and every sentence stands alone, as `quotableSentences`
 * takes them.
 */
export function readingsReader(
  base: StatementReader | null,
  readings: Readings,
  language: string,
): StatementReader {
  return {
    language,
    kindsOf(sentence, context) {
      const read = readings.kinds.get(sentence);
      if (read !== undefined) return [...read];
      return base?.kindsOf(sentence, context) ?? ['other'];
    },
    dependenceOf: (sentence) => base?.dependenceOf(sentence) ?? null,
  };
}
