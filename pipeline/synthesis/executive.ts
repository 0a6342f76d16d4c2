import type { Finding, ThemeFindings } from '../../schemas/findings.js';
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
 * votes, the comment with the broadest agreement and the one that divided opinion most. Each
 * cites the passages behind it.
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
  const { consensus, divisive } = votedFindings(corpus.passages);
  const [agreed] = consensus;
  if (agreed?.agreement.rate != null) {
    const voters = agreed.agreement.agrees + agreed.agreement.disagrees;
    const percent = Math.round(agreed.agreement.rate * 100);
    messages.push({
      text: TEMPLATES.broadestAgreement(agreed.text, percent, voters),
      citations: agreed.citations,
      support: agreed.support,
    });
  }
  const [divided] = divisive;
  if (divided) {
    messages.push({
      text: TEMPLATES.mostDivided(
        divided.text,
        divided.agreement.agrees,
        divided.agreement.disagrees,
      ),
      citations: divided.citations,
      support: divided.support,
    });
  }
  return messages.slice(0, MAX_MESSAGES);
}
