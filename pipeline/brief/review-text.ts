// What the brief says about the facilitators' review: methodology, notes and exclusions.
import type { ReviewActionKind, ReviewedThemes, ReviewSummary } from '../../schemas/review.js';
import type { AgreementCounts, ReviewAgreement } from '../../schemas/review-summary.js';
import { appendAll } from '../arrays.js';
import { exclusionCounts } from '../review/exclusions.js';
import { listOf } from '../synthesis/findings/theme-findings.js';
import { cellText, inlineText } from './markdown-escape.js';

/** How each kind of decision is counted in prose, singular and plural. */
const DECISION_NOUNS: Record<Exclude<ReviewActionKind, 'undo' | 'redo'>, [string, string]> = {
  rename: ['rename', 'renames'],
  merge: ['merge', 'merges'],
  split: ['split', 'splits'],
  nest: ['theme moved in the tree', 'themes moved in the tree'],
  move: ['move of passages', 'moves of passages'],
  exclude: ['exclusion', 'exclusions'],
  restore: ['restoration', 'restorations'],
  pin: ['pinned quote or example', 'pinned quotes or examples'],
  promote: ['promotion into the taxonomy', 'promotions into the taxonomy'],
  approve: ['approval', 'approvals'],
  note: ['note', 'notes'],
};

/**
 * The methodology's sentences on the review: who reviewed, how many decisions of each kind are
 * in force, which top-level themes are not approved, and which decisions no longer apply; or
 * that the themes are as found, unreviewed.
 */
export function reviewMethodology(themes: ReviewedThemes): string {
  const { review } = themes;
  if (!review.reviewed)
    return 'The themes are as the tool found them, unreviewed: no facilitator has reviewed them.';
  const by =
    review.reviewers.length > 0
      ? ` by ${listOf(review.reviewers.map(inlineText))}`
      : ' by facilitators';
  const kinds = Object.entries(review.counts).flatMap(([kind, n]) => {
    const noun = DECISION_NOUNS[kind as keyof typeof DECISION_NOUNS];
    return noun && n > 0 ? [`${n} ${n === 1 ? noun[0] : noun[1]}`] : [];
  });
  const total = Object.values(review.counts).reduce((sum, n) => sum + n, 0);
  const sentences = [
    `The themes were reviewed${by}: ${total} decision${total === 1 ? '' : 's'} in force${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}.`,
    unapprovedSentence(themes),
    agreementSentence(review.agreement),
  ];
  const orphans = review.decisions.filter((d) => d.status === 'orphaned');
  if (orphans.length > 0) {
    sentences.push(
      `${orphans.length} decision${orphans.length === 1 ? ' no longer applies' : 's no longer apply'} to these themes and ${orphans.length === 1 ? 'was' : 'were'} left out: ${orphans.map((d) => `decision ${d.n} (${d.kind}: ${inlineText(d.detail)})`).join('; ')}.`,
    );
  }
  return sentences.filter((x) => x !== '').join(' ');
}

/**
 * "The review kept the tool's theme for 82% of the 607 passages; 14% were moved to another
 * theme and 4% excluded." (a share that is none left out), and the merges, which are not
 * moves; '' without a summary.
 */
function agreementSentence(agreement: ReviewAgreement | undefined): string {
  if (!agreement || agreement.overall.passages === 0) return '';
  const { overall } = agreement;
  const [kept, moved, excluded] = percentages(overall).map((pct, i) =>
    // A share that rounds to nothing is still there.
    pct === 0 && [overall.kept, overall.moved, overall.excluded][i] ? 'under 1%' : `${pct}%`,
  );
  const changes = [
    ...(overall.moved > 0 ? [`${moved} were moved to another theme`] : []),
    ...(overall.excluded > 0 ? [`${excluded} excluded`] : []),
  ];
  const sentences = [
    changes.length === 0
      ? `The review kept the tool's theme for all ${overall.passages.toLocaleString('en')} passages.`
      : `The review kept the tool's theme for ${kept} of the ${overall.passages.toLocaleString('en')} passages; ${changes.join(' and ')}.`,
  ];
  if (agreement.merged.length > 0)
    sentences.push(
      `Themes merged into another count as kept, not moved: ${listOf(agreement.merged.map((m) => `${inlineText(m.label)} into ${inlineText(m.intoLabel)}`))}.`,
    );
  return sentences.join(' ');
}

/** Kept, moved and excluded as whole percentages summing to 100 (largest remainders). */
function percentages(counts: AgreementCounts): [number, number, number] {
  const parts = [counts.kept, counts.moved, counts.excluded].map(
    (n) => (100 * n) / counts.passages,
  );
  const whole = parts.map(Math.floor);
  const order = parts
    .map((p, i) => ({ rest: p - Math.floor(p), i }))
    .sort((a, b) => b.rest - a.rest);
  let left = 100 - whole.reduce((a, b) => a + b, 0);
  for (const { i } of order) if (left-- > 0) whole[i] = (whole[i] as number) + 1;
  return whole as [number, number, number];
}

/**
 * The annex table "What the review changed": per theme the tool found, its passages kept,
 * moved and excluded, and the theme it lives on as; nothing when the review changed nothing.
 */
export function reviewAgreementAnnex(review: ReviewSummary): string[] {
  const agreement = review.agreement;
  if (!agreement?.reviewed || agreement.overall.kept === agreement.overall.passages) return [];
  return [
    '### What the review changed',
    '',
    'Per theme the tool found: its passages whose reviewed theme is still this one (kept), now in another theme (moved) or excluded.',
    '',
    '| Theme as found | Passages | Kept | Moved | Excluded | Now |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...agreement.themes.map(
      (t) =>
        `| ${cellText(t.label)} | ${t.passages} | ${t.kept} | ${t.moved} | ${t.excluded} | ${t.now ? cellText(t.now.label) : '(gone)'} |`,
    ),
    '',
  ];
}

function unapprovedSentence(themes: ReviewedThemes): string {
  const top = themes.themes.filter((t) => t.parentId === null);
  const open = top.filter((t) => !themes.review.themes[t.id]?.approved);
  if (open.length === 0) return `All ${top.length} top-level themes were approved.`;
  return `Top-level themes not approved yet: ${listOf(open.map((t) => inlineText(t.label)))}.`;
}

/** The description a reviewer wrote for a theme, or '' (the tool's own are not shown). */
export function reviewedDescription(themes: ReviewedThemes, themeId: string): string {
  if (!themes.review.themes[themeId]?.described) return '';
  return themes.themes.find((t) => t.id === themeId)?.description ?? '';
}

/** The annex "Notes from the review": notes on themes (by label), then on the whole review. */
export function reviewNotesAnnex(themes: ReviewedThemes): string[] {
  const onThemes = themes.themes.flatMap((theme) => {
    const notes = themes.review.themes[theme.id]?.notes ?? [];
    return notes.length > 0 ? [{ label: theme.label, notes }] : [];
  });
  if (onThemes.length === 0 && themes.review.notes.length === 0) return [];
  const lines = ['### Notes from the review', ''];
  for (const { label, notes } of onThemes)
    appendAll(lines, [`**${inlineText(label)}**`, '', ...notes.map(noteLine), '']);
  if (themes.review.notes.length > 0)
    appendAll(lines, [
      '**On the review as a whole**',
      '',
      ...themes.review.notes.map(noteLine),
      '',
    ]);
  return lines;
}

/**
 * What the data accounting adds for the review: the passages a reviewer excluded, counted by
 * reason, and each exclusion with its note, so that nothing leaves the brief unaccounted for.
 */
export function reviewExclusionsAccount(review: ReviewSummary): string[] {
  const counts = exclusionCounts(review);
  if (counts.length === 0) return [];
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  const reasons = counts.map(([reason, n]) => `${reason.replaceAll('-', ' ')} ${n}`).join(', ');
  return [
    `Excluded by a reviewer: ${total} passage${total === 1 ? '' : 's'} (${reasons}), left out of every finding, count and chart above.`,
    '',
    ...review.excluded.map((e) => {
      const target =
        'passage' in e.target
          ? `Passage ${inlineText(e.target.passage)}`
          : `Contribution ${inlineText(e.target.contribution)} (${e.passageIds.length} passage${e.passageIds.length === 1 ? '' : 's'})`;
      return `- ${target}: ${e.reason.replaceAll('-', ' ')}${e.note ? `. ${inlineText(e.note)}` : ''}`;
    }),
    '',
  ];
}

function noteLine(note: string): string {
  return `- ${inlineText(note)}`;
}
