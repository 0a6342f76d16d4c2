import type { MinorityView } from '../../schemas/findings.js';
import { dot, rowOf } from '../matrix.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import type { PointGroup } from './key-points.js';
import { centralSentence, findingOf, foldedWords, statementText, wordCounts } from './support.js';

/** Themes smaller than this have no majority to differ from. */
const MIN_THEME_PASSAGES = 8;
/** Share of a theme's passages, farthest from its main points, considered as minority views. */
const CANDIDATE_SHARE = 0.1;
/** A view needs this many content words: shorter passages are reactions, not views. */
const MIN_WORDS = 5;
/** Passages at least this similar to a minority view share it; views this similar are one. */
const SAME_VIEW = 0.6;
const MAX_VIEWS = 3;

/**
 * Points made by few but clearly unlike the theme's main points: the passages farthest from
 * every key point's centre (the most distinct tenth), that say something (five content words or
 * more), each differing from the others, supported by the theme passages close to them. They
 * are kept so that the brief reports them as minority views rather than averaging them away.
 */
export function minorityViews(
  corpus: SynthesisCorpus,
  passages: readonly SynthesisPassage[],
  groups: readonly PointGroup[],
): MinorityView[] {
  if (passages.length < MIN_THEME_PASSAGES || groups.length === 0) return [];
  const vector = (p: SynthesisPassage) => rowOf(corpus.vectors, p.index);
  const distinctness = (p: SynthesisPassage) =>
    1 - Math.max(...groups.map((g) => dot(vector(p), g.centre)));
  const candidates = passages
    .map((p) => ({ p, distinct: distinctness(p) }))
    .sort((a, b) => b.distinct - a.distinct || a.p.index - b.p.index)
    .slice(0, Math.max(1, Math.floor(passages.length * CANDIDATE_SHARE)))
    .filter(({ p }) => foldedWords(p.text, p.language).length >= MIN_WORDS);
  const views: MinorityView[] = [];
  const chosen: SynthesisPassage[] = [];
  for (const { p, distinct } of candidates) {
    if (chosen.some((c) => dot(vector(c), vector(p)) >= SAME_VIEW)) continue;
    const sharers = passages.filter((q) => q === p || dot(vector(q), vector(p)) >= SAME_VIEW);
    const text = statementText(centralSentence(p, wordCounts(sharers)).text);
    // The view's own passage first: the text is taken from it.
    views.push({ ...findingOf(text, [p, ...sharers]), distinctness: round(distinct) });
    chosen.push(p);
    if (views.length === MAX_VIEWS) break;
  }
  return views;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
