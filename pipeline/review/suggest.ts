// "N more passages look like these": passages elsewhere nearest to what a facilitator just moved.
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

/**
 * Passages that look like `like`, best first: those nearer to what the facilitator put in the
 * target (`like` and `placed`) than to the centroid of the theme they are in now (or of "other").
 * Excluded passages, `like` and those in the target are left out.
 */
export function suggestPassages(
  space: PassageSpace,
  index: StateIndex,
  query: SuggestQuery,
): Suggestion[] {
  const evidence = new Set([...query.like, ...query.placed]);
  const centre = centroidOf(space, evidence);
  const { ownFit } = placesOf(space, index.state);
  const found: Suggestion[] = [];
  for (const [id, row] of space.rowOf) {
    if (evidence.has(id) || query.inTarget.has(id) || index.exclusionOf.has(id)) continue;
    const own = ownFit.get(id);
    if (own === undefined) continue;
    const similarity = cosineTo(space, row, centre);
    if (similarity > own) found.push({ id, similarity });
  }
  found.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
  return found.slice(0, query.limit);
}
