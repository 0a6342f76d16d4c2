/**
 * Positions that are neither for nor against a claim outright, in English: conditional ones
 * ("only if the vaccine is proven safe", "as long as it is regulated", "quarantine yes, forced
 * vaccination no") and compromise proposals ("a middle ground", "regulate rather than ban", "a
 * public option beside private insurance").
 */
import type { Claim } from './claim.js';

/** A position taken only on a condition, or a proposal between the two sides. */
export type Qualified = 'conditional' | 'compromise';

/** Words that put a condition on what comes before or after them. */
const CONDITION =
  '(?:only\\s+(?:if|when|where|once)|if\\s+and\\s+only\\s+if|(?<!for\\s)(?:as|so)\\s+long\\s+as(?!\\s+(?:\\w+\\s+){0,2}(?:wants?|likes?|wish(?:es)?|chooses?|pleases?|exists?|lives?|feel|ares+able|can)\\b)|(?:provided|providing)\\s+(?:that|it|they|there|we|you|he|she|people|parents|children)|on\\s+(?:the\\s+)?condition|unless)';
/**
 * A sentence that opens with a condition, past an answer and a "but": "Only if it is safe.",
 * "Yes, but only if ...", "As long as the children follow a curriculum, ...", "It depends on ...".
 */
const OPENS_WITH_CONDITION = new RegExp(
  `^\\W*(?:(?:yes|no|ok|okay|fine|sure|maybe|perhaps|possibly)\\b\\W*)?(?:but\\s+)?(?:${CONDITION}|(?:it\\s+(?:all\\s+)?)?depends\\s+on|under\\s+(?:certain|some|strict)\\s+conditions|in\\s+(?:some|certain)\\s+cases|(?:on\\s+a\\s+)?case\\s+by\\s+case)\\b`,
  'iu',
);
/**
 * A position on the claim ("should be allowed", "I support it", "is acceptable") with a condition
 * after it in the same clause: "Homeschooling should be allowed as long as it is inspected."
 */
const POSITION_ON_CONDITION = new RegExp(
  `\\b(?:should|must|ought\\s+to|be\\s+(?:allowed|permitted|legal|banned|mandatory|compulsory)|(?:is|are|be)\\s+(?:ok|okay|fine|acceptable|justified)|i\\s+(?:would\\s+)?(?:support|agree|accept)|in\\s+favou?r)\\b[^.;:!?]*?,?\\s*(?:but\\s+)?\\b${CONDITION}\\b`,
  'iu',
);
/** Yes to one thing, no to another: "quarantine yes, forced vaccination no", "yes to X, no to Y". */
const PARTLY = [
  /\b[\p{L}-]+\s+yes\s*[,;:/]\s*(?:[\p{L}-]+\s+){0,3}[\p{L}-]+\s+no\b/iu,
  /\byes\s+to\b[^.;!?]*\bno\s+to\b/iu,
  /\byes,?\s+(?:for|to|in|on)\b[^.;!?]*\bbut\s+not\b/iu,
];
/** A middle way named as such. */
const MIDDLE_WAY =
  /\b(?:middle\s+(?:ground|way|path|road)|happy\s+medium|(?:a|some)\s+compromise|compromise\s+(?:would|could|is|between)|meet\s+(?:in\s+the\s+middle|halfway)|best\s+of\s+both|(?:strike|strikes|striking|find|finds|finding)\s+(?:a\s+|the\s+)?(?:good\s+|fair\s+|right\s+)?balance|balanced\s+approach|partial\s+(?:ban|legali[sz]ation|opening)|hybrid\s+(?:system|model|approach))\b/iu;
/** An option kept beside another: "a public option beside private insurance". */
const OPTION_BESIDE =
  /\b(?:option|choice|alternative)s?\s+(?:[\p{L}-]+\s+){0,2}(?:alongside|beside|next\s+to|in\s+addition\s+to)\b/iu;
/** The outright form of a measure that a milder one is put in place of ("rather than ban"). */
const OUTRIGHT =
  '(?:outright\\s+|a\\s+(?:full\\s+|total\\s+|complete\\s+|blanket\\s+)?|complete(?:ly)?\\s+|total(?:ly)?\\s+)?';
const ALTERNATIVE = new RegExp(
  `\\b(?:rather\\s+than|instead\\s+of)\\s+${OUTRIGHT}([\\p{L}-]+)`,
  'giu',
);
/** Measures at one end: a milder alternative to one of them proposes something in between. */
const OUTRIGHT_MEASURES =
  /^(?:ban|prohibit|outlaw|abolish|abolition|forc|compel|mandat|criminali)/iu;

/**
 * Whether an English sentence takes a conditional position or proposes a compromise on a claim
 * (`claim`, when known, adds its own action to the measures a milder alternative can replace:
 * "decriminalise rather than legalise"); null when it does neither.
 */
export function qualifiedPosition(sentence: string, claim: Claim | null = null): Qualified | null {
  if (OPENS_WITH_CONDITION.test(sentence) || POSITION_ON_CONDITION.test(sentence)) {
    return 'conditional';
  }
  if (PARTLY.some((rule) => rule.test(sentence))) return 'conditional';
  if (MIDDLE_WAY.test(sentence) || OPTION_BESIDE.test(sentence)) return 'compromise';
  for (const match of sentence.matchAll(ALTERNATIVE)) {
    const measure = (match[1] as string).toLowerCase();
    const own = claim?.action ? measure.startsWith(claim.action.slice(0, 5)) : false;
    if (own || OUTRIGHT_MEASURES.test(measure)) return 'compromise';
  }
  return null;
}
