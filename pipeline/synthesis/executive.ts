import type { Finding, ThemeFindings, VotedFinding } from '../../schemas/findings.js';
import { maxOf, minOf } from '../arrays.js';
import type { SynthesisCorpus } from './corpus.js';
import { TEMPLATES } from './templates.js';
import { votedFindings } from './votes.js';

/** Most messages in the executive summary. */
const MAX_MESSAGES = 7;
/** Themes that get a message of their own. */
const THEME_MESSAGES = 4;

/**
 * The consultation's key messages: the most widely made point of each of the four themes
 * with the most participants, the proposal with the widest support, and, where there were
 * votes, the comment with the broadest agreement (across opinion groups when there are groups)
 * and the one that divided opinion most. Each cites the passages behind it.
 */
export function executiveSummary(
  corpus: SynthesisCorpus,
  themes: readonly ThemeFindings[],
): Finding[] {
  const top = themes
    .filter((t) => t.parentId === null)
    .sort((a, b) => b.prevalence.participants - a.prevalence.participants);
  const messages: Finding[] = [];
  for (const theme of top.slice(0, THEME_MESSAGES)) {
    const [point] = theme.keyPoints;
    if (!point) continue;
    const text = TEMPLATES.themeMessage(theme.label, point.text, point.support.contributions);
    messages.push({ ...point, text });
  }
  const proposal = top
    .flatMap((t) => t.proposals)
    .sort((a, b) => b.support.contributions - a.support.contributions)[0];
  if (proposal && proposal.support.contributions > 1) {
    const text = TEMPLATES.topProposal(proposal.text, proposal.support.contributions);
    messages.push({ ...proposal, text });
  }
  const { consensus, divisive } = votedFindings(corpus.passages, corpus.opinions);
  const [agreed] = consensus;
  if (agreed) messages.push(plain(agreed, agreementText(agreed)));
  const [divided] = divisive;
  if (divided) messages.push(plain(divided, divisionText(divided)));
  return messages.slice(0, MAX_MESSAGES);
}

function plain(item: VotedFinding, text: string): Finding {
  return { text, citations: item.citations, support: item.support };
}

/** Agreement across opinion groups when there are groups, else overall. */
function agreementText(item: VotedFinding): string {
  const groups = item.opinion?.groups.map((g) => g.agreement) ?? [];
  if (groups.length > 0) {
    return TEMPLATES.agreedAcrossGroups(item.text, groups.length, percent(minOf([...groups])));
  }
  const voters = item.agreement.agrees + item.agreement.disagrees;
  return TEMPLATES.broadestAgreement(item.text, percent(item.agreement.rate ?? 0), voters);
}

/** The gap between opinion groups when there are groups, else the overall split. */
function divisionText(item: VotedFinding): string {
  const groups = item.opinion?.groups.map((g) => g.agreement) ?? [];
  if (groups.length > 0) {
    return TEMPLATES.splitGroups(
      item.text,
      percent(minOf([...groups])),
      percent(maxOf([...groups])),
    );
  }
  return TEMPLATES.mostDivided(item.text, item.agreement.agrees, item.agreement.disagrees);
}

function percent(x: number): number {
  return Math.round(x * 100);
}
