/**
 * What one English sentence says on a claim (see `claim.ts`), read from structure and appraisal
 * words, strongest evidence first:
 * 1. a declared position: "I oppose this rule", "I support the proposal", "I urge you to reject it";
 * 2. an action of its own on the claim's topic: "we should keep X" against a claim to abolish
 *    X, "we must not ban it";
 * 3. liberty claimed on a claim that restricts or permits: "people should be able to decide"
 *    against a ban (`liberty.ts`);
 * 4. the claim's action named and judged: "abolishing X would be cruel", "by abolishing X we
 *    save lives";
 * 5. its appraisal of the claim's topic as the subject of its main clause: a sentence that speaks
 *    ill of what the claim wants to ban supports the ban, one that praises it opposes the ban.
 * Only the main clause counts: "X has benefits, but it costs lives" is read from "it costs lives".
 * A sentence that judges neither the claim's topic nor its action gives no evidence.
 */

import { foldedWords } from '../../findings/support.js';
import { appraisal, NEGATION } from './appraisal.js';
import { AGAINST, type Claim, MENDING, sameAction } from './claim.js';
import { libertySide } from './liberty.js';
import { type Tag, tagSentence } from './tags.js';
import { nextVerb, OBLIGATION } from './words.js';

/** For the claim (1) or against it (-1). */
export type Side = 1 | -1;

/** The rule that read a side, strongest first. */
export type EvidenceRule = 'declared' | 'own-action' | 'liberty' | 'judged-action' | 'appraisal';

/** What a sentence says on a claim. */
export interface Evidence {
  side: Side;
  rule: EvidenceRule;
  /** For a judgement: whether its appraisal is strong (see `STRONG_APPRAISAL`). */
  strong: boolean;
}

/**
 * The main clause of a sentence with a concession: what follows "but" or "however", or what
 * follows an opening "although X,"; the sentence itself without one.
 */
export function mainClause(sentence: string): string {
  const opening =
    /^\s*(?:although|though|even though|even if|while|whilst|despite|admittedly)\b[^,]*,\s*(.+)$/isu.exec(
      sentence,
    );
  if (opening?.[1]) return opening[1];
  const parts = sentence.split(
    /(?:,|;|\s)\s*\b(?:but|however|yet|nevertheless|nonetheless)\b(?!\s+also\b),?\s+/iu,
  );
  const last = parts.at(-1)?.trim() ?? '';
  if (parts.length > 1 && last.split(/\s+/u).length >= 3) return last;
  const trailing = /^(.+?),\s*(?:although|though|even though|even if|while|whilst)\b/isu.exec(
    sentence,
  );
  return trailing?.[1] ?? sentence;
}

/** Objects of a declared position that name the claim without its words. */
const CLAIM_REFERENCE =
  /^(?:(?:this|the|that|these|your)\s+(?:\w+\s+){0,2}(?:rule|rules|proposal|proposals|regulation|regulations|motion|plan|policy|change|changes|idea|measure|amendment|bill|law|ban|initiative)\b|it\b|this\b|that\b)/iu;

/** A declared position: "I (strongly) support ...", "I am opposed to ...", "I urge you to reject". */
const DECLARED =
  /\bi\s+(?:(?:do\s+not|don't|cannot|can't)\s+)?(?:\w+ly\s+)?(support|favou?r|endorse|welcome|back|oppose|object\s+to|reject|agree\s+with|disagree\s+with|am\s+(?:\w+ly\s+)?(?:against|opposed\s+to|in\s+favou?r\s+of|in\s+support\s+of))(?:\s+(.*))?$/isu;
const URGED =
  /\b(?:i|we)\s+(?:\w+ly\s+)?(?:urge|ask|call\s+on|implore|encourage)\s+(?:you|the\s+\w+)\s+(?:\w+\s+)?to\s+(not\s+)?(reject|withdraw|abandon|drop|rescind|scrap|stop|adopt|approve|finali[sz]e|pass|implement|enact|support|oppose)\b/iu;
const AGAINST_DECLARED =
  /^(?:oppose|object|reject|disagree|am\s+(?:\w+ly\s+)?(?:against|opposed))/iu;
const AGAINST_URGED = /^(?:reject|withdraw|abandon|drop|rescind|scrap|stop|oppose)$/iu;

/** "I oppose this rule", "I urge you to withdraw it": for or against, or 0 without one. */
function declared(clause: string, claim: Claim): number {
  const urged = URGED.exec(clause);
  if (urged) {
    const side = AGAINST_URGED.test(urged[2] ?? '') ? -1 : 1;
    return urged[1] ? -side : side;
  }
  const match = DECLARED.exec(clause);
  if (!match) return 0;
  const object = match[2] ?? '';
  // "I support." alone, or "I am against it": the claim itself.
  const bare = object.replace(/[\s.!]+/gu, '') === '';
  const named = foldedWords(object.split(/[,.;:!?]/u)[0] ?? '', 'en').some((w) =>
    claim.topic.has(w),
  );
  if (!bare && !named && !CLAIM_REFERENCE.test(object)) return 0;
  const side = AGAINST_DECLARED.test(match[1] ?? '') ? -1 : 1;
  return /\b(?:not|n't)\s/iu.test(match[0].slice(0, match[0].indexOf(match[1] ?? '')))
    ? -side
    : side;
}

/** What one sentence says on the claim, or null when it takes no side on it. */
export function sentenceEvidence(sentence: string, claim: Claim): Evidence | null {
  const clause = mainClause(sentence);
  const stated = declared(clause, claim);
  if (stated !== 0) return { side: stated > 0 ? 1 : -1, rule: 'declared', strong: true };
  const { tags } = tagSentence(clause);
  const words = tags.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  const own = ownAction(words, claim);
  if (own !== 0) return { side: own > 0 ? 1 : -1, rule: 'own-action', strong: true };
  const liberty = libertySide(clause, claim);
  if (liberty !== 0) return { side: liberty, rule: 'liberty', strong: true };
  // Actions of removal act rather than judge; mending ("could improve wages") judges.
  const appraised = appraisal(
    words,
    (t) => (AGAINST.has(t.lemma) && !MENDING.has(t.lemma)) || sameAction(t, claim.action),
  );
  if (appraised === 0) return null;
  const strong = Math.abs(appraised) >= STRONG_APPRAISAL;
  const named = claim.action === null ? -1 : words.findIndex((t) => sameAction(t, claim.action));
  if (named >= 0) {
    // The claim's action judged: "abolishing X would be cruel", "if we close it, they go free";
    // a negation just before it turns it round ("not legalizing X would ..."). Consequences are
    // often told in words without valence ("would lead to addiction"): weak evidence at best.
    const negated = words.slice(Math.max(0, named - 3), named).some((t) => NEGATION.has(t.word));
    const put = negated === claim.negated ? 1 : -1;
    return { side: Math.sign(appraised) * put > 0 ? 1 : -1, rule: 'judged-action', strong: false };
  }
  // The claim's topic judged as the subject of the main clause: "X is cruel and costly".
  if (!topicIsSubject(words, claim) && !(clause !== sentence && pronounFor(words, sentence, claim)))
    return null;
  return { side: Math.sign(appraised) * claim.polarity > 0 ? 1 : -1, rule: 'appraisal', strong };
}

/** A modal of obligation ("should", "must"), or "need to", "needs to", "has to", "have to". */
function isObligation(words: readonly Tag[], at: number): boolean {
  const word = (words[at] as Tag).word;
  if (OBLIGATION.has(word)) return true;
  return NEEDS.has(word) && words[at + 1]?.word === 'to';
}

const NEEDS: ReadonlySet<string> = new Set(['need', 'needs', 'has', 'have']);

/**
 * Whether the main clause of a concession opens with a pronoun ("it", "they") that stands for
 * the claim's topic, named in the concession: "X has benefits, but it is cruel".
 */
function pronounFor(words: readonly Tag[], sentence: string, claim: Claim): boolean {
  if (!SUBJECT_PRONOUNS.has(words[0]?.word ?? '')) return false;
  return foldedWords(sentence, 'en').some((w) => claim.topic.has(w));
}

const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['it', 'they', 'this', 'these']);

/** Appraisal at least this strong (AFINN-165 valence summed) is strong evidence. */
const STRONG_APPRAISAL = 3;

/**
 * Whether the clause is about the claim's topic: one of its words comes before the clause's
 * first verb, and the clause names two of them (its only one, if it has one). "The library is
 * lovely" is not about opening the library on Sundays.
 */
function topicIsSubject(words: readonly Tag[], claim: Claim): boolean {
  const verb = words.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const before = verb < 0 ? words : words.slice(0, verb);
  const named = new Set(foldedWords(words.map((t) => t.word).join(' '), 'en'));
  const all = [...claim.topic].filter((w) => named.has(w)).length;
  if (all < Math.min(2, claim.topic.size)) return false;
  return foldedWords(before.map((t) => t.word).join(' '), 'en').some((w) => claim.topic.has(w));
}

/**
 * +1 or -1 when the sentence calls for an action of its own on the claim's topic ("we should
 * keep X", "X must not be banned"), as it agrees with the claim's direction; 0 without one.
 */
function ownAction(words: readonly Tag[], claim: Claim): number {
  for (let i = 0; i < words.length; i++) {
    if (!isObligation(words, i)) continue;
    let verb = nextVerb(words, i);
    if (verb < 0) continue;
    if (words[verb]?.lemma === 'be' && words[verb + 1]?.pos === 'VERB') verb += 1;
    const tag = words[verb] as Tag;
    const negative = words.slice(Math.max(0, i - 1), verb).some((t) => NEGATION.has(t.word));
    // The claim's own action: the same side when put the same way ("should not be charged",
    // "should be legal" for a claim to legalize).
    const own = tag.lemma === 'be' ? words[verb + 1] : tag;
    if (own && sameAction(own, claim.action)) return negative === claim.negated ? 1 : -1;
    const negated = negative ? -1 : 1;
    // Another action counts only on the claim's topic, named as its subject or its object:
    // "we should keep the death penalty", "X must be allowed", "X should not be a crime".
    const around = [...words.slice(Math.max(0, i - 5), i), ...words.slice(verb + 1, verb + 6)];
    const named = foldedWords(around.map((t) => t.word).join(' '), 'en');
    if (!named.some((w) => claim.topic.has(w))) continue;
    let direction: number = AGAINST.has(tag.lemma) ? -1 : 1;
    if (tag.lemma === 'be') {
      // "X should be a crime": what it is called says for or against.
      const called = appraisal(words.slice(verb + 1, verb + 5));
      if (called === 0) continue;
      direction = Math.sign(called);
    }
    return direction * negated * claim.polarity;
  }
  return 0;
}
