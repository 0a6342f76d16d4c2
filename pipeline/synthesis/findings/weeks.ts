import type { WeekDigest } from '../../../schemas/findings.js';
import { passagesOfWeek, type SynthesisCorpus } from './corpus.js';
import { quoteOf } from './quotes.js';
import { scopedPoints, themeCounts } from './scoped.js';

/** Themes a weekly digest leads with. */
const LEADING = 3;

/**
 * A facilitator's weekly summary for each week: contributions and participants (each
 * contribution, a merged duplicate too, in the week it was made), the themes
 * that led, a highlighted contribution from each (its best fitting passage that week, credited
 * as the privacy setting allows) and the main point each made that week.
 */
export function weekDigests(corpus: SynthesisCorpus): WeekDigest[] {
  return corpus.weeks.map((week, w) => {
    const passages = passagesOfWeek(corpus, w);
    const leading = themeCounts(corpus, passages).slice(0, LEADING);
    const inWeek = new Set(passages.map((p) => p.id));
    const highlights = leading.flatMap(({ themeId }) => {
      const id = corpus.themeById.get(themeId)?.passageIds.find((pid) => inWeek.has(pid));
      const passage = id === undefined ? undefined : corpus.byId.get(id);
      return passage ? [quoteOf(corpus, passage)] : [];
    });
    return {
      label: week.label,
      start: week.start,
      end: week.end,
      ...(corpus.weekSupport[w] ?? { contributions: 0, participants: 0 }),
      leadingThemes: leading,
      highlights,
      keyPoints: scopedPoints(corpus, passages, LEADING),
    };
  });
}
