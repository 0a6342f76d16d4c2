import type { Finding, ThemeFindings } from '../../../schemas/findings.js';
import type { Theme } from '../../../schemas/themes.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { keyPointsOf, pointGroups } from './key-points.js';
import { minorityViews } from './minority.js';
import { themeQuotes } from './quotes.js';
import { themeStance } from './stance-findings.js';
import { statementsOf } from './statement-groups.js';
import { findingOf, supportOf } from './support.js';
import { TEMPLATES } from './templates.js';
import { trendOf } from './trend.js';
import { agreementOf, votedFindings } from './votes.js';

/** A theme's passages, best fitting first, as corpus passages. */
export function themePassages(corpus: SynthesisCorpus, theme: Theme): SynthesisPassage[] {
  const passages: SynthesisPassage[] = [];
  for (const id of theme.passageIds) {
    const passage = corpus.byId.get(id);
    if (passage) passages.push(passage);
  }
  return passages;
}

/** Passages per week across the whole consultation, for theme shares. */
export function weekTotals(corpus: SynthesisCorpus): number[] {
  const totals = corpus.weeks.map(() => 0);
  for (const p of corpus.passages) if (p.week >= 0) totals[p.week] = (totals[p.week] as number) + 1;
  return totals;
}

/** The parts of a theme's findings `themeFindings` reports as done, for progress. */
export const THEME_FINDING_PARTS = 5;

/**
 * Everything the brief says about one theme or sub-theme, before the grounding checks.
 * `onPart` hears each of its long parts done (`THEME_FINDING_PARTS` in all).
 */
export function themeFindings(
  corpus: SynthesisCorpus,
  theme: Theme,
  subject: ReadonlySet<string>,
  onPart: () => void = () => {},
): ThemeFindings {
  const passages = themePassages(corpus, theme);
  const groups = pointGroups(corpus, theme, passages, subject);
  onPart();
  const keyPoints = keyPointsOf(corpus, groups);
  onPart();
  const statements = statementsOf(passages, corpus.readings);
  onPart();
  const minority = minorityViews(corpus, passages, groups);
  onPart();
  const stance = themeStance(statements.proposals[0], passages, subject);
  onPart();
  const support = supportOf(passages);
  const representatives = theme.representativeIds.flatMap((id) => corpus.byId.get(id) ?? []);
  return {
    themeId: theme.id,
    label: theme.label,
    parentId: theme.parentId,
    prevalence: {
      passages: passages.length,
      ...support,
      participantShare:
        corpus.participantCount > 0 ? round(support.participants / corpus.participantCount) : 0,
      agreement: agreementOf(passages),
    },
    summary: summaryOf(passages, theme),
    keyPoints,
    ...statements,
    quotes: themeQuotes(corpus, representatives),
    minorityViews: minority,
    ...votedFindings(passages, corpus.opinions, corpus.voters),
    stance,
    trend: trendOf(passages, weekTotals(corpus)),
  };
}

/**
 * The theme's opening: the words contributors used most, citing the passages that use them,
 * those using more of them first (so the citations shown first carry the sentence). Its points,
 * proposals and concerns follow in their own lists, so the opening does not repeat them.
 */
function summaryOf(passages: readonly SynthesisPassage[], theme: Theme): Finding[] {
  const used = usedKeywords(passages, theme.keywords);
  if (used.length === 0) return [];
  const tests = used.map(mentionOf);
  const cited = passages
    .map((p) => ({ p, uses: tests.filter((mentions) => mentions(p.text)).length }))
    .filter(({ uses }) => uses > 0)
    .sort((a, b) => b.uses - a.uses)
    .map(({ p }) => p);
  return [findingOf(TEMPLATES.keywords(listOf(used)), cited)];
}

/** Up to three of the theme's keywords that at least two of its passages use. */
function usedKeywords(passages: readonly SynthesisPassage[], keywords: readonly string[]) {
  const used: string[] = [];
  for (const keyword of keywords) {
    if (used.length === 3) break;
    const mentions = mentionOf(keyword);
    let uses = 0;
    for (const p of passages) if (mentions(p.text) && ++uses === 2) break;
    if (uses === 2) used.push(keyword);
  }
  return used;
}

/** A test of whether a text uses a keyword as a whole word or phrase, ignoring case. */
function mentionOf(keyword: string): (text: string) => boolean {
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu');
  return (text) => pattern.test(text);
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
