/**
 * How contributions divide on a claim: a yes/no guiding question, or a theme's leading proposal.
 * Each contribution gets one position, read from all its passages on the claim; the counts are of
 * contributions with their merged duplicates (voices), never of passages.
 */
import type { StanceSide, StanceSplit } from '../../../schemas/findings.js';
import { asksYesOrNo } from '../reading/answer-openings.js';
import { claimOf, topicWordsIn } from '../reading/en/claim.js';
import { NO_READINGS, positionRead, type Readings } from '../reading/readings.js';
import { contributionStance, type Position, stanceOnClaim } from '../reading/stance.js';
import type { SynthesisPassage } from './corpus.js';
import {
  bestSentenceWhere,
  findingOf,
  foldedWords,
  statementText,
  supportOf,
  wordCounts,
} from './support.js';
import { agreementOf } from './votes.js';

/** A split is shown when at least this share of the contributions on the claim take a side. */
export const MIN_DECIDED = 0.6;
/** A theme's split is reported when at least this many contributions take a side... */
const MIN_TAKING_SIDES = 4;
/** ...and they are at least this share of the theme's contributions. */
const MIN_SHARE_TAKING_SIDES = 0.15;

/** Reads a text (a contribution, or one of its sentences) for its position on the claim. */
type Reading = (text: string, language: string) => Position;
/** A model's position on a contribution, or undefined where it read none. */
type ModelReading = (contributionId: string) => Position | undefined;

/**
 * How the answers to a yes/no question divide (every answer is on its topic), or null for a
 * question that asks for something other than a yes or a no, or that has no answers. A split
 * whose answers mostly take no side clearly is not `reliable`. A model's position on a
 * contribution (`readings`) comes before the rules'.
 */
export function questionStance(
  question: string,
  passages: readonly SynthesisPassage[],
  readings: Readings = NO_READINGS,
): StanceSplit | null {
  if (!asksYesOrNo(question) || passages.length === 0) return null;
  const read: Reading = (text, language) => contributionStance(text, question, language);
  const model: ModelReading = (id) => positionRead(readings, question, id);
  return splitOf(question, 'question', passages, read, model);
}

/**
 * How a theme's contributions divide on its leading proposal: those that use the proposal's
 * words are read for a side (an answer's "Yes" or "No" is not about the proposal, so openings
 * do not count). Null when the proposal names no action, or too few take a side to say how
 * opinion divides reliably.
 */
export function themeStance(
  proposal: { text: string; citations: readonly string[] } | undefined,
  passages: readonly SynthesisPassage[],
  subject: ReadonlySet<string>,
): StanceSplit | null {
  if (!proposal) return null;
  const claim = claimOf(proposal.text, foldedSubject(subject));
  if (!claim || claim.action === null) return null;
  // Only passages on the proposal's topic: two of its topic words (its only one, if one).
  const needed = Math.min(2, claim.topic.size);
  const onTopic = passages.filter(
    (p) => p.language === 'en' && topicWordsIn(p.text, claim) >= needed,
  );
  const read: Reading = (text, language) => stanceOnClaim(text, claim, language);
  const split = splitOf(proposal.text, 'leading-proposal', onTopic, read);
  const sides = split.favour.support.contributions + split.against.support.contributions;
  const all = supportOf(passages).contributions;
  if (!split.reliable || sides < MIN_TAKING_SIDES || sides < all * MIN_SHARE_TAKING_SIDES) {
    return null;
  }
  const claimed = new Set(proposal.citations);
  return { ...split, votes: agreementOf(passages.filter((p) => claimed.has(p.id))) };
}

/** Each contribution's passages read together for one position, and the sides they make. */
function splitOf(
  claimText: string,
  basis: StanceSplit['basis'],
  passages: readonly SynthesisPassage[],
  read: Reading,
  model: ModelReading = () => undefined,
): StanceSplit {
  const sides: Record<Position, SynthesisPassage[]> = { favour: [], against: [], unclear: [] };
  for (const own of byContribution(passages)) {
    const first = own[0] as SynthesisPassage;
    const position =
      model(first.contributionId) ?? read(own.map((p) => p.text).join('\n'), first.language);
    for (const passage of own) sides[position].push(passage);
  }
  const favour = sideOf(sides.favour, 'favour', read);
  const against = sideOf(sides.against, 'against', read);
  const unclear = supportOf(sides.unclear);
  const decided = favour.support.contributions + against.support.contributions;
  return {
    claim: claimText,
    basis,
    favour,
    against,
    unclear: { ...unclear, citations: sides.unclear.map((p) => p.id) },
    reliable: decided > 0 && decided >= MIN_DECIDED * (decided + unclear.contributions),
    votes: null,
  };
}

/** The passages of each contribution, in the order the contributions first appear. */
function byContribution(passages: readonly SynthesisPassage[]): SynthesisPassage[][] {
  const groups = new Map<string, SynthesisPassage[]>();
  for (const passage of passages) {
    const own = groups.get(passage.contributionId);
    if (own) own.push(passage);
    else groups.set(passage.contributionId, [passage]);
  }
  return [...groups.values()];
}

/**
 * A side: its support, its passages, and the sentence that best carries its common words among
 * those that take the side by themselves (none when no sentence does).
 */
function sideOf(passages: readonly SynthesisPassage[], side: Position, read: Reading): StanceSide {
  const citations = passages.map((p) => p.id);
  const support = supportOf(passages);
  const takesSide = (sentence: { text: string }, passage: SynthesisPassage) =>
    read(sentence.text, passage.language) === side;
  const best = bestSentenceWhere(passages, wordCounts(passages), takesSide);
  if (!best) return { support, citations, points: [] };
  return { support, citations, points: [findingOf(statementText(best.sentence.text), passages)] };
}

/** The consultation's subject words (title, questions) folded, as claims' topics leave them out. */
function foldedSubject(subject: ReadonlySet<string>): Set<string> {
  return new Set(foldedWords([...subject].join(' '), 'en'));
}
