import type { Agreement, VotedFinding } from '../../../schemas/findings.js';
import { minOf } from '../../arrays.js';
import { textOnlyDescribesSpeaker } from '../reading/speaker.js';
import type { SynthesisPassage } from './corpus.js';
import type { OpinionGroups } from './opinion-groups.js';
import { findingOf, oneFromEachContribution, statementText } from './support.js';

/** Comments with fewer agree and disagree votes than this are not judged. */
const MIN_VOTES = 10;
/** Agreement at or over this is consensus. */
const CONSENSUS = 0.8;
/** Agreement within this distance of one half splits opinion. */
const SPLIT = 0.15;
const MAX_VOTED = 3;

/** Votes summed over the distinct contributions behind passages; null without any votes. */
export function agreementOf(passages: readonly SynthesisPassage[]): Agreement | null {
  const voted = oneFromEachContribution(passages).filter((p) => p.votes !== null);
  if (voted.length === 0) return null;
  const sum = (key: 'agrees' | 'disagrees' | 'passes') =>
    voted.reduce((total, p) => total + (p.votes?.[key] ?? 0), 0);
  return withRate(sum('agrees'), sum('disagrees'), sum('passes'));
}

/** With opinion groups: every group agrees at least this much for consensus... */
const GROUP_CONSENSUS = 0.6;
/** ...and groups this far apart divide. */
const GROUP_DIVISION = 0.3;
/** Each group must have seen a comment this often for it to be judged by groups. */
const MIN_GROUP_VOTES = 3;

/**
 * The voted comments most agreed on and those that split opinion. With opinion groups (from
 * per-participant votes), in the manner of Polis: consensus is a comment every group agrees
 * with (60% or more in each, ranked by group-informed consensus), division a comment two groups
 * are 30 points or more apart on (ranked by the gap). Without them, by overall votes:
 * agreement of 80% or more (most agrees first) and agreement within 15 points of one half
 * (most votes first). Only comments with ten agree or disagree votes or more are judged, and
 * never one that only says who its author is ("I am in my forties or fifties."): agreement with
 * it counts who took part, not what they think.
 */
export function votedFindings(
  passages: readonly SynthesisPassage[],
  opinions: OpinionGroups | null,
): { consensus: VotedFinding[]; divisive: VotedFinding[] } {
  const judged = oneFromEachContribution(passages).flatMap((p) => {
    if (textOnlyDescribesSpeaker(p.text, p.language)) return [];
    const agreement = p.votes ? withRate(p.votes.agrees, p.votes.disagrees, p.votes.passes) : null;
    if (!agreement || agreement.rate === null) return [];
    if (agreement.agrees + agreement.disagrees < MIN_VOTES) return [];
    return [{ p, agreement, rate: agreement.rate, opinion: opinionOf(opinions, p) }];
  });
  const toFinding = ({ p, agreement, opinion }: (typeof judged)[number]): VotedFinding => ({
    ...findingOf(statementText(p.text), [p]),
    agreement,
    opinion,
  });
  const votes = (a: Agreement) => a.agrees + a.disagrees;
  const byGroups = judged.filter((j) => j.opinion !== null);
  if (opinions && byGroups.length > 0) {
    const rates = (j: (typeof judged)[number]) => j.opinion?.groups.map((g) => g.agreement) ?? [];
    return {
      consensus: byGroups
        .filter((j) => minOf([...rates(j)]) >= GROUP_CONSENSUS)
        .sort(
          (a, b) =>
            (b.opinion?.consensus ?? 0) - (a.opinion?.consensus ?? 0) || a.p.index - b.p.index,
        )
        .slice(0, MAX_VOTED)
        .map(toFinding),
      divisive: byGroups
        .filter((j) => (j.opinion?.division ?? 0) >= GROUP_DIVISION)
        .sort(
          (a, b) =>
            (b.opinion?.division ?? 0) - (a.opinion?.division ?? 0) || a.p.index - b.p.index,
        )
        .slice(0, MAX_VOTED)
        .map(toFinding),
    };
  }
  return {
    consensus: judged
      .filter((j) => j.rate >= CONSENSUS)
      .sort((a, b) => b.agreement.agrees - a.agreement.agrees || a.p.index - b.p.index)
      .slice(0, MAX_VOTED)
      .map(toFinding),
    divisive: judged
      .filter((j) => Math.abs(j.rate - 0.5) <= SPLIT)
      .sort((a, b) => votes(b.agreement) - votes(a.agreement) || a.p.index - b.p.index)
      .slice(0, MAX_VOTED)
      .map(toFinding),
  };
}

/** A comment's votes by opinion group, when every group has seen it often enough. */
function opinionOf(opinions: OpinionGroups | null, p: SynthesisPassage): VotedFinding['opinion'] {
  const opinion = opinions?.comments.get(p.contributionId);
  if (!opinion) return null;
  const enough = opinion.groups.every((g) => g.agrees + g.disagrees + g.passes >= MIN_GROUP_VOTES);
  return enough ? opinion : null;
}

function withRate(agrees: number, disagrees: number, passes: number): Agreement {
  const decided = agrees + disagrees;
  return { agrees, disagrees, passes, rate: decided > 0 ? round(agrees / decided) : null };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
