import type { Finding } from '../../../schemas/findings.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { centralSentence, findingOf, statementText, wordCounts } from './support.js';
import { TEMPLATES } from './templates.js';

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
 * week's): "<theme>: “<sentence>”", the sentence taken from the theme's best fitting passage in
 * scope, citing the theme's passages in scope.
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
      const [first] = members;
      if (!first) return [];
      const sentence = centralSentence(first, wordCounts(members)).text;
      return [findingOf(TEMPLATES.scopedPoint(label, statementText(sentence)), members)];
    });
}
