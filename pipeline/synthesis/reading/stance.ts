/**
 * Where a whole contribution stands on a claim (a yes/no question, or a statement such as a rule,
 * a motion or a theme's leading proposal): favour, against, or unclear. An answer opening ("No.",
 * "Absolutely", "Nein") decides in English, German, French and Spanish; otherwise (English only)
 * each sentence on the claim votes with the weight of its evidence (`en/stance.ts`), a sentence
 * opening with "But" or "However" overrules the one before it, and the contribution abstains when
 * the evidence is weak or mixed. A contribution may instead take a position only on a condition,
 * or propose a compromise (English only): `qualifiedStance`.
 */
import { withNames } from './acronyms.js';
import { answerOpening, asksYesOrNo } from './answer-openings.js';
import { type Claim, claimOf, questionClaim } from './en/claim.js';
import { type Qualified, qualifiedPosition } from './en/qualified.js';
import { type Evidence, type EvidenceRule, sentenceEvidence } from './en/stance.js';
import { sentencesOf } from './sentences.js';

/** A contribution's position on a claim. */
export type Position = 'favour' | 'against' | 'unclear';

/** How much each rule's evidence weighs in a contribution's position. */
const WEIGHT: Readonly<Record<EvidenceRule, number>> = {
  declared: 4,
  'own-action': 3,
  liberty: 3,
  'judged-action': 1,
  appraisal: 1,
};
/** A contribution is decided when its evidence weighs at least this much on one side... */
const MIN_WEIGHT = 2;
/** ...and that side holds at least this share of all its evidence. */
const MIN_SHARE = 0.75;
/** Sentence openings that turn from what came before: the sentence before does not vote. */
const TURN =
  /^\W*(?:but|however|yet|still|nevertheless|nonetheless|that said|on the other hand)\b/iu;

/**
 * The position of a contribution (its whole text) on a yes/no question: read from its opening
 * in any language with known openings, else by the English rules; unclear when the question asks
 * for something other than a yes or a no.
 */
export function contributionStance(text: string, question: string, language: string): Position {
  if (!asksYesOrNo(question)) return 'unclear';
  const opening = answerOpening(text, language);
  if (opening !== 0) return opening > 0 ? 'favour' : 'against';
  const claim = questionClaim(question);
  return claim === null ? 'unclear' : stanceOnClaim(text, claim, language);
}

/**
 * The position of a contribution on a claim put as a statement (a rule, a motion, a leading
 * proposal: "We should abolish capital punishment"); `context` holds words the claim's topic
 * leaves out (the consultation's subject, folded). Unclear when the claim names nothing to take
 * a side on.
 */
export function claimStance(
  text: string,
  claimText: string,
  language: string,
  context: ReadonlySet<string> = new Set(),
): Position {
  const opening = answerOpening(text, language);
  if (opening !== 0) return opening > 0 ? 'favour' : 'against';
  const claim = claimOf(claimText, context);
  return claim === null ? 'unclear' : stanceOnClaim(text, claim, language);
}

/** The weighed evidence of a contribution's sentences on a parsed claim (English only). */
export function stanceOnClaim(text: string, claim: Claim, language: string): Position {
  if (language !== 'en') return 'unclear';
  const votes: (Evidence | null)[] = [];
  for (const { text: sentence } of sentencesOf(withNames(text, claim.acronyms), language)) {
    if (TURN.test(sentence)) votes.pop();
    votes.push(sentenceEvidence(sentence, claim));
  }
  let favour = 0;
  let against = 0;
  for (const vote of votes) {
    if (vote === null) continue;
    const weight = WEIGHT[vote.rule] * (vote.strong ? 2 : 1);
    if (vote.side > 0) favour += weight;
    else against += weight;
  }
  const top = Math.max(favour, against);
  if (top < MIN_WEIGHT || top < MIN_SHARE * (favour + against)) return 'unclear';
  return favour > against ? 'favour' : 'against';
}

/**
 * Whether a contribution takes a conditional position on a claim or proposes a compromise (see
 * `en/qualified.ts`), read from its first sentence that does either; null when none does, and in
 * a language other than English. `claim` (when known) tells its action.
 */
export function qualifiedStance(
  text: string,
  claim: Claim | null,
  language: string,
): Qualified | null {
  if (language !== 'en') return null;
  for (const { text: sentence } of sentencesOf(text, language)) {
    const qualified = qualifiedPosition(sentence, claim);
    if (qualified !== null) return qualified;
  }
  return null;
}
