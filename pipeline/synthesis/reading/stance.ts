/**
 * Where a whole contribution stands on a yes/no question: favour, against, or unclear. The
 * question's claim is read by `questionClaim`; a language without stance rules is unclear.
 */
import { questionClaim, stanceOf } from './en/stance.js';

/** A contribution's position on a claim. */
export type Position = 'favour' | 'against' | 'unclear';

/**
 * The position of a contribution (its whole text) on a yes/no question; unclear when the
 * question asks for something other than a yes or a no, or the language has no stance rules.
 */
export function contributionStance(text: string, question: string, language: string): Position {
  const claim = questionClaim(question);
  if (claim === null || language !== 'en') return 'unclear';
  const stance = stanceOf(text, claim);
  return stance === 'support' ? 'favour' : stance === 'oppose' ? 'against' : 'unclear';
}
