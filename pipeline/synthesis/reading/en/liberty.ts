/**
 * Appeals to liberty on a claim that restricts or permits: "people should be able to decide",
 * "adults have the right to choose", "it is a personal choice" speak against a ban and for a
 * legalisation; denied ("nobody has the right to ...", "should not be allowed to") they speak
 * the other way.
 */
import type { Claim } from './claim.js';

/** Actions that restrict what people may do: liberty argues against them. */
const RESTRICTING: ReadonlySet<string> = new Set([
  'ban',
  'bar',
  'criminalise',
  'criminalize',
  'forbid',
  'limit',
  'outlaw',
  'prohibit',
  'restrict',
]);
/** Actions that let people do what was restricted: liberty argues for them. */
const PERMITTING: ReadonlySet<string> = new Set([
  'allow',
  'decriminalise',
  'decriminalize',
  'legalise',
  'legalize',
  'permit',
]);

/**
 * Liberty claimed for someone ("be able to", "be free to", "have the right to", "the right to
 * choose", "a personal decision"), with a negation up to three words before it in group 1.
 */
const LIBERTY =
  /\b(?:(no|not|n't|nobody|never|no one)\s+(?:\w+\s+){0,2})?(?:(?:be|are|is)\s+(?:\w+ly\s+)?(?:able|allowed|free|permitted)\s+to|(?:have|has)\s+(?:a|the|every)\s+right\s+to|right\s+to\s+(?:choose|decide)|(?:personal|individual|own)\s+(?:choice|decision))\b/iu;

/**
 * Whether a claim restricts (true), permits (false) or neither (null): by its action, or, for a
 * claim of being, by whether it is against its topic ("X should be a criminal offence").
 */
function restricts(claim: Claim): boolean | null {
  if (claim.action === null) return claim.polarity < 0 ? true : null;
  if (RESTRICTING.has(claim.action)) return !claim.negated;
  if (PERMITTING.has(claim.action)) return claim.negated;
  return null;
}

/**
 * For the claim (1), against it (-1), or 0 when the clause claims no liberty or the claim
 * neither restricts nor permits.
 */
export function libertySide(clause: string, claim: Claim): -1 | 0 | 1 {
  const restricting = restricts(claim);
  if (restricting === null) return 0;
  const match = LIBERTY.exec(clause);
  if (!match) return 0;
  const side = restricting ? -1 : 1;
  return match[1] ? (-side as -1 | 1) : side;
}
