import type { MinorityView } from '../../../schemas/findings.js';
import { maxOf } from '../../arrays.js';
import { dot, rowOf } from '../../matrix.js';
import { textStatesNoView } from '../reading/no-view.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import type { PointGroup } from './key-points.js';
import { centralSentence, findingOf, foldedWords, statementText, wordCounts } from './support.js';

/** Themes smaller than this have no majority to differ from. */
const MIN_THEME_PASSAGES = 8;
/** Share of a theme's passages, farthest from its main points, considered as minority views... */
const CANDIDATE_SHARE = 0.1;
/** ...and at least this many standard deviations more distinct than the theme's mean. */
const OUTLIER_SIGMAS = 1.5;
/** A view needs this many content words: shorter passages are reactions, not views. */
const MIN_WORDS = 5;
/** Passages at least this similar to a minority view share it; views this similar are one. */
const SAME_VIEW = 0.6;
/** A comment with at least this many agree and disagree votes can be outvoted... */
const MIN_VOTES = 10;
/** ...when at most this share of them agree. */
const OUTVOTED = 0.35;
const MAX_VIEWS = 3;

/**
 * Points made by few but clearly unlike the theme's main points, kept so that the brief reports
 * them rather than averaging them away: first comments most voters disagreed with (where there
 * are votes), then the passages farthest from every key point's centre (among the most
 * distinct tenth, and 1.5 standard deviations beyond the theme's mean distance) that say
 * something (five content words or more) and state a view (not only who their author is, praise
 * or that nothing needs to change: `textStatesNoView`). Each differs from the others and cites
 * the theme passages close to it, which share it.
 */
export function minorityViews(
  corpus: SynthesisCorpus,
  passages: readonly SynthesisPassage[],
  groups: readonly PointGroup[],
): MinorityView[] {
  if (passages.length < MIN_THEME_PASSAGES || groups.length === 0) return [];
  const vector = (p: SynthesisPassage) => rowOf(corpus.vectors, p.index);
  const distinctnessOf = (p: SynthesisPassage) =>
    1 - maxOf([...groups.map((g) => dot(vector(p), g.centre))]);
  const scored = passages.map((p) => ({ p, distinct: distinctnessOf(p) }));
  const mean = scored.reduce((sum, s) => sum + s.distinct, 0) / scored.length;
  const sd = Math.sqrt(
    scored.reduce((sum, s) => sum + (s.distinct - mean) ** 2, 0) / scored.length,
  );
  const candidates = scored
    .sort((a, b) => b.distinct - a.distinct || a.p.index - b.p.index)
    .slice(0, Math.max(1, Math.floor(passages.length * CANDIDATE_SHARE)))
    .filter(({ distinct }) => distinct >= mean + OUTLIER_SIGMAS * sd)
    .filter(({ p }) => foldedWords(p.text, p.language).length >= MIN_WORDS);
  const views: MinorityView[] = [];
  const chosen: SynthesisPassage[] = [];
  const ordered = [
    ...outvoted(passages).map((p) => ({ p, basis: 'outvoted' as const })),
    ...candidates.map(({ p }) => ({ p, basis: 'distinct' as const })),
  ];
  for (const { p, basis } of ordered) {
    // "I am under 30", "The staff were lovely", "Nothing, all good": most may disagree, or few
    // say it, but it says who someone is or how they felt, not a view.
    if (textStatesNoView(p.text, p.language, questionText(corpus, p))) continue;
    if (chosen.some((c) => c === p || dot(vector(c), vector(p)) >= SAME_VIEW)) continue;
    const sharers = passages.filter((q) => q === p || dot(vector(q), vector(p)) >= SAME_VIEW);
    const text = statementText(centralSentence(p, wordCounts(sharers)).text);
    // The view's own passage first: the text is taken from it.
    const distinctness = round(distinctnessOf(p));
    views.push({ ...findingOf(text, [p, ...sharers]), basis, distinctness });
    chosen.push(p);
    if (views.length === MAX_VIEWS) break;
  }
  return views;
}

/** The text of the guiding question a passage answers, or null. */
function questionText(corpus: SynthesisCorpus, p: SynthesisPassage): string | null {
  return corpus.config.questions.find((q) => q.id === p.questionId)?.text ?? null;
}

/** Comments most voters disagreed with (agreement at most 35% of ten or more votes), least agreed first. */
function outvoted(passages: readonly SynthesisPassage[]): SynthesisPassage[] {
  return passages
    .flatMap((p) => {
      const decided = (p.votes?.agrees ?? 0) + (p.votes?.disagrees ?? 0);
      const rate = decided > 0 ? (p.votes?.agrees ?? 0) / decided : 1;
      return decided >= MIN_VOTES && rate <= OUTVOTED ? [{ p, rate }] : [];
    })
    .sort((a, b) => a.rate - b.rate || a.p.index - b.p.index)
    .map(({ p }) => p);
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
