import type { Accounting } from '../../schemas/accounting.js';
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Consultation, TaxonomyTheme } from '../../schemas/consultation.js';
import type { Contribution } from '../../schemas/contribution.js';
import type {
  Finding,
  Findings,
  Quote,
  StanceSplit,
  ThemeFindings,
  VotedFinding,
} from '../../schemas/findings.js';
import type { ReviewedThemes } from '../../schemas/review.js';
import type { Themes } from '../../schemas/themes.js';
import { appendAll } from '../arrays.js';
import { accountFor } from '../clean/accounting.js';
import { creditor } from '../synthesis/corpus.js';
import { briefCharts, type Chart } from './charts.js';
import { cellText, inlineText } from './markdown-escape.js';
import { QuotedOnce } from './quoted-once.js';
import {
  reviewExclusionsAccount,
  reviewedDescription,
  reviewMethodology,
  reviewNotesAnnex,
} from './review-text.js';
import { type SourceIndex, sourceEntry, sourceIndex } from './sources.js';

export interface BriefInput {
  config: Consultation;
  findings: Findings;
  /** The themes as reviewed: labels as renamed, the review's notes, exclusions and counts. */
  themes: ReviewedThemes;
  records: readonly CleanRecord[];
  contributions: readonly Contribution[];
  /** The date the brief is produced (ISO), shown on its title block. */
  date: string;
}

export interface RenderedBrief {
  markdown: string;
  charts: Chart[];
}

/** Most recommendations listed. */
const MAX_RECOMMENDATIONS = 10;

/**
 * The brief as Markdown, the canonical and editable output: title block, key messages, about
 * the consultation (with a methodology and limitations paragraph written from the run itself),
 * thematic findings by prevalence, guiding questions, cross-cutting issues, recommendations,
 * and annexes (weekly digests, theme table, sources, data accounting). Contribution text is
 * escaped everywhere, so it shows as text and cannot change the document's structure; each
 * citation is a short link to the contribution's anchor in the sources annex.
 */
export function renderBrief(input: BriefInput): RenderedBrief {
  const { config, findings } = input;
  // The clean stage's accounting, for the methodology paragraph and the annex.
  const accounting = accountFor(input.records);
  const sources = sourceIndex(
    input.records,
    input.contributions,
    creditor(config, input.contributions),
  );
  const top = findings.themes
    .filter((t) => t.parentId === null)
    .sort(
      (a, b) =>
        b.prevalence.participants - a.prevalence.participants || a.themeId.localeCompare(b.themeId),
    );
  const charts = briefCharts(
    findings,
    config.weeks.length > 0 ? config.weeks.map((w) => w.label) : findings.weeks.map((w) => w.label),
  );
  const chartRef = (name: string) => {
    const chart = charts.find((c) => c.name === name);
    return chart ? [`![${chart.title}](charts/${chart.name}.svg)`, ''] : [];
  };
  // No sentence is quoted twice across the key messages, the recommendations and the themes'
  // and questions' opening findings: the key messages choose first, then the recommendations.
  const quoted = new QuotedOnce();
  for (const message of findings.executiveSummary) quoted.add(message.text);
  const proposals = recommended(top, quoted);
  for (const { p } of proposals.proposals) quoted.add(p.text);
  const sections = [
    titleBlock(input),
    keyMessages(findings, sources),
    about(input, accounting, chartRef('passages-per-week')),
    [
      '## Thematic findings',
      '',
      ...chartRef('participants-per-theme'),
      ...top.flatMap((theme) =>
        themeSection(
          theme,
          findings,
          sources,
          reviewedDescription(input.themes, theme.themeId),
          quoted,
        ),
      ),
    ],
    questionsSection(findings, sources, quoted),
    crossCutting(findings, sources),
    recommendations(proposals, sources),
    annexes(input, accounting, top, sources),
  ];
  return {
    markdown: `${sections
      .flat()
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()}\n`,
    charts,
  };
}

function titleBlock({ config, findings, date }: BriefInput): string[] {
  const period = config.period
    ? `${config.period.start} to ${config.period.end}`
    : 'dates not given';
  return [
    `# ${inlineText(config.title)}`,
    '',
    '**Policy input for programme formulation**',
    '',
    `Consultation period: ${period}  `,
    `Produced: ${date}  `,
    `Scope: what ${count(findings.totals.participants, 'participant')} said in ${count(findings.totals.contributions, 'contribution')}, by theme, guiding question and week.`,
    '',
  ];
}

function keyMessages(findings: Findings, sources: SourceIndex): string[] {
  if (findings.executiveSummary.length === 0) {
    return ['## Key messages', '', 'No key messages: no contribution was kept.', ''];
  }
  return [
    '## Key messages',
    '',
    ...findings.executiveSummary.map((m, i) => `${i + 1}. ${statement(m, sources)}`),
    '',
  ];
}

function about(input: BriefInput, accounting: Accounting, weeklyChart: string[]): string[] {
  const { config, findings } = input;
  const lines = ['## About the consultation', ''];
  if (config.objective) lines.push(`**Objective.** ${inlineText(config.objective)}`, '');
  if (config.intendedUse) lines.push(`**Intended use.** ${inlineText(config.intendedUse)}`, '');
  if (config.questions.length > 0) {
    appendAll(lines, [
      '**Guiding questions.**',
      '',
      ...config.questions.map((q, i) => `${i + 1}. ${inlineText(q.text)}`),
      '',
    ]);
  }
  lines.push(
    `**Participation.** ${count(findings.totals.contributions, 'contribution')} kept from ${count(findings.totals.participants, 'participant')}, in ${count(findings.totals.passages, 'passage')}.`,
    '',
  );
  if (findings.weeks.length > 0) {
    appendAll(lines, [
      '| Week | Dates | Contributions | Participants |',
      '| --- | --- | ---: | ---: |',
      ...findings.weeks.map(
        (w) =>
          `| ${cellText(w.label)} | ${w.start} to ${w.end} | ${w.contributions} | ${w.participants} |`,
      ),
      '',
      ...weeklyChart,
    ]);
  }
  lines.push(`**Methodology and limitations.** ${methodology(input, accounting)}`, '');
  return lines;
}

/** The taxonomy themes no passage joined (left out of the themes), as a sentence, or ''. */
export function describeEmptyTaxonomy(
  taxonomy: readonly Pick<TaxonomyTheme, 'id' | 'label'>[],
  themes: Pick<Themes, 'themes'>,
): string {
  const found = new Set(themes.themes.map((theme) => theme.id));
  const empty = taxonomy.filter((theme) => !found.has(theme.id));
  if (empty.length === 0) return '';
  return ` Taxonomy themes with no contributions: ${empty.map((theme) => inlineText(theme.label)).join(', ')}.`;
}

/** What the run did, in prose: what was excluded, merged, themed and written, and by what. */
function methodology({ themes, findings, config }: BriefInput, acc: Accounting): string {
  const excluded = Object.entries(acc.excluded).filter(([, n]) => n > 0);
  const duplicates = acc.duplicates.exact + acc.duplicates.near;
  const languages = Object.entries(acc.languages).map(([code, n]) => `${code} ${n}`);
  const guided = config.themes.length > 0;
  const sentences = [
    `Of ${count(acc.read, 'record')} read, ${acc.kept} were kept, ${duplicates} merged into an earlier copy as extra voices${excluded.length > 0 ? `, and ${excluded.map(([reason, n]) => `${n} excluded as ${reason.replaceAll('-', ' ')}`).join(', ')}` : ''}.`,
    `Kept contributions by language: ${languages.join(', ') || 'none'}.`,
    `Themes were found ${themes.method.provider.startsWith('model:') ? 'with embeddings from a language model' : 'offline'} (${inlineText(themes.method.provider)}): ${guided ? `passages were matched to the ${config.themes.length} themes of the consultation's own taxonomy, and the rest ` : 'passages '}clustered into emergent themes, chosen by ${themes.method.criterion}${themes.method.labelledBy ? `, and named by a language model (${inlineText(themes.method.labelledBy)})` : ''}.${describeEmptyTaxonomy(config.themes, themes)}`,
    reviewMethodology(themes),
    findings.synthesiser.kind === 'offline'
      ? `The findings were written by the ${inlineText(findings.synthesiser.name)} synthesiser: every statement is a contributor's own sentence or a fixed frame around such sentences and counts; no language model was used.`
      : `The summaries, key points, proposals, concerns, answers to the questions and weekly points were written by a language model (${inlineText(findings.synthesiser.name)}) from the passages, citing them; counts, votes, minority views and trends were computed. Every statement was checked against its sources: its citations must resolve, its quotes be verbatim, and its words be carried by the passages it cites.`,
    `Every finding cites the contributions it rests on; ${Math.round(findings.grounding.coverage * 100)}% of kept contributions are cited, and findings that failed the grounding checks were left out (${Object.values(findings.grounding.dropped).reduce((a, b) => a + b, 0)}).`,
  ];
  if (findings.opinionGroups) {
    sentences.push(
      `Votes split participants into ${findings.opinionGroups.sizes.length} opinion groups (${findings.opinionGroups.sizes.join(', ')} members; ${findings.opinionGroups.method}).`,
    );
  }
  sentences.push(
    'Counts describe who took part, not the population: participants chose themselves, and one person may write under several names.',
  );
  return sentences.join(' ');
}

function themeSection(
  theme: ThemeFindings,
  findings: Findings,
  sources: SourceIndex,
  description: string,
  quoted: QuotedOnce,
): string[] {
  const p = theme.prevalence;
  const lines = [
    `### ${inlineText(theme.label)}`,
    '',
    ...(description ? [inlineText(description), ''] : []),
    `*${count(p.participants, 'participant')} (${Math.round(p.participantShare * 100)}% of all), ${count(p.contributions, 'contribution')}, ${count(p.passages, 'passage')}${agreementText(p.agreement)}; trend: ${theme.trend.direction}.*`,
    '',
  ];
  const opening = theme.summary.filter((f) => quoted.isNew(f.text));
  if (opening.length > 0) lines.push(opening.map((f) => statement(f, sources)).join(' '), '');
  appendAll(lines, stanceParagraph(theme.stance, sources));
  appendAll(lines, [...findingList('Key points', theme.keyPoints, sources, true)]);
  appendAll(lines, [...findingList('Proposals', theme.proposals, sources, true)]);
  appendAll(lines, [...findingList('Concerns', theme.concerns, sources, true)]);
  appendAll(lines, [...findingList('Opportunities', theme.opportunities, sources, true)]);
  appendAll(lines, [...quotes(theme.quotes, sources)]);
  const children = findings.themes.filter((t) => t.parentId === theme.themeId);
  if (children.length > 0) {
    appendAll(lines, [
      '**Sub-themes**',
      '',
      ...children.map((child) => {
        const point = child.keyPoints[0];
        const example = point ? `: ${statement(point, sources)}` : '';
        return `- **${inlineText(child.label)}** (${count(child.prevalence.contributions, 'contribution')})${example}`;
      }),
      '',
    ]);
  }
  appendAll(lines, [...findingList('Minority views', theme.minorityViews, sources, false)]);
  appendAll(lines, [...votedList('Broad agreement', theme.consensus, sources)]);
  appendAll(lines, [...votedList('Divided opinion', theme.divisive, sources)]);
  return lines;
}

function questionsSection(findings: Findings, sources: SourceIndex, quoted: QuotedOnce): string[] {
  if (findings.questions.length === 0) return [];
  const lines = ['## What contributors said on each guiding question', ''];
  findings.questions.forEach((q, i) => {
    appendAll(lines, [
      `### Question ${i + 1}: ${inlineText(q.text)}`,
      '',
      `*${count(q.contributions, 'contribution')} from ${count(q.participants, 'participant')}${q.mapping === 'similarity' ? ', matched to the question by their words' : ''}. Themes: ${q.themes.map((t) => `${inlineText(t.label)} (${t.passages})`).join(', ') || 'none'}.*`,
      '',
      ...stanceParagraph(q.stance, sources),
      ...findingList(
        'Main points',
        q.keyPoints.filter((f) => quoted.isNew(f.text)),
        sources,
        true,
      ),
      ...findingList(
        'Proposals',
        q.proposals.filter((f) => quoted.isNew(f.text)),
        sources,
        true,
      ),
    ]);
  });
  return lines;
}

function crossCutting(findings: Findings, sources: SourceIndex): string[] {
  const lines = ['## Cross-cutting issues', ''];
  if (findings.crossCutting.length === 0) {
    return [...lines, 'No phrase recurred across three or more themes.', ''];
  }
  return [...lines, ...findings.crossCutting.map((c) => `- ${statement(c, sources)}`), ''];
}

interface Recommendation {
  p: Finding;
  theme: ThemeFindings;
}

interface Recommended {
  proposals: Recommendation[];
  /** Whether a proposal was left out because a key message quotes it. */
  skipped: boolean;
}

/**
 * Proposals across themes, by support, then by how many participants made them; none a key
 * message already quotes.
 */
function recommended(top: readonly ThemeFindings[], quoted: QuotedOnce): Recommended {
  const all = top.flatMap((theme) => theme.proposals.map((p) => ({ p, theme })));
  const proposals = all
    .filter(({ p }) => quoted.isNew(p.text))
    .sort(
      (a, b) =>
        b.p.support.contributions - a.p.support.contributions ||
        b.p.support.participants - a.p.support.participants,
    )
    .slice(0, MAX_RECOMMENDATIONS);
  return { proposals, skipped: proposals.length < Math.min(all.length, MAX_RECOMMENDATIONS) };
}

function recommendations({ proposals, skipped }: Recommended, sources: SourceIndex): string[] {
  const lines = ['## Recommendations for programme formulation', ''];
  if (proposals.length === 0)
    return [...lines, 'Contributors made no proposal the tool could recognise.', ''];
  appendAll(lines, [
    `The proposals contributors made, across themes, ordered by how many contributions made them${skipped ? ' (those quoted among the key messages are not repeated)' : ''}:`,
    '',
    ...proposals.map(
      ({ p, theme }, i) =>
        `${i + 1}. ${inlineText(p.text)} *(${inlineText(theme.label)}; ${count(p.support.contributions, 'contribution')}, ${count(p.support.participants, 'participant')})* ${sources.cite(p.citations)}`,
    ),
    '',
  ]);
  return lines;
}

/**
 * How passages divide on a claim (a yes/no question, or a theme's leading proposal): the counts
 * with the citations on each side, each side's clearest statement, and votes on the claim.
 */
function stanceParagraph(stance: StanceSplit | null, sources: SourceIndex): string[] {
  if (!stance) return [];
  const { favour, against, unclear } = stance;
  const counted =
    favour.support.contributions + against.support.contributions + unclear.contributions;
  const on =
    stance.basis === 'question'
      ? `Of ${count(counted, 'answer')},`
      : `Of the ${count(counted, 'contribution')} on the leading proposal, “${inlineText(stance.claim)}”,`;
  const side = (n: number, what: string, citations: readonly string[]) =>
    `${n.toLocaleString('en')} ${n === 1 ? 'is' : 'are'} ${what}${n > 0 ? ` ${sources.cite(citations)}` : ''}`;
  const lines = [
    `**How opinion divides.** ${on} ${side(favour.support.contributions, 'in favour', favour.citations)}, ${side(against.support.contributions, 'against', against.citations)}, and ${unclear.contributions.toLocaleString('en')} ${unclear.contributions === 1 ? 'takes' : 'take'} neither side clearly.${votesText(stance.votes)}`,
    '',
  ];
  const points = [
    ...favour.points.map((f) => `- In favour: ${statement(f, sources)}`),
    ...against.points.map((f) => `- Against: ${statement(f, sources)}`),
  ];
  if (points.length > 0) appendAll(lines, [...points, '']);
  return lines;
}

function votesText(votes: StanceSplit['votes']): string {
  if (!votes || votes.agrees + votes.disagrees === 0) return '';
  return ` Of those who voted on the proposal itself, ${votes.agrees.toLocaleString('en')} agreed and ${votes.disagrees.toLocaleString('en')} disagreed.`;
}

function annexes(
  input: BriefInput,
  accounting: Accounting,
  top: readonly ThemeFindings[],
  sources: SourceIndex,
): string[] {
  const { findings } = input;
  const lines = ['## Annexes', ''];
  if (findings.weeks.length > 0) {
    lines.push('### Weekly digests', '');
    for (const week of findings.weeks) {
      appendAll(lines, [
        `#### ${inlineText(week.label)}`,
        '',
        `*${week.start} to ${week.end}: ${count(week.contributions, 'contribution')} from ${count(week.participants, 'participant')}. Leading themes: ${week.leadingThemes.map((t) => `${inlineText(t.label)} (${t.passages})`).join(', ') || 'none'}.*`,
        '',
        ...findingList('Key points', week.keyPoints, sources, true),
        ...quotes(week.highlights, sources, 'Highlighted contributions'),
      ]);
    }
  }
  appendAll(lines, [
    '### Theme table',
    '',
    '| Theme | Passages | Contributions | Participants | Share of participants |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...top.flatMap((t) => [
      themeRow(t, ''),
      ...findings.themes.filter((s) => s.parentId === t.themeId).map((s) => themeRow(s, '↳ ')),
    ]),
    '',
  ]);
  // Quotes and findings above numbered their sources; the annex lists them in that order.
  const textOf = new Map(
    input.records.flatMap((r) => r.passages.map((p) => [p.id, p.text] as [string, string])),
  );
  appendAll(lines, [
    '### Sources',
    '',
    'Every contribution cited above, numbered in the order the brief first cites it.',
    '',
    ...sources.all().flatMap((s) => [sourceEntry(s, (id) => textOf.get(id) ?? ''), '']),
  ]);
  const uncited = Object.entries(findings.grounding.uncited);
  if (uncited.length > 0) {
    const label = new Map(findings.themes.map((t) => [t.themeId, t.label]));
    lines.push(
      '#### Contributions not cited',
      '',
      'By theme, the contributions no finding above cites.',
      '',
    );
    for (const [themeId, ids] of uncited) {
      appendAll(lines, [
        `**${inlineText(label.get(themeId) ?? 'Other ideas')}**`,
        '',
        ...ids.map((id) => `- ${sources.uncitedEntry(id, textOf.get(id) ?? '')}`),
        '',
      ]);
    }
  }
  appendAll(lines, reviewNotesAnnex(input.themes));
  appendAll(lines, [
    '### Data accounting',
    '',
    ...accountingTable(accounting),
    '',
    ...reviewExclusionsAccount(input.themes.review),
  ]);
  return lines;
}

function themeRow(t: ThemeFindings, prefix: string): string {
  const p = t.prevalence;
  return `| ${prefix}${cellText(t.label)} | ${p.passages} | ${p.contributions} | ${p.participants} | ${Math.round(p.participantShare * 100)}% |`;
}

function accountingTable(acc: Accounting): string[] {
  const rows: [string, number][] = [
    ['Read', acc.read],
    ['Kept', acc.kept],
    ['Merged as exact duplicates', acc.duplicates.exact],
    ['Merged as near duplicates', acc.duplicates.near],
    ...Object.entries(acc.excluded).map(
      ([reason, n]) => [`Excluded: ${reason.replaceAll('-', ' ')}`, n] as [string, number],
    ),
    ['Passages themed', acc.passages],
    ...Object.entries(acc.redactions).map(
      ([kind, n]) => [`Redacted: ${kind}`, n] as [string, number],
    ),
  ];
  return ['| | Records |', '| --- | ---: |', ...rows.map(([name, n]) => `| ${name} | ${n} |`)];
}

function findingList(
  title: string,
  items: readonly Finding[],
  sources: SourceIndex,
  bold: boolean,
): string[] {
  if (items.length === 0) return [];
  const heading = bold ? `**${title}**` : `**${title}** (few contributors, but unlike the rest)`;
  return [
    heading,
    '',
    ...items.map(
      (f) => `- ${statement(f, sources)} *(${count(f.support.contributions, 'contribution')})*`,
    ),
    '',
  ];
}

function votedList(title: string, items: readonly VotedFinding[], sources: SourceIndex): string[] {
  if (items.length === 0) return [];
  return [
    `**${title}**`,
    '',
    ...items.map((f) => {
      const groups = f.opinion?.groups.map((g) => `${Math.round(g.agreement * 100)}%`).join(' / ');
      const votes = groups
        ? `agreement by opinion group ${groups}`
        : agreementText(f.agreement).replace(/^; /, '');
      return `- ${statement(f, sources)} *(${votes})*`;
    }),
    '',
  ];
}

function quotes(items: readonly Quote[], sources: SourceIndex, title = 'In their words'): string[] {
  if (items.length === 0) return [];
  return [
    `**${title}**`,
    '',
    ...items.flatMap((q) => [
      `> “${inlineText(q.text)}”  `,
      `> — ${inlineText(q.credit)}${q.date ? `, ${q.date}` : ''} ${sources.cite([q.passageId])}`,
      '',
    ]),
  ];
}

/** A finding's text and its citations. */
function statement(f: Finding, sources: SourceIndex): string {
  return `${inlineText(f.text)} ${sources.cite(f.citations)}`;
}

function agreementText(agreement: ThemeFindings['prevalence']['agreement']): string {
  if (!agreement || agreement.rate === null) return '';
  const votes = agreement.agrees + agreement.disagrees;
  return `; ${Math.round(agreement.rate * 100)}% agreement over ${votes.toLocaleString('en')} votes`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
