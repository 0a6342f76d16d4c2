import type { Accounting } from '../../schemas/accounting.js';
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { BriefConfig, Consultation } from '../../schemas/consultation.js';
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
import { appendAll } from '../arrays.js';
import type { Attachment } from '../artifacts.js';
import { accountFor } from '../clean/accounting.js';
import { creditor } from '../synthesis/findings/corpus.js';
import { noProposalText, unreadLanguages } from '../synthesis/reading/unread.js';
import { aboutDataBox } from './about-data.js';
import { breakdownChartName, breakdownCharts } from './breakdown-chart.js';
import { breakdownSection } from './breakdown-section.js';
import { isCompact, topBySupport, topSubThemes } from './brief-caps.js';
import { briefCharts, type Chart } from './charts.js';
import { cellText, inlineText } from './markdown-escape.js';
import { methodologyText, runDetails } from './methodology.js';
import { nothingToChangeText } from './nothing-to-change-text.js';
import {
  contributionVoices,
  organisedBy,
  participationText,
  themeOverlapText,
} from './participation.js';
import { count, People } from './people.js';
import { programmingSection, whoTookPart } from './programming.js';
import { questionThemeTable } from './question-table.js';
import { leftOutNote, QuotedOnce } from './quoted-once.js';
import {
  reviewAgreementAnnex,
  reviewExclusionsAccount,
  reviewedDescription,
  reviewNotesAnnex,
} from './review-text.js';
import { type SourceIndex, sourceEntry, sourceIndex } from './sources.js';
import { sourcesCsv, sourcesFile } from './sources-csv.js';

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
  /**
   * `sources.csv` (every contribution cited, and those not cited: see `sourcesCsv`), or
   * `sources.csv.gz` when large (see `sourcesFile`).
   */
  sources: Attachment;
}

/**
 * The brief as Markdown, the canonical and editable output: title block, key messages, about
 * the consultation (with a methodology and limitations paragraph written from the run itself),
 * thematic findings by prevalence, guiding questions, cross-cutting issues, what this means for
 * programming,
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
    config.brief.citations,
  );
  // Built when the annex names it, once every source shown is numbered: its size picks its name.
  let sourcesAttachment: Attachment | undefined;
  const sourcesOut = () =>
    (sourcesAttachment ??= sourcesFile(
      sourcesCsv(findings, input.records, sources),
      config.brief.sourcesGzipAbove,
    ));
  const people = new People(findings.totals);
  const top = findings.themes
    .filter((t) => t.parentId === null)
    .sort(
      (a, b) =>
        b.prevalence.participants - a.prevalence.participants || a.themeId.localeCompare(b.themeId),
    );
  const charts = [
    ...briefCharts(
      findings,
      people,
      config.weeks.length > 0
        ? config.weeks.map((w) => w.label)
        : findings.weeks.map((w) => w.label),
    ),
    ...breakdownCharts(findings),
  ];
  const chartRef = (name: string) => {
    const chart = charts.find((c) => c.name === name);
    return chart ? [`![${chart.title}](charts/${chart.name}.svg)`, ''] : [];
  };
  // No sentence is shown more than twice in the body: the key messages choose first, then
  // programming; the themes, questions and weekly digests show what is left, in their order.
  const quoted = new QuotedOnce();
  for (const [i, m] of findings.executiveSummary.entries())
    quoted.add(m.text, `key message ${i + 1}`);
  const programming = programmingSection(findings, {
    sources,
    people,
    quoted,
    none: noProposalText(unreadLanguages(accounting.languages), accounting.kept),
  });
  for (const [i, p] of (findings.priorities ?? []).entries())
    quoted.add(p.text, `programming priority ${i + 1}`);
  // The objections and concerns programming quotes are shown too.
  for (const line of programming) if (line.includes('“')) quoted.add(line.replace(/\\(.)/g, '$1'));
  const sections = [
    titleBlock(input, people),
    keyMessages(findings, sources),
    aboutDataBox({
      findings,
      records: input.records,
      contributions: input.contributions,
      accounting,
    }),
    about(input, accounting, people, chartRef('passages-per-week')),
    [
      '## Thematic findings',
      '',
      ...chartRef('participants-per-theme'),
      themeOverlapText(top, people),
      '',
      ...top.flatMap((theme, rank) =>
        themeSection(
          theme,
          findings,
          sources,
          {
            description: reviewedDescription(input.themes, theme.themeId),
            questionId: input.themes.themes.find((t) => t.id === theme.themeId)?.questionId,
          },
          { caps: config.brief, people, quoted },
          isCompact(theme, rank, config.brief),
        ),
      ),
    ],
    questionsSection(findings, sources, { caps: config.brief, people, quoted }),
    breakdownSection(findings, people, (i) => chartRef(breakdownChartName(i))),
    crossCutting(findings, sources),
    programming,
    annexes(input, accounting, top, sources, {
      caps: config.brief,
      people,
      quoted,
      sourcesName: () => sourcesOut().file,
    }),
  ];
  return {
    markdown: `${sections
      .flat()
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()}\n`,
    charts,
    sources: sourcesOut(),
  };
}

/** What the sections that cut lists or count people need besides the findings. */
interface Shown {
  caps: BriefConfig;
  people: People;
  /** What the key messages and programming priorities quote, for the openings to leave out. */
  quoted: QuotedOnce;
}

function titleBlock({ config, findings, records, date }: BriefInput, people: People): string[] {
  const period = config.period
    ? `${config.period.start} to ${config.period.end}`
    : 'dates not given';
  const contributions = count(contributionVoices(records).voices, 'contribution');
  const by = organisedBy(findings.questions.length, findings.weeks.length);
  return [
    `# ${inlineText(config.title)}`,
    '',
    '**Policy input for programme formulation**',
    '',
    `Consultation period: ${period}  `,
    `Produced: ${date}  `,
    people.identification === 'all'
      ? `Scope: what ${people.total()} said in ${contributions}, by ${by}.`
      : `Scope: ${contributions} from ${people.total()}, by ${by}.`,
    '',
  ];
}

function keyMessages(findings: Findings, sources: SourceIndex): string[] {
  if (findings.executiveSummary.length === 0) {
    const why =
      findings.totals.contributions === 0
        ? 'no contribution was kept'
        : 'no theme drew enough participants, and no proposal or vote stood out';
    return ['## Key messages', '', `No key messages: ${why}.`, ''];
  }
  return [
    '## Key messages',
    '',
    ...findings.executiveSummary.map((m, i) => `${i + 1}. ${statement(m, sources)}`),
    '',
    ...whoTookPart(findings.whoTookPart ?? [], sources),
  ];
}

function about(
  input: BriefInput,
  accounting: Accounting,
  people: People,
  weeklyChart: string[],
): string[] {
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
  lines.push(participationText(findings, input.records, people), '');
  if (findings.weeks.length > 0) {
    const column = people.column();
    appendAll(lines, [
      `| Week | Dates | Contributions |${column ? ` ${column} |` : ''}`,
      `| --- | --- | ---: |${column ? ' ---: |' : ''}`,
      ...findings.weeks.map(
        (w) =>
          `| ${cellText(w.label)} | ${w.start} to ${w.end} | ${w.contributions} |${column ? ` ${w.participants} |` : ''}`,
      ),
      '',
      ...weeklyChart,
    ]);
  }
  lines.push(`**Methodology and limitations.** ${methodologyText(input, accounting, people)}`, '');
  return lines;
}

function themeSection(
  theme: ThemeFindings,
  findings: Findings,
  sources: SourceIndex,
  { description, questionId }: { description: string; questionId: string | undefined },
  { caps, people, quoted }: Shown,
  compact: boolean,
): string[] {
  const p = theme.prevalence;
  // A theme found within a guiding question's answers says which question it answers (not in
  // quotation marks: the question is not a contributor's sentence).
  const index = findings.questions.findIndex((q) => q.questionId === questionId);
  const question = findings.questions[index];
  const answering = question
    ? `; in the answers to question ${index + 1} (${inlineText(question.text)})`
    : '';
  const lines = [
    `### ${inlineText(theme.label)}`,
    '',
    ...(description ? [inlineText(description), ''] : []),
    `*${people.themeSize(p.participants, p.participantShare, p.contributions)}, ${count(p.passages, 'passage')}${agreementText(p.agreement)}${trendText(theme.trend)}${answering}.*`,
    '',
  ];
  const opening = theme.summary.filter((f) => quoted.isNew(f.text) && quoted.show(f.text));
  if (opening.length > 0) lines.push(opening.map((f) => statement(f, sources)).join(' '), '');
  // What was quoted twice already is left out, with a pointer to where it is quoted in full.
  const left = new Set<string>();
  appendAll(lines, stanceParagraph(theme.stance, sources, { caps, quoted, left }));
  const top = <T extends Finding>(items: readonly T[], cap: number) =>
    quoted.keep(topBySupport(items, items.length), left, cap);
  if (compact) return [...lines, ...compactPoints(theme, quoted, sources), ...leftOutNote(left)];
  appendAll(lines, findingList('Key points', top(theme.keyPoints, caps.keyPoints), sources, true));
  appendAll(lines, findingList('Proposals', top(theme.proposals, caps.proposals), sources, true));
  appendAll(lines, findingList('Concerns', top(theme.concerns, caps.concerns), sources, true));
  appendAll(
    lines,
    findingList('Opportunities', top(theme.opportunities, caps.opportunities), sources, true),
  );
  appendAll(lines, quotes(quoted.keep(theme.quotes, left, caps.quotes), sources));
  appendAll(
    lines,
    subThemes(
      findings.themes.filter((t) => t.parentId === theme.themeId),
      caps,
    ),
  );
  appendAll(
    lines,
    findingList('Minority views', top(theme.minorityViews, caps.minorityViews), sources, false),
  );
  appendAll(
    lines,
    votedList('Broad agreement', quoted.keep(theme.consensus, left, caps.votedComments), sources),
  );
  appendAll(
    lines,
    votedList('Divided opinion', quoted.keep(theme.divisive, left, caps.votedComments), sources),
  );
  return [...lines, ...leftOutNote(left)];
}

/**
 * A compact theme's most widely made point, leading proposal and main concern, one line each
 * (what a key message or programming priority already quotes left out).
 */
function compactPoints(theme: ThemeFindings, quoted: QuotedOnce, sources: SourceIndex): string[] {
  const first = (items: readonly Finding[]) =>
    topBySupport(items, items.length).find((f) => quoted.isNew(f.text) && quoted.show(f.text));
  const points = [
    ['Main point', first(theme.keyPoints)],
    ['Leading proposal', first(theme.proposals)],
    ['Main concern', first(theme.concerns)],
  ] as const;
  const lines = points.flatMap(([name, f]) => (f ? [`- ${name}: ${statement(f, sources)}`] : []));
  return lines.length > 0 ? [...lines, ''] : [];
}

/**
 * The largest sub-themes in one line, by name and size (their points are the theme's key
 * points), and how many smaller ones the theme table lists.
 */
function subThemes(children: readonly ThemeFindings[], caps: BriefConfig): string[] {
  const shown = topSubThemes(children, caps.subThemes);
  if (shown.length === 0) return [];
  const rest = children.length - shown.length;
  const names = shown.map(
    (child, i) =>
      `${inlineText(child.label)} (${i === 0 ? count(child.prevalence.contributions, 'contribution') : child.prevalence.contributions})`,
  );
  const more = rest > 0 ? `; ${count(rest, 'smaller one')} in the theme table` : '';
  return [`**Sub-themes:** ${names.join(', ')}${more}.`, ''];
}

function questionsSection(
  findings: Findings,
  sources: SourceIndex,
  { caps, people, quoted }: Shown,
): string[] {
  if (findings.questions.length === 0) return [];
  const table = questionThemeTable(findings);
  const lines = ['## What contributors said on each guiding question', '', ...table];
  findings.questions.forEach((q, i) => {
    const left = new Set<string>();
    // A question's points leave out what is quoted before: its counts are the question's, not
    // the theme's or the priority's, and one claim shows one count.
    const top = (items: readonly Finding[], cap: number) =>
      quoted.keep(topBySupport(items, items.length), left, cap, true);
    // With the table above, the question's line need not name its themes again.
    const themes =
      table.length > 0
        ? ''
        : ` Themes: ${
            q.themes
              .slice(0, 5)
              .map(
                (t, i) =>
                  `${inlineText(t.label)} (${i === 0 ? count(t.passages, 'passage') : t.passages})`,
              )
              .join(', ') || 'none'
          }.`;
    appendAll(lines, [
      `### Question ${i + 1}: ${inlineText(q.text)}`,
      '',
      `*${people.from(q.contributions, q.participants)}${q.mapping === 'similarity' ? ', matched to the question by their words' : ''}.${themes}*`,
      '',
      ...stanceParagraph(q.stance, sources, { caps, quoted, left }),
      ...nothingToChangeText(q.nothingToChange, people),
      ...findingList('Main points', top(q.keyPoints, caps.questionPoints), sources, true),
      ...findingList('Proposals', top(q.proposals, caps.proposals), sources, true),
      ...leftOutNote(left),
    ]);
  });
  return lines;
}

function crossCutting(findings: Findings, sources: SourceIndex): string[] {
  const lines = ['## Cross-cutting issues', ''];
  if (findings.crossCutting.length === 0) {
    const none =
      findings.questions.length > 1
        ? 'No theme recurred across questions, and no phrase across three or more themes.'
        : 'No phrase recurred across three or more themes.';
    return [...lines, none, ''];
  }
  return [...lines, ...findings.crossCutting.map((c) => `- ${statement(c, sources)}`), ''];
}

/**
 * How contributions divide on a claim (a yes/no question, or a theme's leading proposal): the
 * counts with the citations on each side and of conditional and compromise positions, and votes
 * on the claim, or, when most take no position clearly, that opinion could not be read reliably;
 * then each side's main reasons, the conditions and the compromises put, with their counts.
 */
function stanceParagraph(
  stance: StanceSplit | null,
  sources: SourceIndex,
  { caps, quoted, left }: { caps: BriefConfig; quoted: QuotedOnce; left: Set<string> },
): string[] {
  if (!stance) return [];
  const claim =
    stance.basis === 'question' || quoted.show(stance.claim)
      ? null
      : (quoted.placeOf(stance.claim) ?? 'quoted above');
  const list = (title: string, side: StanceSplit['favour']) =>
    findingList(
      title,
      quoted.keep(topBySupport(side.points, side.points.length), left, caps.reasons),
      sources,
      true,
    );
  const lists = [
    ...list('Reasons given in favour', stance.favour),
    ...list('Reasons given against', stance.against),
    ...list('Conditional positions', stance.conditional),
    ...list('Compromise proposals', stance.compromise),
  ];
  const of = stance.basis === 'question' ? 'answers' : 'contributions';
  const whose =
    !stance.reliable && lists.length > 0
      ? ` The reasons below are those of the ${of} that do.`
      : '';
  return [`**How opinion divides.** ${splitLine(stance, sources, claim)}${whose}`, '', ...lists];
}

/**
 * The counts of a split, each with its citations, or that it could not be read reliably;
 * `quotedAt` names where the leading proposal is quoted when it is not quoted again here.
 */
function splitLine(stance: StanceSplit, sources: SourceIndex, quotedAt: string | null): string {
  const { favour, against, conditional, compromise, unclear } = stance;
  const decided = [favour, against, conditional, compromise].reduce(
    (sum, s) => sum + s.support.contributions,
    0,
  );
  const counted = decided + unclear.contributions;
  const question = stance.basis === 'question';
  if (!stance.reliable) {
    const on = question ? 'this question' : 'the leading proposal';
    const of = count(counted, question ? 'answer' : 'contribution');
    const few = decided === 0 ? 'none' : `only ${decided.toLocaleString('en')}`;
    return `Opinion on ${on} could not be read reliably: ${few} of ${of} ${decided === 1 ? 'takes' : 'take'} a side clearly.`;
  }
  const on = question
    ? `Of ${count(counted, 'answer')},`
    : `Of the ${count(counted, 'contribution')} on the leading proposal${quotedAt ? ` (${quotedAt})` : `, “${inlineText(stance.claim)}”`},`;
  const part = (n: number, one: string, many: string, citations: readonly string[]) =>
    `${n.toLocaleString('en')} ${n === 1 ? one : many}${n > 0 ? ` ${sources.cite(citations)}` : ''}`;
  const parts = [
    part(favour.support.contributions, 'is in favour', 'are in favour', favour.citations),
    part(against.support.contributions, 'is against', 'are against', against.citations),
  ];
  const { contributions: onCondition } = conditional.support;
  if (onCondition > 0) {
    const [one, many] = ['takes a conditional position', 'take a conditional position'];
    parts.push(part(onCondition, one, many, conditional.citations));
  }
  const { contributions: between } = compromise.support;
  if (between > 0) {
    const [one, many] = ['proposes a compromise', 'propose a compromise'];
    parts.push(part(between, one, many, compromise.citations));
  }
  const neither = `${unclear.contributions.toLocaleString('en')} ${unclear.contributions === 1 ? 'takes' : 'take'} neither side clearly`;
  return `${on} ${parts.join(', ')}, and ${neither}.${votesText(stance.votes)}`;
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
  { caps, people, quoted, sourcesName }: Shown & { sourcesName: () => string },
): string[] {
  const { findings } = input;
  const lines = ['## Annexes', ''];
  if (findings.weeks.length > 0) {
    lines.push('### Weekly digests', '');
    for (const week of findings.weeks) {
      const left = new Set<string>();
      const points = topBySupport(week.keyPoints, week.keyPoints.length);
      appendAll(lines, [
        `#### ${inlineText(week.label)}`,
        '',
        `*${week.start} to ${week.end}: ${people.from(week.contributions, week.participants)}. Leading themes: ${week.leadingThemes.map((t, i) => `${inlineText(t.label)} (${i === 0 ? count(t.passages, 'passage') : t.passages})`).join(', ') || 'none'}.*`,
        '',
        ...findingList('Key points', quoted.keep(points, left, caps.questionPoints), sources, true),
        ...quotes(
          quoted.keep(week.highlights, left, caps.quotes),
          sources,
          'Highlighted contributions',
        ),
        ...leftOutNote(left),
      ]);
    }
  }
  const column = people.column();
  const share = people.identification === 'none' ? 'Share of contributions' : 'Share';
  appendAll(lines, [
    '### Theme table',
    '',
    `| Theme | Passages | Contributions |${column ? ` ${column} |` : ''} ${share} |`,
    `| --- | ---: | ---: |${column ? ' ---: |' : ''} ---: |`,
    ...top.flatMap((t) => [
      themeRow(t, '', column !== null),
      ...findings.themes
        .filter((s) => s.parentId === t.themeId)
        .map((s) => themeRow(s, '↳ ', column !== null)),
    ]),
    '',
    themeOverlapText(top, people),
    '',
  ]);
  appendAll(lines, sourcesAnnex(input, sources, sourcesName()));
  appendAll(lines, reviewNotesAnnex(input.themes));
  appendAll(lines, reviewAgreementAnnex(input.themes.review));
  appendAll(lines, runDetails(input));
  appendAll(lines, [
    '### Data accounting',
    '',
    ...accountingTable(accounting),
    '',
    ...reviewExclusionsAccount(input.themes.review),
  ]);
  return lines;
}

function themeRow(t: ThemeFindings, prefix: string, withPeople: boolean): string {
  const p = t.prevalence;
  return `| ${prefix}${cellText(t.label)} | ${p.passages} | ${p.contributions} |${withPeople ? ` ${p.participants} |` : ''} ${Math.round(p.participantShare * 100)}% |`;
}

/**
 * The sources the brief shows, numbered in the order it first shows them, compactly; how many
 * passages of each theme no finding cites; and where the complete list is (`sources.csv`, which
 * the HTML report shows in full under "All cited contributions").
 */
function sourcesAnnex(input: BriefInput, sources: SourceIndex, file: string): string[] {
  const { findings } = input;
  const shown = sources.all();
  const textOf = new Map(
    input.records.flatMap((r) => r.passages.map((p) => [p.id, p.text] as [string, string])),
  );
  const lines = [
    '### Sources',
    '',
    `The ${count(shown.length, 'contribution')} the brief links to, numbered in the order it first shows them; the findings cite ${count(findings.grounding.citedContributions, 'contribution')} in all.`,
    '',
    ...shown.flatMap((s) => [sourceEntry(s, (id) => textOf.get(id) ?? ''), '']),
  ];
  const uncited = Object.entries(findings.grounding.uncited).filter(([, ids]) => ids.length > 0);
  if (uncited.length > 0) {
    const label = new Map(findings.themes.map((t) => [t.themeId, t.label]));
    appendAll(lines, [
      '#### Contributions not cited',
      '',
      'By theme, the passages no finding cites:',
      '',
      '| Theme | Uncited passages |',
      '| --- | ---: |',
      ...uncited.map(
        ([themeId, ids]) => `| ${cellText(label.get(themeId) ?? 'Other ideas')} | ${ids.length} |`,
      ),
      '',
    ]);
  }
  appendAll(lines, [
    '### All cited contributions',
    '',
    `Every contribution the findings cite, with the themes and sections citing it and its full text, and every contribution they do not cite, is listed in [${file}](${file}) beside this brief, and in the HTML report under this heading.`,
    '',
  ]);
  return lines;
}

function accountingTable(acc: Accounting): string[] {
  const rows: [string, number][] = [
    ['Read', acc.read],
    ['Kept', acc.kept],
    ['Merged as exact duplicates', acc.duplicates.exact],
    ['Merged as near duplicates', acc.duplicates.near],
    ['Said only that nothing needs to change (counted, not themed)', acc.nothingToChange],
    ...Object.entries(acc.excluded).map(
      ([reason, n]) => [`Excluded: ${reason.replaceAll('-', ' ')}`, n] as [string, number],
    ),
    ...(acc.blankAnswers > 0
      ? [
          ['Answers left blank (questions skipped; not records)', acc.blankAnswers] as [
            string,
            number,
          ],
        ]
      : []),
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
    ...items.map((f) => {
      const counted = count(f.support.contributions, 'contribution');
      // "31 contributions mention parking, for example ..." already says how many.
      if (f.text.startsWith(`${counted} `)) return `- ${statement(f, sources)}`;
      return `- ${statement(f, sources)} *(${counted})*`;
    }),
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

/** "; rising over the weeks": the theme's trend, or '' when unknown (no weeks, or too few). */
function trendText(trend: ThemeFindings['trend']): string {
  if (trend.direction === 'unknown' || trend.weekly.length < 2) return '';
  return `; ${trend.direction} over the weeks`;
}

function agreementText(agreement: ThemeFindings['prevalence']['agreement']): string {
  if (!agreement || agreement.rate === null) return '';
  const votes = agreement.agrees + agreement.disagrees;
  return `; ${Math.round(agreement.rate * 100)}% agreement over ${votes.toLocaleString('en')} votes`;
}
