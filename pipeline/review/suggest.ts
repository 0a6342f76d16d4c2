// "N more passages look like these": passages elsewhere nearest to what a facilitator just moved.
import { normalise } from '../matrix.js';
import { centroidOf, cosineTo, type PassageSpace } from './passage-space.js';
import type { StateIndex } from './state-view.js';
import { placesOf } from './suggest-places.js';

/** What to suggest for: the passages just moved, where they went, and what else is known there. */
export interface SuggestQuery {
  /** The passages the facilitator just moved (or picked for "more like this"). */
  like: readonly string[];
  /** Passages a facilitator placed in the target earlier (moved or split there). */
  placed: readonly string[];
  /** Passages already where the suggestions would go: never suggested. */
  inTarget: ReadonlySet<string>;
  limit: number;
}

/** A suggested passage and its cosine to the passages it looks like. */
export interface Suggestion {
  id: string;
  similarity: number;
}

/** How much the passages placed in the target earlier weigh against those just moved. */
export const PLACED_WEIGHT = 0.5;

/**
 * Passages that look like `like`, best first. What they must look like is the direction of
 * `like`, pulled toward what the facilitator placed in the target before (`placed`, weighing
 * `PLACED_WEIGHT` as much): the passages just moved say what this correction is about, the
 * earlier ones what the target is. A passage qualifies when it is nearer (by cosine) to that
 * direction than to the centroid of the other passages of the theme it is in now (or of
 * "other"): a nearest-centroid vote between where it is and where these went, so the list means
 * "looks more like these than like its neighbours" and may be empty. Excluded passages, `like`,
 * `placed` and those in the target are left out.
 */
export function suggestPassages(
  space: PassageSpace,
  index: StateIndex,
  query: SuggestQuery,
): Suggestion[] {
  const centre = centroidOf(space, query.like);
  if (query.placed.length > 0) {
    const before = centroidOf(space, query.placed);
    for (let k = 0; k < centre.length; k++)
      centre[k] = (centre[k] as number) + PLACED_WEIGHT * (before[k] as number);
    normalise(centre);
  }
  const { ownFit } = placesOf(space, index.state);
  // Rows never suggested: the passages named, those in the target, the excluded.
  const skip = new Uint8Array(space.matrix.rows);
  const mark = (id: string) => {
    const row = space.rowOf.get(id);
    if (row !== undefined) skip[row] = 1;
  };
  for (const ids of [query.like, query.placed, query.inTarget, index.exclusionOf.keys()])
    for (const id of ids) mark(id);
  const best = new TopRows(query.limit);
  for (let row = 0; row < skip.length; row++) {
    const own = ownFit[row] as number;
    if (skip[row] || Number.isNaN(own)) continue;
    const similarity = cosineTo(space, row, centre);
    if (similarity > own) best.offer(row, similarity);
  }
  return best.rows.map(({ row, similarity }) => ({ id: space.idOf[row] as string, similarity }));
}

/** The `size` rows of highest similarity offered, best first (the lower row on a tie). */
class TopRows {
  readonly rows: { row: number; similarity: number }[] = [];

  constructor(private readonly size: number) {}

  offer(row: number, similarity: number): void {
    const { rows } = this;
    if (rows.length === this.size && similarity <= (rows.at(-1)?.similarity ?? 0)) return;
    let at = rows.length;
    while (at > 0 && (rows[at - 1]?.similarity ?? 0) < similarity) at--;
    rows.splice(at, 0, { row, similarity });
    if (rows.length > this.size) rows.pop();
  }
}
