import type { StanceSide, StanceSplit } from '../../../schemas/findings.js';
import {
  type Claim,
  claimOf,
  questionClaim,
  type Stance,
  stanceOf,
  topicWordsIn,
} from '../reading/en/stance.js';
import { NO_READINGS, positionRead, type Readings } from '../reading/readings.js';
import type { Position } from '../reading/stance.js';
import type { SynthesisPassage } from './corpus.js';
import {
  bestSentence,
  findingOf,
  foldedWords,
  statementText,
  supportOf,
  wordCounts,
} from './support.js';
import { agreementOf } from './votes.js';

/** A side's statement is taken from one of this many of its most typical passages. */
const EXAMPLE_CANDIDATES = 10;
/** A theme's split is reported when at least this many contributions take a side... */
const MIN_TAKING_SIDES = 4;
/** ...and they are at least this share of the theme's contributions. */
const MIN_SHARE_TAKING_SIDES = 0.15;

/**
 * How a yes/no question's answers divide (every answer is on its topic), or null for a
 * question that asks for something other than a yes or a no, or for English-less answers.
 */
export function questionStance(
  question: string,
  passages: readonly SynthesisPassage[],
  readings: Readings = NO_READINGS,
): StanceSplit | null {
  const claim = questionClaim(question);
  if (!claim) return null;
  const split = splitOf(question, 'question', claim, passages, true, readings);
  return split.favour.support.contributions + split.against.support.contributions > 0
    ? split
    : null;
}

/**
 * How a theme's passages divide on its leading proposal: those that use the proposal's words
 * are read for a side. Null when the proposal names no action, or too few take a side to say
 * how opinion divides.
 */
export function themeStance(
  proposal: { text: string; citations: readonly string[] } | undefined,
  passages: readonly SynthesisPassage[],
  subject: ReadonlySet<string>,
): StanceSplit | null {
  if (!proposal) return null;
  const claim = claimOf(proposal.text, foldedSubject(subject));
  if (!claim || claim.action === null) return null;
  const split = splitOf(proposal.text, 'leading-proposal', claim, passages, false);
  const sides = split.favour.support.contributions + split.against.support.contributions;
  const all = supportOf(passages).contributions;
  if (sides < MIN_TAKING_SIDES || sides < all * MIN_SHARE_TAKING_SIDES) return null;
  const claimed = new Set(proposal.citations);
  return { ...split, votes: agreementOf(passages.filter((p) => claimed.has(p.id))) };
}

/**
 * Reads each English passage for a side (a model's position on its contribution first). Off the question (`onTopic` false), only passages that
 * use two of the claim's topic words (its only one, if it has one) are on its topic; the others
 * are left out of the split altogether.
 */
function splitOf(
  claimText: string,
  basis: StanceSplit['basis'],
  claim: Claim,
  passages: readonly SynthesisPassage[],
  onTopic: boolean,
  readings: Readings = NO_READINGS,
): StanceSplit {
  const sides: Record<Stance, SynthesisPassage[]> = { support: [], oppose: [], unclear: [] };
  for (const passage of passages) {
    // The model's reading of the whole contribution, where it read one.
    const read = positionRead(readings, claimText, passage.contributionId);
    if (read !== undefined) {
      sides[STANCE_OF[read]].push(passage);
      continue;
    }
    if (passage.language !== 'en') continue;
    if (!onTopic && topicWordsIn(passage.text, claim) < Math.min(2, claim.topic.size)) continue;
    sides[stanceOf(passage.text, claim)].push(passage);
  }
  return {
    claim: claimText,
    basis,
    favour: sideOf(sides.support),
    against: sideOf(sides.oppose),
    unclear: supportOf(sides.unclear),
    votes: null,
  };
}

const STANCE_OF: Record<Position, Stance> = {
  favour: 'support',
  against: 'oppose',
  unclear: 'unclear',
};

/** A side: its support, its passages, and the sentence that best carries its common words. */
function sideOf(passages: readonly SynthesisPassage[]): StanceSide {
  const citations = passages.map((p) => p.id);
  if (passages.length === 0) return { support: supportOf(passages), citations, points: [] };
  const { sentence } = bestSentence(passages.slice(0, EXAMPLE_CANDIDATES), wordCounts(passages));
  return {
    support: supportOf(passages),
    citations,
    points: [findingOf(statementText(sentence.text), passages)],
  };
}

/** The consultation's subject words (title, questions) folded, as claims' topics leave them out. */
function foldedSubject(subject: ReadonlySet<string>): Set<string> {
  return new Set(foldedWords([...subject].join(' '), 'en'));
}
