// "What this means for programming": the priorities as actions contributors proposed.
import type { Agreement, Findings, Priority, VotedFinding } from '../../schemas/findings.js';
import { appendAll } from '../arrays.js';
import { sentenceKey } from '../synthesis/findings/support.js';
import { decided, isJudged } from '../synthesis/findings/votes.js';
import { inlineText } from './markdown-escape.js';
import { count, type People } from './people.js';
import { type QuotedOnce, quotedIn } from './quoted-once.js';
import type { SourceIndex } from './sources.js';

/** What the programming section needs besides the findings. */
export interface ProgrammingContext {
  sources: SourceIndex;
  people: People;
  /** What the key messages quote: a theme's concern quoted there is not quoted again. */
  quoted: QuotedOnce;
  /** What to say when there is no proposal (see `noProposalText`). */
  none: string;
}

/**
 * The section: each priority with its support (the share of voters who agreed and how many
 * voted, where there are votes; the contributions and participants, as its theme shows them),
 * the key message quoting it, the main objection (a voted disagreement share, the against side
 * of its theme's split, or its theme's main concern, the last once per theme), and the theme
 * and guiding question it comes from. Where there are yes/no questions, says that answers only
 * taking a side on one are left to its section.
 */
export function programmingSection(findings: Findings, context: ProgrammingContext): string[] {
  const lines = ['## What this means for programming', ''];
  const priorities = findings.priorities ?? [];
  if (priorities.length === 0) return [...lines, context.none, ''];
  const voted = priorities.some((p) => votedShare(p.agreement) !== null);
  const by = voted
    ? 'by votes: the share of those who voted on each that agreed, discounted where few voted'
    : `by the number of ${context.people.identification === 'none' ? 'contributions' : 'participants'} that made them (alike wording from one person counts once)`;
  const concerned = new Set<string>();
  // Answers only taking a side on a yes/no question are left out (see `restatesQuestion`).
  const sides = findings.questions.some((q) => q.stance)
    ? ' (answers that only say yes or no to a guiding question are left to its section, with how opinion divides and the reasons on each side)'
    : '';
  appendAll(lines, [
    `The proposals contributors made, as priorities for the programme, ranked ${by}. Each comes with its support, the main objection or concern where there is one, and the theme and question it comes from${sides}:`,
    '',
    ...priorities.map((p, i) => `${i + 1}. ${priorityLine(p, findings, context, concerned)}`),
    '',
  ]);
  return lines;
}

function priorityLine(
  p: Priority,
  findings: Findings,
  { sources, people, quoted }: ProgrammingContext,
  concerned: Set<string>,
): string {
  const share = votedShare(p.agreement);
  const support = share
    ? `${share.agreed}% of ${count(share.voters, 'voter')} agreed; ${people.support(p.support)}`
    : people.support(p.support);
  const message = findings.executiveSummary.findIndex((m) =>
    quotedIn(m.text).includes(sentenceKey(p.text)),
  );
  const parts = [`support: ${support}`];
  if (message >= 0) parts.push(`key message ${message + 1}`);
  const objection = objectionText(p, sources, quoted, concerned);
  if (objection) parts.push(objection);
  parts.push(`from: ${originText(p, findings)}`);
  return `${inlineText(p.text)} ${sources.cite(p.citations)} *(${parts.join('; ')})*`;
}

/**
 * The objection in words, or the theme's main concern (once per theme, never one quoted
 * before), or null.
 */
function objectionText(
  p: Priority,
  sources: SourceIndex,
  quoted: QuotedOnce,
  concerned: Set<string>,
): string | null {
  const { objection } = p;
  if (!objection) return null;
  if (objection.basis === 'votes') {
    const share = votedShare(p.agreement);
    return share
      ? `main objection: ${100 - share.agreed}% of the ${count(share.voters, 'voter')} disagreed`
      : null;
  }
  const finding = objection.finding;
  if (!finding) return null;
  const said = `“${inlineText(finding.text)}” ${sources.cite(finding.citations)}`;
  if (objection.basis === 'against')
    return `main objection, against it (${count(finding.support.contributions, 'contribution')}): ${said}`;
  if (concerned.has(p.themeId) || !quoted.isNew(finding.text)) return null;
  concerned.add(p.themeId);
  return `main concern in its theme (${count(finding.support.contributions, 'contribution')}): ${said}`;
}

/** The theme and, where known, the guiding question a priority comes from. */
function originText(p: Priority, findings: Findings): string {
  const theme = findings.themes.find((t) => t.themeId === p.themeId);
  const label = theme ? `theme “${inlineText(theme.label)}”` : 'its theme';
  const index = findings.questions.findIndex((q) => q.questionId === p.questionId);
  return index >= 0 ? `${label}, question ${index + 1}` : label;
}

/** Agreement in whole percent and how many voted (agree or disagree), or null with too few votes. */
function votedShare(agreement: Agreement | null): { agreed: number; voters: number } | null {
  if (!isJudged(agreement)) return null;
  return { agreed: Math.round((agreement.rate ?? 0) * 100), voters: decided(agreement) };
}

/**
 * "Who took part": how many voters agreed with the statements that only say who their author
 * is ("I am a renter"), in one paragraph; nothing when there are none.
 */
export function whoTookPart(items: readonly VotedFinding[], sources: SourceIndex): string[] {
  const said = items.flatMap((item) => {
    const share = votedShare(item.agreement);
    if (!share) return [];
    return [
      `${share.agreed}% of the ${count(share.voters, 'voter')} who voted on it agreed with “${inlineText(item.text)}” ${sources.cite(item.citations)}`,
    ];
  });
  if (said.length === 0) return [];
  return [`**Who took part.** ${said.join('; ')}.`, ''];
}
