// Checks a rendered brief for one count per claim, counts that add up, and sentences repeated in its body.
import {
  type ClaimConflict,
  type ClaimCount,
  collectClaims,
  conflictingClaims,
} from './brief-claims.js';
import { type RepeatedSentence, repeatedSentences } from './quote-repeats.js';

/** What `checkBrief` found; every list empty for a brief that passes. */
export interface BriefCheck {
  /** Claims shown with different numbers of the same unit. */
  conflicts: ClaimConflict[];
  /** Totals that should add up and do not, in words. */
  sums: string[];
  /** Sentences shown more than twice in the body. */
  repeats: RepeatedSentence[];
}

/** Checks a brief's Markdown (see `collectClaims` and `repeatedSentences`). */
export function checkBrief(markdown: string): BriefCheck {
  const claims = collectClaims(markdown);
  return {
    conflicts: conflictingClaims(claims),
    sums: questionSums(claims),
    repeats: repeatedSentences(markdown),
  };
}

/**
 * Where the brief says how many contributions name no question, the questions' contributions
 * and those must add up to all contributions.
 */
function questionSums(claims: readonly ClaimCount[]): string[] {
  const value = (claim: string) =>
    claims.find((c) => c.claim === claim && c.unit === 'contributions')?.value;
  const all = value('all');
  const none = value('question:none');
  if (all === undefined || none === undefined) return [];
  const questions = new Map(
    claims
      .filter((c) => /^question:\d+$/.test(c.claim) && c.unit === 'contributions')
      .map((c) => [c.claim, c.value]),
  );
  const sum = [...questions.values()].reduce((a, b) => a + b, none);
  return sum === all
    ? []
    : [
        `the ${questions.size} questions' contributions and the ${none} naming none add to ${sum}, not the ${all} in all`,
      ];
}
