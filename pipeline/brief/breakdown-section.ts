// The brief's "Who took part and what each group said": shares by respondent group, marked differences.
import type {
  AttributeBreakdown,
  BreakdownRow,
  Breakdowns,
  ClosedQuestion,
  Findings,
  GroupShare,
} from '../../schemas/findings.js';
import { appendAll } from '../arrays.js';
import { shareGap } from '../synthesis/findings/breakdown-rows.js';
import { cellText, inlineText } from './markdown-escape.js';
import { count, type People } from './people.js';

/** The section's heading. */
export const BREAKDOWN_HEADING = 'Who took part and what each group said';

/** Themes a table shows, largest first (`findings.json` has every one). */
const SHOWN_THEMES = 10;
/** Marked differences written out per attribute (and closed question), largest first. */
const SHOWN_DIFFERENCES = 8;

/** How the section names the people counted, and the findings' labels it reads. */
interface Context {
  /** "respondent", or "contribution" when contributions name no author. */
  unit: string;
  /** A split's row as the brief names it: the question's number, the theme's label. */
  splitName: (row: BreakdownRow) => string;
  /** The chart of each attribute's themes, by attribute index, as Markdown lines. */
  chartOf: (index: number) => string[];
}

/**
 * The section, when the findings have breakdowns: each closed yes/no question's answers and its
 * shares by group, then per attribute its groups, a table of the share of each group raising
 * each theme (marked cells "▲ 41% (rest 22%)", in text, not by colour alone), its chart, the
 * splits by group, and one sentence per marked difference. Empty without breakdowns.
 */
export function breakdownSection(
  findings: Findings,
  people: People,
  chartOf: (index: number) => string[],
): string[] {
  const breakdowns = findings.breakdowns;
  if (!breakdowns) return [];
  const ctx: Context = {
    unit: people.identification === 'none' ? 'contribution' : 'respondent',
    splitName: (row) => splitName(findings, row),
    chartOf,
  };
  const lines = [`## ${BREAKDOWN_HEADING}`, '', introText(breakdowns, ctx), ''];
  for (const question of breakdowns.closed)
    appendAll(lines, closedSection(question, breakdowns, ctx));
  for (const [i, a] of breakdowns.attributes.entries()) {
    appendAll(lines, attributeSection(a, i, ctx));
  }
  appendAll(lines, skippedText(breakdowns, ctx));
  return lines;
}

function introText(breakdowns: Breakdowns, { unit }: Context): string {
  if (breakdowns.attributes.length === 0 && breakdowns.closed.length === 0) {
    return `No attribute of the ${unit}s could be broken down into groups (see below).`;
  }
  return `The ${unit}s’ answers to closed questions group them. Per group, the tables give the share of its ${unit}s ${unit === 'contribution' ? 'that' : 'who'} raised each theme, and the share in favour among those taking a side where opinion divides. ▲ or ▼ marks a group that differs markedly from the other groups together, whose share follows in brackets; how differences are tested is in the methodology.`;
}

/** A closed yes/no question: its answers, then its yes share by every attribute's groups. */
function closedSection(q: ClosedQuestion, breakdowns: Breakdowns, ctx: Context): string[] {
  const all = q.yes + q.no + q.unclear;
  const pct = (n: number) => `${percent(n, all)}%`;
  const lines = [
    `### ${inlineText(q.attribute)}`,
    '',
    `**${pct(q.yes)} of the ${count(all, ctx.unit)} with a written answer said yes** (${q.yes.toLocaleString('en')}); ${pct(q.no)} said no (${q.no.toLocaleString('en')})${q.unclear > 0 ? `, and ${pct(q.unclear)} (${q.unclear.toLocaleString('en')}) gave no clear answer or none` : ''}.`,
    '',
  ];
  const rows = breakdowns.attributes.flatMap((a) => {
    const row = a.rows.find((r) => r.kind === 'closed' && r.id === q.attribute);
    return row ? [{ attribute: a, row }] : [];
  });
  if (rows.length === 0) return lines;
  appendAll(lines, [
    `| Group | Answering yes or no | Yes |`,
    '| --- | ---: | ---: |',
    ...rows.flatMap(({ attribute, row }) =>
      row.cells.map(
        (cell, g) =>
          `| ${cellText(attribute.attribute)}: ${cellText(attribute.groups[g]?.name ?? '')} | ${cell.base.toLocaleString('en')} | ${shareCell(cell)} |`,
      ),
    ),
    '',
    ...differenceList(
      rows.flatMap(({ attribute, row }) => largestFirst(attribute, [row], ctx)),
      ctx,
    ),
  ]);
  return lines;
}

/** An attribute: its groups, the themes table and chart, the splits table, the differences. */
function attributeSection(a: AttributeBreakdown, index: number, ctx: Context): string[] {
  const allThemes = a.rows.filter((r) => r.kind === 'theme');
  const themes = allThemes.slice(0, SHOWN_THEMES);
  const splits = a.rows.filter((r) => r.kind === 'question' || r.kind === 'leading-proposal');
  const header = `| ${a.groups.map((g) => `${cellText(g.name)} (${g.participants.toLocaleString('en')})`).join(' | ')} |`;
  const align = `${a.groups.map(() => ' ---: |').join('')}`;
  // A survey's column is often its question: "What is your role?" is a heading as it stands.
  const heading = a.attribute.trim().endsWith('?') ? a.attribute : `By ${a.attribute}`;
  const lines = [`### ${inlineText(heading)}`, '', groupsText(a, ctx), ''];
  if (themes.length > 0) {
    appendAll(lines, [
      `| Theme ${header}`,
      `| --- |${align}`,
      ...themes.map((r) => `| ${cellText(r.label)} | ${r.cells.map(shareCell).join(' | ')} |`),
      '',
      ...(allThemes.length > themes.length
        ? [
            `${count(allThemes.length - themes.length, 'smaller theme')} left out here are in \`findings.json\` under \`breakdowns\`.`,
            '',
          ]
        : []),
      ...ctx.chartOf(index),
    ]);
  }
  if (splits.length > 0) {
    appendAll(lines, [
      `**How opinion divides, by group.** In favour, of those taking a side (their number in brackets).`,
      '',
      `| Claim ${header}`,
      `| --- |${align}`,
      ...splits.map(
        (r) => `| ${capitalised(ctx.splitName(r))} | ${r.cells.map(splitCell).join(' | ')} |`,
      ),
      '',
    ]);
  }
  const rows = [...themes, ...splits];
  return [...lines, ...differenceList(largestFirst(a, rows, ctx), ctx)];
}

/** The groups and who is not in any: no value, or a group too small even pooled. */
function groupsText(a: AttributeBreakdown, { unit }: Context): string {
  const pooled = a.groups.find((g) => g.pooled.length > 0);
  const parts = [
    `${count(
      a.groups.reduce((sum, g) => sum + g.participants, 0),
      unit,
    )} in ${a.groups.length} groups`,
  ];
  if (pooled) {
    parts.push(
      `“${inlineText(pooled.name)}” pools ${count(pooled.pooled.length, 'value')} with fewer ${unit}s each (${pooled.pooled.map(inlineText).join(', ')})`,
    );
  }
  if (a.leftOut.groups > 0) {
    parts.push(
      `${count(a.leftOut.participants, unit)} in ${count(a.leftOut.groups, 'smaller group')} are left out`,
    );
  }
  if (a.unanswered > 0) parts.push(`${count(a.unanswered, unit)} gave no answer`);
  return `${parts.join('; ')}.`;
}

function differenceList(sentences: readonly string[], { unit }: Context): string[] {
  if (sentences.length === 0) {
    return [`No group differs markedly from the other ${unit}s here.`, ''];
  }
  return ['**Marked differences**', '', ...sentences.map((s) => `- ${s}`), ''];
}

/**
 * The sentences of an attribute's marked differences, the largest gaps first (with two groups,
 * of the one doing it more often only: their difference is one), at most `SHOWN_DIFFERENCES`,
 * then how many more the tables mark.
 */
function largestFirst(a: AttributeBreakdown, rows: readonly BreakdownRow[], ctx: Context) {
  const marked = rows
    .flatMap((row) => row.cells.map((cell, g) => ({ row, cell, g })))
    .filter(({ row, cell }) => cell.marked && !(row.cells.length === 2 && shareGap(cell) < 0))
    .sort((x, y) => Math.abs(shareGap(y.cell)) - Math.abs(shareGap(x.cell)));
  const sentences = marked
    .slice(0, SHOWN_DIFFERENCES)
    .map(({ row, cell, g }) => differenceSentence(a, row, cell, g, ctx));
  const more = marked.length - sentences.length;
  if (more > 0) sentences.push(`${count(more, 'more marked difference')}: see the table.`);
  return sentences;
}

/** The sentence of one marked cell: who, what, how much more or less often. */
function differenceSentence(
  a: AttributeBreakdown,
  row: BreakdownRow,
  cell: GroupShare,
  g: number,
  ctx: Context,
): string {
  const more = shareGap(cell) > 0 ? 'more' : 'less';
  const group = a.groups[g]?.name ?? '';
  const who = `${capitalised(ctx.unit)}s in “${inlineText(group)}” (${inlineText(a.attribute)})`;
  const figures = `${percent(cell.count, cell.base)}% against ${percent(cell.restCount, cell.restBase)}%`;
  return `${who} ${differenceText(row, more, ctx)} than the other ${ctx.unit}s: ${figures}${ofWhom(row)}.`;
}

/** What a marked group did more or less often than the rest. */
function differenceText(row: BreakdownRow, more: string, ctx: Context): string {
  switch (row.kind) {
    case 'theme':
      return `raised ${inlineText(row.label)} ${more} often`;
    case 'question':
    case 'leading-proposal':
      return `were ${more} often in favour on ${ctx.splitName(row)}`;
    case 'closed':
      return `answered yes to “${inlineText(row.label)}” ${more} often`;
    default: {
      const never: never = row.kind;
      throw new Error(`unknown breakdown row ${String(never)}`);
    }
  }
}

/** Whose shares a row's figures are. */
function ofWhom(row: BreakdownRow): string {
  if (row.kind === 'theme') return '';
  return row.kind === 'closed' ? ' of those answering yes or no' : ' of those taking a side';
}

/** A share cell: "41%", marked "▲ 41% (rest 22%)". */
function shareCell(cell: GroupShare): string {
  if (cell.base === 0) return '–';
  const own = `${percent(cell.count, cell.base)}%`;
  if (!cell.marked) return own;
  const arrow = shareGap(cell) > 0 ? '▲' : '▼';
  return `${arrow} ${own} (rest ${percent(cell.restCount, cell.restBase)}%)`;
}

/** A split's cell: the share with the number taking a side, "70% (40)". */
function splitCell(cell: GroupShare): string {
  return cell.base === 0 ? '–' : `${shareCell(cell)} (${cell.base.toLocaleString('en')})`;
}

function splitName(findings: Findings, row: BreakdownRow): string {
  if (row.kind === 'question') {
    const index = findings.questions.findIndex((q) => q.questionId === row.id);
    return `question ${index + 1} (${inlineText(row.label)})`;
  }
  const theme = findings.themes.find((t) => t.themeId === row.id)?.label ?? row.id;
  return `the leading proposal of ${inlineText(theme)} (“${inlineText(row.label)}”)`;
}

/** The attributes not broken down, and why, in one line. */
function skippedText(breakdowns: Breakdowns, { unit }: Context): string[] {
  if (breakdowns.skipped.length === 0) return [];
  const items = breakdowns.skipped.map(({ attribute, reason, values }) =>
    reason === 'too-many-values'
      ? `${inlineText(attribute)} (${values.toLocaleString('en')} distinct values: too many to group)`
      : `${inlineText(attribute)} (fewer than two of its ${count(values, 'group')} have ${breakdowns.minGroup} ${unit}s or more)`,
  );
  return [`Not broken down: ${items.join('; ')}.`, ''];
}

function percent(n: number, of: number): number {
  return of > 0 ? Math.round((n / of) * 100) : 0;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
