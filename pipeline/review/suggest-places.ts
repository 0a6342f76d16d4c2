// Where passages stand in a review state and how well each fits there, by the run's vectors.
import type { ReviewedThemes } from '../../schemas/review.js';
import type { Theme } from '../../schemas/themes.js';
import { normalise } from '../matrix.js';
import { cosineTo, type PassageSpace, sumOf } from './passage-space.js';

/** A theme (or "other") as the vectors see it: its centroid and its members' cosines to it. */
export interface Place {
  /** The theme's id; null for "other". */
  id: string | null;
  label: string;
  centroid: Float32Array;
  members: readonly string[];
  /** The matrix row of each member (in `members` order); -1 without a vector. */
  rows: Int32Array;
  /** Cosine of each member (in `members` order) to the centroid of the others; NaN without a vector. */
  fits: Float32Array;
}

/** The places of one state: top-level themes and "other", and each passage's best fit among its own. */
export interface Places {
  top: readonly Place[];
  other: Place;
  /**
   * By matrix row: a passage's cosine to the centroid of the place it is in (the best when in
   * several); NaN for rows in no place (excluded passages, rows that are not passages).
   */
  ownFit: Float32Array;
}

// Per theme object (a decision leaves the themes it does not change the same objects) and per
// space (a rebuild brings a new one).
const placeCache = new WeakMap<object, { space: PassageSpace; place: Place }>();
const placesCache = new WeakMap<ReviewedThemes, { space: PassageSpace; places: Places }>();

/** A theme's place, from cache when neither the theme nor the space changed. */
export function themePlace(space: PassageSpace, theme: Theme): Place {
  return placeFor(space, theme, theme.id, theme.label, theme.passageIds);
}

/** The places of a state, from cache when the state is unchanged. */
export function placesOf(space: PassageSpace, state: ReviewedThemes): Places {
  const cached = placesCache.get(state);
  if (cached?.space === space) return cached.places;
  const top = state.themes.filter((t) => t.parentId === null).map((t) => themePlace(space, t));
  const other = placeFor(
    space,
    state.other.passageIds,
    null,
    state.other.label,
    state.other.passageIds,
  );
  const ownFit = new Float32Array(space.matrix.rows).fill(Number.NaN);
  for (const place of [...top, other]) {
    place.rows.forEach((row, i) => {
      const fit = place.fits[i] as number;
      if (row >= 0 && !(fit <= (ownFit[row] as number))) ownFit[row] = fit;
    });
  }
  const places = { top, other, ownFit };
  placesCache.set(state, { space, places });
  return places;
}

function placeFor(
  space: PassageSpace,
  key: object,
  id: string | null,
  label: string,
  members: readonly string[],
): Place {
  const cached = placeCache.get(key);
  if (cached?.space === space) return cached.place;
  const rows = Int32Array.from(members, (member) => space.rowOf.get(member) ?? -1);
  const sum = sumOf(space, members);
  const fits = leaveOneOutFits(space, rows, sum);
  const centroid = sum.slice();
  normalise(centroid);
  const place = { id, label, centroid, members, rows, fits };
  placeCache.set(key, { space, place });
  return place;
}

/**
 * Each member's cosine to the centroid of the other members: a member counted in its own
 * centroid would look at home in any small theme. With S the sum of the unit vectors and c a
 * member's (`sum` is S), that is (c.S - 1) / |S - c|; -1 for a member alone (nothing holds it there).
 */
function leaveOneOutFits(space: PassageSpace, rows: Int32Array, sum: Float32Array): Float32Array {
  let sumSquare = 0;
  for (const value of sum) sumSquare += value * value;
  const fits = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    if (row < 0) {
      fits[i] = Number.NaN;
      return;
    }
    const along = cosineTo(space, row, sum);
    const rest = sumSquare - 2 * along + 1;
    fits[i] = rest > 1e-9 ? (along - 1) / Math.sqrt(rest) : -1;
  });
  return fits;
}
