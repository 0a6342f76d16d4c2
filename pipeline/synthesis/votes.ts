import type { Agreement, VotedFinding } from '../../schemas/findings.js';
import type { SynthesisPassage } from './corpus.js';
import { findingOf, statementText } from './support.js';

/** Comments with fewer agree and disagree votes than this are not judged. */
const MIN_VOTES = 10;
/** Agreement at or over this is consensus. */
const CONSENSUS = 0.8;
/** Agreement within this distance of one half splits opinion. */
const SPLIT = 0.15;
const MAX_VOTED = 3;

/** Votes summed over the distinct contributions behind passages; null without any votes. */
export function agreementOf(passages: readonly SynthesisPassage[]): Agreement | null {
  const voted = byContribution(passages).filter((p) => p.votes !== null);
  if (voted.length === 0) return null;
  const sum = (key: 'agrees' | 'disagrees' | 'passes') =>
    voted.reduce((total, p) => total + (p.votes?.[key] ?? 0), 0);
  return withRate(sum('agrees'), sum('disagrees'), sum('passes'));
}

/**
 * The voted comments most agreed on (agreement of 80% or more, most agrees first) and those
 * that split opinion (agreement within 15 points of one half, most votes first), among comments
 * with at least ten agree or disagree votes.
 */
export function votedFindings(passages: readonly SynthesisPassage[]): {
  consensus: VotedFinding[];
  divisive: VotedFinding[];
} {
  const judged = byContribution(passages).flatMap((p) => {
    const agreement = p.votes ? withRate(p.votes.agrees, p.votes.disagrees, p.votes.passes) : null;
    if (!agreement || agreement.rate === null) return [];
    if (agreement.agrees + agreement.disagrees < MIN_VOTES) return [];
    return [{ p, agreement, rate: agreement.rate }];
  });
  const toFinding = ({ p, agreement }: (typeof judged)[number]) => ({
    ...findingOf(statementText(p.text), [p]),
    agreement,
  });
  const votes = (a: Agreement) => a.agrees + a.disagrees;
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

/** The first passage of each contribution, so votes on a contribution count once. */
function byContribution(passages: readonly SynthesisPassage[]): SynthesisPassage[] {
  const seen = new Set<string>();
  return passages.filter((p) => {
    if (seen.has(p.contributionId)) return false;
    seen.add(p.contributionId);
    return true;
  });
}

function withRate(agrees: number, disagrees: number, passes: number): Agreement {
  const decided = agrees + disagrees;
  return { agrees, disagrees, passes, rate: decided > 0 ? round(agrees / decided) : null };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
