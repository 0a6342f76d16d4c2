/**
 * How contributions divide on a claim: a yes/no guiding question, or a theme's leading proposal.
 * Each contribution gets one position (for, against, conditional, a compromise, or unclear), read
 * from all its passages on the claim; the counts are of contributions with their merged
 * duplicates (voices), never of passages. Each side comes with its main reasons.
 */
import type { Finding, StanceSide, StanceSplit } from '../../../schemas/findings.js';
import { asksYesOrNo } from '../reading/answer-openings.js';
import { type Claim, claimOf, questionClaim, topicWordsIn } from '../reading/en/claim.js';
import type { Qualified } from '../reading/en/qualified.js';
import { NO_READINGS, positionRead, type Readings } from '../reading/readings.js';
import {
  contributionStance,
  type Position,
  qualifiedStance,
  stanceOnClaim,
} from '../reading/stance.js';
import type { SynthesisPassage } from './corpus.js';
import { qualifiedPoints, reasonsOf, type SentenceReading } from './stance-reasons.js';
import { foldedWords, supportOf } from './support.js';
import { agreementOf } from './votes.js';

/** A split is shown when at least this share of the contributions on the claim take a side. */
export const MIN_DECIDED = 0.6;
/** A theme's split is reported when at least this many contributions take a side... */
const MIN_TAKING_SIDES = 4;
/** ...and they are at least this share of the theme's contributions. */
const MIN_SHARE_TAKING_SIDES = 0.15;

/** A model's position on a contribution, or undefined where it read none. */
type ModelReading = (contributionId: string) => Position | undefined;

/** How a split's contributions and sentences are read. */
interface SplitReading {
  /** The claim as parsed, when it parses: its words are left out when reasons are compared. */
  claim: Claim | null;
  /** Reads a text (a contribution, or one of its sentences) for its position on the claim. */
  read: SentenceReading;
  /** The model's positions, read before the rules. */
  model: ModelReading;
  /** The model's reading of statements (kinds), for the reasons. */
  readings: Readings;
}

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
  return splitOf(question, 'question', passages, {
    claim: questionClaim(question),
    read: (text, language) => contributionStance(text, question, language),
    model: (id) => positionRead(readings, question, id),
    readings,
  });
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
  const split = splitOf(proposal.text, 'leading-proposal', onTopic, {
    claim,
    read: (text, language) => stanceOnClaim(text, claim, language),
    model: () => undefined,
    readings: NO_READINGS,
  });
  const sides = decidedOf(split);
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
  reading: SplitReading,
): StanceSplit {
  const sides = positionsOf(passages, reading);
  const { claim, read, readings } = reading;
  const unclear = supportOf(sides.unclear);
  const qualified = (which: Qualified) =>
    sideOf(sides[which], qualifiedPoints(sides[which], which, claim, readings));
  const split: StanceSplit = {
    claim: claimText,
    basis,
    favour: sideOf(sides.favour, reasonsOf(sides.favour, 'favour', claim, read, readings)),
    against: sideOf(sides.against, reasonsOf(sides.against, 'against', claim, read, readings)),
    conditional: qualified('conditional'),
    compromise: qualified('compromise'),
    unclear: { ...unclear, citations: sides.unclear.map((p) => p.id) },
    reliable: false,
    votes: null,
  };
  const decided = decidedOf(split);
  const reliable = decided > 0 && decided >= MIN_DECIDED * (decided + unclear.contributions);
  return { ...split, reliable };
}

/**
 * The passages in each place: each contribution's read together, for a conditional or
 * compromise position first, then the model's reading, then the rules'.
 */
function positionsOf(
  passages: readonly SynthesisPassage[],
  reading: SplitReading,
): Record<Position | Qualified, SynthesisPassage[]> {
  const sides: Record<Position | Qualified, SynthesisPassage[]> = {
    favour: [],
    against: [],
    conditional: [],
    compromise: [],
    unclear: [],
  };
  for (const own of byContribution(passages)) {
    const first = own[0] as SynthesisPassage;
    const text = own.map((p) => p.text).join('\n');
    const position =
      qualifiedStance(text, reading.claim, first.language) ??
      reading.model(first.contributionId) ??
      reading.read(text, first.language);
    for (const passage of own) sides[position].push(passage);
  }
  return sides;
}

/** Contributions that take a position: a side, a conditional one or a compromise. */
function decidedOf(split: StanceSplit): number {
  const { favour, against, conditional, compromise } = split;
  return [favour, against, conditional, compromise].reduce(
    (sum, side) => sum + side.support.contributions,
    0,
  );
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

/** A side: its support, its passages, and its main reasons. */
function sideOf(passages: readonly SynthesisPassage[], points: Finding[]): StanceSide {
  return { support: supportOf(passages), citations: passages.map((p) => p.id), points };
}

/** The consultation's subject words (title, questions) folded, as claims' topics leave them out. */
function foldedSubject(subject: ReadonlySet<string>): Set<string> {
  return new Set(foldedWords([...subject].join(' '), 'en'));
}
