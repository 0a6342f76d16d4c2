import type { Agreement, VotedFinding } from '../../../schemas/findings.js';
import type { Ballots } from '../../../schemas/votes.js';
import { maxOf, minOf } from '../../arrays.js';
import { textStatesNoView } from '../reading/no-view.js';
import { textOnlyDescribesSpeaker } from '../reading/speaker.js';
import type { SynthesisPassage } from './corpus.js';
import type { OpinionGroups } from './opinion-groups.js';
import { findingOf, oneFromEachContribution, statementText } from './support.js';

/** Comments with fewer agree and disagree votes than this are not judged. */
export const MIN_VOTES = 10;
/** Agreement at or over this is consensus. */
const CONSENSUS = 0.8;
/** Agreement within this distance of one half splits opinion. */
const SPLIT = 0.15;
/** A comment this share of the voters voted on is widely voted (for the broadest agreement). */
const WIDE_SHARE = 1 / 3;
/** Comments this share of the voters voted on rank before those fewer voted on. */
const GOOD_SHARE = 0.1;
const MAX_VOTED = 3;

/** Votes summed over the distinct contributions behind passages; null without any votes. */
export function agreementOf(passages: readonly SynthesisPassage[]): Agreement | null {
  const voted = oneFromEachContribution(passages).filter((p) => p.votes !== null);
  if (voted.length === 0) return null;
  const sum = (key: 'agrees' | 'disagrees' | 'passes') =>
    voted.reduce((total, p) => total + (p.votes?.[key] ?? 0), 0);
  return withRate(sum('agrees'), sum('disagrees'), sum('passes'));
}

/**
 * The votes on the comment a statement is taken from: of the passages cited, the one whose text
 * holds the statement (else the most voted), its contribution's votes; null without votes.
 * Alike comments are voted on by many of the same people, so their votes are never summed.
 */
export function statementAgreement(
  statement: string,
  passages: readonly SynthesisPassage[],
): Agreement | null {
  const voted = passages.filter((p) => p.votes !== null);
  const words = statement.replace(/…$/u, '').trim();
  const own = voted.find((p) => p.text.includes(words));
  const seen = (p: SynthesisPassage) => (p.votes ? p.votes.agrees + p.votes.disagrees : 0);
  const pick = own ?? [...voted].sort((a, b) => seen(b) - seen(a) || a.index - b.index)[0];
  return pick?.votes ? withRate(pick.votes.agrees, pick.votes.disagrees, pick.votes.passes) : null;
}

/**
 * How many people voted: those with a vote in the vote matrix, else (votes only as counts per
 * comment) the most votes any one comment received, a lower bound.
 */
export function voterCount(ballots: Ballots, passages: readonly SynthesisPassage[]): number {
  const inMatrix = new Set(ballots.votes.map(([participant]) => participant)).size;
  const seen = passages.map((p) =>
    p.votes ? p.votes.agrees + p.votes.disagrees + p.votes.passes : 0,
  );
  return Math.max(inMatrix, maxOf([0, ...seen]));
}

/** With opinion groups: every group agrees at least this much for consensus... */
const GROUP_CONSENSUS = 0.6;
/** ...and groups this far apart divide. */
const GROUP_DIVISION = 0.3;
/** Each group must have seen a comment this often for it to be judged by groups. */
const MIN_GROUP_VOTES = 3;

/** A voted comment judged for agreement. */
interface Judged {
  p: SynthesisPassage;
  agreement: Agreement;
  rate: number;
  /** Whether at least `WIDE_SHARE` of the voters voted on it. */
  wide: boolean;
  opinion: VotedFinding['opinion'];
}

/**
 * The voted comments that state a view (never one that only says who its author is, "I am a
 * renter", nor praise: agreement with it counts who took part, not what should be done), with
 * ten agree or disagree votes or more.
 */
function judgedComments(
  passages: readonly SynthesisPassage[],
  opinions: OpinionGroups | null,
  voters: number,
): Judged[] {
  return oneFromEachContribution(passages).flatMap((p) => {
    if (textStatesNoView(p.text, p.language)) return [];
    const agreement = p.votes ? withRate(p.votes.agrees, p.votes.disagrees, p.votes.passes) : null;
    if (!isJudged(agreement)) return [];
    const wide = seenBy(agreement) >= voters * WIDE_SHARE;
    return [{ p, agreement, rate: agreement.rate ?? 0, wide, opinion: opinionOf(opinions, p) }];
  });
}

/** Whether a comment's votes are enough to judge it by (ten agree or disagree votes or more). */
export function isJudged(agreement: Agreement | null): agreement is Agreement {
  return agreement !== null && agreement.rate !== null && decided(agreement) >= MIN_VOTES;
}

/**
 * Agreement first, with how many voted: judged comments before the others, those a tenth of the
 * `voters` or more voted on before those fewer did, then by the share that agreed discounted
 * where few voted (the lower bound of its 95% Wilson interval), then by agree and disagree
 * votes; 0 when neither is judged.
 */
export function compareByVotes(a: Agreement | null, b: Agreement | null, voters: number): number {
  if (!isJudged(a) || !isJudged(b)) return Number(isJudged(b)) - Number(isJudged(a));
  const good = (x: Agreement) => Number(seenBy(x) >= voters * GOOD_SHARE);
  return good(b) - good(a) || lowerBound(b) - lowerBound(a) || decided(b) - decided(a);
}

/** The 95% Wilson lower bound on the share agreeing (agree among agree and disagree votes). */
function lowerBound(agreement: Agreement): number {
  const n = decided(agreement);
  const p = agreement.agrees / n;
  const z = 1.96;
  const centre = p + (z * z) / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return (centre - margin) / (1 + (z * z) / n);
}

function byAgreement(voters: number): (a: Judged, b: Judged) => number {
  return (a, b) => compareByVotes(a.agreement, b.agreement, voters) || a.p.index - b.p.index;
}

/**
 * The voted comments most agreed on (ranked by `compareByVotes`) and those that split opinion
 * (those a third of the voters voted on first). Consensus: agreement of 80% or more, or, with
 * opinion groups (from per-participant votes, in the manner of Polis), 60% or more in every
 * group. Division: with groups, two groups 30 points or more apart (by the gap); without them,
 * agreement within 15 points of one half (most votes first). Comments that state no view
 * (`judgedComments`) are never judged.
 */
export function votedFindings(
  passages: readonly SynthesisPassage[],
  opinions: OpinionGroups | null,
  voters: number,
): { consensus: VotedFinding[]; divisive: VotedFinding[] } {
  const judged = judgedComments(passages, opinions, voters);
  const groupRates = (j: Judged) => j.opinion?.groups.map((g) => g.agreement) ?? [];
  const byGroups = opinions !== null && judged.some((j) => j.opinion !== null);
  const agreed = (j: Judged) =>
    j.rate >= CONSENSUS || (j.opinion !== null && minOf([...groupRates(j)]) >= GROUP_CONSENSUS);
  const divides = (j: Judged) =>
    byGroups ? (j.opinion?.division ?? 0) >= GROUP_DIVISION : Math.abs(j.rate - 0.5) <= SPLIT;
  const byDivision = (a: Judged, b: Judged) =>
    Number(b.wide) - Number(a.wide) ||
    (byGroups
      ? (b.opinion?.division ?? 0) - (a.opinion?.division ?? 0)
      : decided(b.agreement) - decided(a.agreement)) ||
    a.p.index - b.p.index;
  return {
    consensus: judged
      .filter(agreed)
      .sort(byAgreement(voters))
      .slice(0, MAX_VOTED)
      .map(votedFinding),
    divisive: judged
      .filter((j) => divides(j) && !agreed(j))
      .sort(byDivision)
      .slice(0, MAX_VOTED)
      .map(votedFinding),
  };
}

/**
 * The comments with the broadest agreement among those at least a third of the voters voted
 * on (80% agreement or more), most agreed first (to the percent shown, then most votes);
 * `count` at most (default 3).
 */
export function broadestAgreement(
  passages: readonly SynthesisPassage[],
  opinions: OpinionGroups | null,
  voters: number,
  count = MAX_VOTED,
): VotedFinding[] {
  return judgedComments(passages, opinions, voters)
    .filter((j) => j.wide && j.rate >= CONSENSUS)
    .sort(
      (a, b) =>
        Math.round(b.rate * 100) - Math.round(a.rate * 100) ||
        decided(b.agreement) - decided(a.agreement) ||
        a.p.index - b.p.index,
    )
    .slice(0, count)
    .map(votedFinding);
}

/**
 * Voted comments that only say who their author is ("I am a renter."), most voted first: how
 * many agreed describes who took part. Ten agree or disagree votes or more.
 */
export function votedSelfDescriptions(
  passages: readonly SynthesisPassage[],
  count = MAX_VOTED,
): VotedFinding[] {
  return oneFromEachContribution(passages)
    .flatMap((p) => {
      if (!p.votes || !textOnlyDescribesSpeaker(p.text, p.language)) return [];
      const agreement = withRate(p.votes.agrees, p.votes.disagrees, p.votes.passes);
      return decided(agreement) >= MIN_VOTES ? [{ p, agreement }] : [];
    })
    .sort((a, b) => decided(b.agreement) - decided(a.agreement) || a.p.index - b.p.index)
    .slice(0, count)
    .map(({ p, agreement }) => ({
      ...findingOf(statementText(p.text), [p]),
      agreement,
      opinion: null,
    }));
}

function votedFinding({ p, agreement, opinion }: Judged): VotedFinding {
  return { ...findingOf(statementText(p.text), [p]), agreement, opinion };
}

/** A comment's votes by opinion group, when every group has seen it often enough. */
function opinionOf(opinions: OpinionGroups | null, p: SynthesisPassage): VotedFinding['opinion'] {
  const opinion = opinions?.comments.get(p.contributionId);
  if (!opinion) return null;
  const enough = opinion.groups.every((g) => g.agrees + g.disagrees + g.passes >= MIN_GROUP_VOTES);
  return enough ? opinion : null;
}

/** Agree and disagree votes. */
export function decided(agreement: Agreement): number {
  return agreement.agrees + agreement.disagrees;
}

/** Everyone who voted on a comment, passes included. */
function seenBy(agreement: Agreement): number {
  return agreement.agrees + agreement.disagrees + agreement.passes;
}

function withRate(agrees: number, disagrees: number, passes: number): Agreement {
  const decidedVotes = agrees + disagrees;
  return {
    agrees,
    disagrees,
    passes,
    rate: decidedVotes > 0 ? round(agrees / decidedVotes) : null,
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
