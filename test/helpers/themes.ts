/** Shared checks and builders for theme tests. */
import { expect } from 'vitest';
import { createMatrix, type Matrix, normalise, rowOf } from '../../pipeline/matrix.js';
import type { WordVectors } from '../../pipeline/nlp/word-vectors.js';
import type { BuildThemesInput } from '../../pipeline/themes/build-themes.js';
import { type ThemingConfig, ThemingConfig as ThemingSchema } from '../../schemas/consultation.js';
import type { Theme, Themes } from '../../schemas/themes.js';

/** The theme limits a theme set must respect. */
export type ThemeLimits = Pick<ThemingConfig, 'maxThemes' | 'maxSubthemes'> &
  Partial<Pick<ThemingConfig, 'minThemeSize'>>;

/**
 * Asserts the invariants every `themes.json` must hold for the given passages: each passage is
 * in a top-level theme or in "Other ideas" (never both, never twice in one theme), every id
 * named is a passage, sub-themes nest in their parent, siblings have distinct non-empty labels,
 * representatives are members, scores run with the passages in descending order, and the
 * theme counts stay within the configured limits.
 */
export function expectThemeInvariants(
  themes: Themes,
  passageIds: readonly string[],
  limits: ThemeLimits,
): void {
  const known = new Set(passageIds);
  const top = themes.themes.filter((t) => t.parentId === null);
  const byId = new Map(themes.themes.map((t) => [t.id, t]));
  expect(byId.size, 'theme ids are unique').toBe(themes.themes.length);

  const inTop = new Set(top.flatMap((t) => t.passageIds));
  const other = new Set(themes.other.passageIds);
  const lost = passageIds.filter((id) => !inTop.has(id) && !other.has(id));
  expect(lost, 'passages in no theme and not in other').toEqual([]);
  expect(
    [...other].filter((id) => inTop.has(id)),
    'passages both in a theme and in other',
  ).toEqual([]);
  expect(other.size, 'other lists a passage twice').toBe(themes.other.passageIds.length);

  const named = [
    ...themes.themes.flatMap((t) => [...t.passageIds, ...t.representativeIds]),
    ...themes.other.passageIds,
    ...themes.nonEnglishPassageIds,
  ];
  expect(
    named.filter((id) => !known.has(id)),
    'ids that are not passages',
  ).toEqual([]);

  for (const theme of themes.themes) expectThemeShape(theme);
  for (const theme of themes.themes.filter((t) => t.parentId !== null)) {
    const parent = byId.get(theme.parentId as string);
    expect(parent?.parentId, `${theme.id}: parent is a top-level theme`).toBeNull();
    const members = new Set(parent?.passageIds);
    expect(
      theme.passageIds.filter((id) => !members.has(id)),
      `${theme.id}: passages outside its parent`,
    ).toEqual([]);
  }
  for (const siblings of siblingGroups(themes.themes)) {
    const labels = siblings.map((t) => t.label.trim().toLowerCase());
    expect(new Set(labels).size, `sibling labels ${labels.join(' | ')}`).toBe(labels.length);
  }
  const emergent = top.filter((t) => t.origin.kind === 'emergent');
  expect(emergent.length).toBeLessThanOrEqual(limits.maxThemes);
  const empty = top.filter((t) => t.origin.kind === 'guided' && t.passageIds.length === 0);
  expect(
    empty.map((t) => t.id),
    'guided themes with no passages',
  ).toEqual([]);
  const minSize = limits.minThemeSize ?? 1;
  const small = themes.themes.filter(
    (t) => t.origin.kind === 'emergent' && t.passageIds.length < minSize,
  );
  expect(
    small.map((t) => t.id),
    `emergent themes under ${minSize} passages`,
  ).toEqual([]);
  for (const parent of top) {
    const children = themes.themes.filter((t) => t.parentId === parent.id);
    expect(children.length, `${parent.id}: sub-themes`).toBeLessThanOrEqual(limits.maxSubthemes);
    for (const child of children) expect(child.origin).toEqual(parent.origin);
  }
}

/** One theme on its own: label, members, representatives, scores and counts agree. */
function expectThemeShape(theme: Theme): void {
  expect(theme.label.trim(), `${theme.id}: label`).not.toBe('');
  expect(new Set(theme.passageIds).size, `${theme.id}: a passage twice`).toBe(
    theme.passageIds.length,
  );
  const members = new Set(theme.passageIds);
  expect(
    theme.representativeIds.filter((id) => !members.has(id)),
    `${theme.id}: representatives that are not members`,
  ).toEqual([]);
  if (theme.passageIds.length > 0) expect(theme.representativeIds.length).toBeGreaterThan(0);
  expect(theme.scores).toHaveLength(theme.passageIds.length);
  const sorted = [...theme.scores].sort((a, b) => b - a);
  expect(theme.scores, `${theme.id}: scores sorted descending`).toEqual(sorted);
  // Duplicates merged into a passage count as contributions (extra voices), so no upper bound here.
  if (theme.passageIds.length > 0) expect(theme.contributionCount).toBeGreaterThan(0);
  expect(theme.participantCount).toBeLessThanOrEqual(theme.contributionCount);
}

/** Themes grouped by parent: the top level, then each theme's sub-themes. */
function siblingGroups(themes: readonly Theme[]): Theme[][] {
  const parents = [...new Set(themes.map((t) => t.parentId))];
  return parents.map((parent) => themes.filter((t) => t.parentId === parent));
}

/** A matrix from plain rows, each scaled to unit length (a zero row stays zero). */
export function unitRows(
  rows: readonly (readonly number[])[],
  dims = rows[0]?.length ?? 0,
): Matrix {
  const matrix = createMatrix(rows.length, dims);
  rows.forEach((row, i) => {
    const target = rowOf(matrix, i);
    target.set(row);
    normalise(target);
  });
  return matrix;
}

/** Word vectors that know no word: guided matching then aligns identical words only. */
export const NO_WORD_VECTORS: WordVectors = {
  source: 'none',
  dims: 0,
  index: new Map(),
  data: new Float32Array(),
};

/**
 * Input for `buildThemes` over the given passage vectors: passage `i` is `p<i>` of contribution
 * `c<i>` by participant `a<i>`, with text `texts[i]` (default `Passage about topic <i>`) in English.
 */
export function themesInput(
  vectors: Matrix,
  overrides: Partial<Omit<BuildThemesInput, 'settings'>> & {
    settings?: Partial<ThemingConfig>;
    texts?: readonly string[];
  } = {},
): BuildThemesInput {
  const { texts, settings, ...rest } = overrides;
  const rows = Array.from({ length: vectors.rows }, (_, i) => i);
  return {
    vectors,
    passages: {
      ids: rows.map((i) => `p${i}`),
      texts: rows.map((i) => texts?.[i] ?? `Passage about topic ${i}`),
      languages: rows.map(() => 'en'),
      contributionsOf: rows.map((i) => [`c${i}`]),
      participantsOf: rows.map((i) => [`a${i}`]),
    },
    taxonomy: [],
    taxonomyVectors: createMatrix(0, vectors.dims),
    exampleVectors: createMatrix(0, vectors.dims),
    words: NO_WORD_VECTORS,
    language: 'en',
    settings: ThemingSchema.parse(settings ?? {}),
    provider: 'test',
    ...rest,
  };
}
