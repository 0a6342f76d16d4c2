import type { Contribution } from '../schemas/contribution.js';

/**
 * Who made each contribution, by contribution id: its author id, or without one the
 * contribution itself (`contribution:<id>`), so that each counts as its own participant. The one
 * rule the themes, review and synthesis stages count participants by.
 */
export function participantsByContribution(
  contributions: readonly Contribution[],
): (contributionId: string) => string {
  const authors = new Map(contributions.map((c) => [c.id, c.author]));
  return (id) => authors.get(id) ?? `contribution:${id}`;
}
