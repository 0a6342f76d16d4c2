// "Passages that may fit another theme better": a theme's members nearer to another theme.
import type { Theme } from '../../schemas/themes.js';
import { cosineTo, type PassageSpace } from './passage-space.js';
import type { StateIndex } from './state-view.js';
import { type Place, themePlace } from './suggest-places.js';

/** How much nearer (in cosine) another theme's centroid must be than the passage's own. */
export const MISFIT_MARGIN = 0.02;

/** A passage of a theme that fits another one better, with its cosine to that one. */
export interface Misfit {
  id: string;
  better: { id: string; label: string };
  similarity: number;
}

/**
 * The members of `theme` nearer to another theme's centroid than to their own by at least
 * `MISFIT_MARGIN`, the widest gap first. A top-level theme is weighed against the other
 * top-level themes; a sub-theme against its siblings and the other top-level themes.
 */
export function findMisfits(
  space: PassageSpace,
  index: StateIndex,
  theme: Theme,
  limit: number,
): Misfit[] {
  const own = themePlace(space, theme);
  const rivals = rivalsOf(index, theme).map((t) => themePlace(space, t));
  const found: (Misfit & { gap: number })[] = [];
  own.members.forEach((id, i) => {
    const fit = own.fits[i] as number;
    const row = space.rowOf.get(id);
    if (row === undefined || Number.isNaN(fit)) return;
    const best = nearest(space, row, rivals);
    if (!best || best.similarity < fit + MISFIT_MARGIN) return;
    const better = { id: best.place.id ?? '', label: best.place.label };
    found.push({ id, better, similarity: best.similarity, gap: best.similarity - fit });
  });
  found.sort((a, b) => b.gap - a.gap || (a.id < b.id ? -1 : 1));
  return found.slice(0, limit).map(({ gap: _, ...misfit }) => misfit);
}

/** The themes a theme's passages may fit better: same level, not its own parent or children. */
function rivalsOf(index: StateIndex, theme: Theme): Theme[] {
  return index.state.themes.filter(
    (t) =>
      t.id !== theme.id &&
      t.id !== theme.parentId &&
      t.parentId !== theme.id &&
      (t.parentId === null || (theme.parentId !== null && t.parentId === theme.parentId)),
  );
}

function nearest(
  space: PassageSpace,
  row: number,
  places: readonly Place[],
): { place: Place; similarity: number } | null {
  let best: { place: Place; similarity: number } | null = null;
  for (const place of places) {
    const similarity = cosineTo(space, row, place.centroid);
    if (!best || similarity > best.similarity) best = { place, similarity };
  }
  return best;
}
