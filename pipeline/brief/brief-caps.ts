// What the brief shows of long lists: the best-supported items, up to the config's caps.
import type { BriefConfig } from '../../schemas/consultation.js';
import type { Support, ThemeFindings } from '../../schemas/findings.js';
import { count } from './people.js';

/**
 * The `limit` items with the most support (contributions, then participants), most first; items
 * with equal support keep their order (the sort is stable), so the synthesiser's ranking decides
 * among them.
 */
export function topBySupport<T extends { support: Support }>(
  items: readonly T[],
  limit: number,
): T[] {
  return [...items]
    .sort(
      (a, b) =>
        b.support.contributions - a.support.contributions ||
        b.support.participants - a.support.participants,
    )
    .slice(0, limit);
}

/** The `limit` sub-themes with the most participants (then contributions), most first. */
export function topSubThemes(children: readonly ThemeFindings[], limit: number): ThemeFindings[] {
  return [...children]
    .sort(
      (a, b) =>
        b.prevalence.participants - a.prevalence.participants ||
        b.prevalence.contributions - a.prevalence.contributions,
    )
    .slice(0, limit);
}

/**
 * Whether a top-level theme gets a compact section (its counts and summary only): it ranks
 * after the `fullThemes` largest (`rank` from 0), or has under `compactBelowShare` of participants.
 */
export function isCompact(theme: ThemeFindings, rank: number, caps: BriefConfig): boolean {
  return rank >= caps.fullThemes || theme.prevalence.participantShare < caps.compactBelowShare;
}

/**
 * The methodology's sentence on what the lists show, and where the rest is; `shareOf` names what
 * a theme's share is of ("participants", or "contributions" when authors are unknown).
 */
export function capsMethodology(caps: BriefConfig, shareOf: string): string {
  const lists = [
    count(caps.keyPoints, 'key point'),
    count(caps.proposals, 'proposal'),
    count(caps.concerns, 'concern'),
    count(caps.opportunities, 'opportunity', 'opportunities'),
    count(caps.quotes, 'quote'),
  ];
  return `To keep the brief short, each theme shows at most its best-supported ${lists.join(', ')} and ${count(caps.subThemes, 'sub-theme')}, and themes after the largest ${caps.fullThemes} or with under ${Math.round(caps.compactBelowShare * 100)}% of ${shareOf} only their summary; \`findings.json\` holds every finding, and \`sources.csv\` every contribution cited.`;
}
