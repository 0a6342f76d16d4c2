// The stance baseline of `brief eval synthesis`: a contribution's position read from its opening
// word alone ("Yes", "No", "Ja", "Nein", "Oui", "Non", "Sí"), unclear otherwise.
import type { Position } from '../synthesis/reading/stance.js';

/** Opening words of a yes, and of a no, in the languages the tool reads. */
const YES = /^(yes|yeah|yep|absolutely|definitely|agreed?|ja|jawohl|oui|sí)(?![\p{L}\p{N}])/iu;
const NO = /^(no|nope|disagree|nein|non)(?![\p{L}\p{N}])(?!\s+(more|longer|one|doubt)\b)/iu;

/**
 * The position a contribution's opening word gives: favour after a yes, against after a no
 * ("No more ...", "No doubt ..." are no "no"), unclear otherwise. The language is not consulted.
 */
export function openingStance(contribution: string): Position {
  const opening = contribution.trimStart().replace(/^[\s"'“‘(¡¿-]+/u, '');
  if (YES.test(opening)) return 'favour';
  if (NO.test(opening)) return 'against';
  return 'unclear';
}
