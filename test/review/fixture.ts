/** A small hand-built theme set and review log helpers for the review core's tests. */
import type { PassageFacts } from '../../pipeline/review/apply.js';
import type { ReviewAction, ReviewLog, ThemeRef } from '../../schemas/review.js';
import type { Theme, Themes } from '../../schemas/themes.js';

/** Authors by contribution: c1 and c2 share an author, the rest write alone. */
const AUTHORS: Record<string, string> = {
  c1: 'a1',
  c2: 'a1',
  c3: 'a3',
  c4: 'a4',
  c5: 'a5',
  c6: 'a6',
  c7: 'a7',
};

/** Every kept passage, in corpus order. */
export const PASSAGES = [
  'c1#1',
  'c1#2',
  'c2#1',
  'c2#2',
  'c3#1',
  'c3#2',
  'c4#1',
  'c4#2',
  'c5#1',
  'c5#2',
  'c6#1',
  'c6#2',
  'c7#1',
  'c7#2',
];

function theme(
  id: string,
  label: string,
  parentId: string | null,
  passageIds: string[],
  guided = false,
): Theme {
  const contributions = new Set(passageIds.map((p) => p.split('#')[0] as string));
  return {
    id,
    label,
    description: `${label} description`,
    keywords: [label.toLowerCase()],
    parentId,
    origin: guided ? { kind: 'guided', themeId: id } : { kind: 'emergent' },
    passageIds,
    // Descending scores, so the found order is the best-first order.
    scores: passageIds.map((_, i) => 0.9 - i * 0.05),
    contributionCount: contributions.size,
    participantCount: new Set([...contributions].map((c) => AUTHORS[c])).size,
    representativeIds: passageIds.slice(0, 2),
  };
}

/**
 * Two emergent top-level themes with two sub-themes each, a guided theme without sub-themes,
 * and "other". `c6#1` is in two themes (Housing and Safety).
 */
export function foundThemes(): Themes {
  return {
    themes: [
      theme('t1', 'Transport', null, ['c1#1', 'c2#1', 'c3#1', 'c3#2', 'c4#1']),
      theme('t1.1', 'Buses', 't1', ['c1#1', 'c2#1']),
      theme('t1.2', 'Cycling', 't1', ['c3#1', 'c3#2']),
      theme('t2', 'Housing', null, ['c4#2', 'c5#1', 'c5#2', 'c6#1']),
      theme('t2.1', 'Rents', 't2', ['c4#2', 'c5#1']),
      theme('t2.2', 'Social housing', 't2', ['c5#2']),
      theme('safety', 'Safety', null, ['c6#2', 'c2#2', 'c6#1'], true),
    ],
    other: { label: 'Other ideas', passageIds: ['c1#2', 'c7#1', 'c7#2'] },
    nonEnglishPassageIds: [],
    method: { provider: 'test', chosenK: 2, criterion: 'test', labelledBy: null, scores: [] },
  };
}

/** Passage facts for `PASSAGES`: each passage speaks for its own contribution. */
export function facts(passageIds: readonly string[] = PASSAGES): PassageFacts {
  const contribution = (id: string) => id.split('#')[0] as string;
  return {
    passageIds,
    contributionsOf: (id) => [contribution(id)],
    participantsOf: (id) => [AUTHORS[contribution(id)] ?? `contribution:${contribution(id)}`],
  };
}

/** A reference to a theme of `themes` as the app would make it (anchor: its first passages). */
export function ref(themes: Themes, id: string): ThemeRef {
  const found = themes.themes.find((t) => t.id === id);
  if (!found) throw new Error(`no theme ${id}`);
  return { id, label: found.label, anchor: found.passageIds.slice(0, 10) };
}

/** A log holding the actions in order, as reviewer "r". */
export function logOf(...actions: ReviewAction[]): ReviewLog {
  return {
    format: 'consultation-brief review',
    version: 1,
    base: { passages: PASSAGES.length, hash: 'test' },
    decisions: actions.map((action, i) => ({
      n: i + 1,
      at: '2024-06-01T00:00:00.000Z',
      reviewer: 'r',
      action,
    })),
  };
}
