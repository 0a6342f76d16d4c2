import type { Finding } from '../../../schemas/findings.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { keyPointOf, pointGroupOf } from './key-points.js';

/** A top-level theme and how many of some passages are in it. */
export interface ThemeCount {
  themeId: string;
  label: string;
  passages: number;
}

/** Top-level themes by how many of the given passages they hold, most first (empty ones left out). */
export function themeCounts(
  corpus: SynthesisCorpus,
  passages: readonly SynthesisPassage[],
): ThemeCount[] {
  const inScope = new Set(passages.map((p) => p.id));
  return corpus.themes.themes
    .filter((t) => t.parentId === null)
    .map((t) => ({
      themeId: t.id,
      label: t.label,
      passages: t.passageIds.filter((id) => inScope.has(id)).length,
    }))
    .filter((t) => t.passages > 0)
    .sort((a, b) => b.passages - a.passages);
}

/**
 * The main point of each of the `count` leading themes within some passages (a question's, a
 * week's): the key point (`keyPointOf`) of the theme's passages in scope, labelled by the theme,
 * citing those that make its point or mention the theme's label.
 */
export function scopedPoints(
  corpus: SynthesisCorpus,
  passages: readonly SynthesisPassage[],
  count: number,
): Finding[] {
  const inScope = new Set(passages.map((p) => p.id));
  return themeCounts(corpus, passages)
    .slice(0, count)
    .flatMap(({ themeId, label }) => {
      const theme = corpus.themeById.get(themeId);
      const members = (theme?.passageIds ?? [])
        .filter((id) => inScope.has(id))
        .flatMap((id) => corpus.byId.get(id) ?? []);
      if (members.length === 0) return [];
      return keyPointOf(corpus, pointGroupOf(corpus, members, label)) ?? [];
    });
}
