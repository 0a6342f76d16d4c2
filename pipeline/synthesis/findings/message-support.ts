// How strongly a point is supported, as a key message says it.
import type { Agreement, Support } from '../../../schemas/findings.js';
import type { SynthesisCorpus } from './corpus.js';
import { TEMPLATES } from './templates.js';
import { decided, isJudged } from './votes.js';

/**
 * How strongly a point is supported: the share of voters who agreed where it has enough votes,
 * else how many made it, as honestly as the input allows: participants when every contribution
 * names its author, contributions when none does, else an upper bound on people.
 */
export function supportText(
  corpus: SynthesisCorpus,
  support: Support,
  agreement: Agreement | null,
): string {
  if (isJudged(agreement))
    return TEMPLATES.agreedShare(percent(agreement.rate ?? 0), decided(agreement));
  if (corpus.identifiedParticipantCount >= corpus.participantCount)
    return TEMPLATES.participants(support.participants);
  if (corpus.identifiedParticipantCount === 0)
    return TEMPLATES.contributions(support.contributions);
  return TEMPLATES.atMostPeople(support.participants);
}

/** A share in whole percent. */
export function percent(x: number): number {
  return Math.round(x * 100);
}
