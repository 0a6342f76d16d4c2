import { describe, expect, it } from 'vitest';
import { applyReview } from '../../pipeline/review/apply.js';
import type { ReviewAction, ReviewedThemes, ThemeRef } from '../../schemas/review.js';
import type { Theme } from '../../schemas/themes.js';
import { facts, foundThemes, logOf, PASSAGES, ref } from './fixture.js';

const found = foundThemes();

function apply(...actions: ReviewAction[]): ReviewedThemes {
  return applyReview(found, actions.length ? logOf(...actions) : null, facts(), null);
}

function themeById(result: ReviewedThemes, id: string): Theme {
  const theme = result.themes.find((t) => t.id === id);
  if (!theme) throw new Error(`no theme ${id} in ${result.themes.map((t) => t.id).join(', ')}`);
  return theme;
}

function themeByLabel(result: ReviewedThemes, label: string): Theme {
  const theme = result.themes.find((t) => t.label === label);
  if (!theme) throw new Error(`no theme "${label}"`);
  return theme;
}

function members(result: ReviewedThemes, id: string): string[] {
  return [...themeById(result, id).passageIds].sort();
}

/**
 * What every reviewed theme set holds: a sub-theme's passages are its parent's, each kept
 * passage is in a top-level theme, in "other" or excluded (exactly one of those), counts and
 * representatives agree with the members.
 */
function expectConsistent(result: ReviewedThemes): void {
  const byId = new Map(result.themes.map((t) => [t.id, t]));
  const excluded = new Set(result.review.excluded.flatMap((e) => e.passageIds));
  const inTop = new Set(
    result.themes.filter((t) => t.parentId === null).flatMap((t) => t.passageIds),
  );
  const other = new Set(result.other.passageIds);
  for (const theme of result.themes) {
    expect(theme.passageIds.length, `${theme.id} is empty`).toBeGreaterThan(0);
    expect(new Set(theme.passageIds).size).toBe(theme.passageIds.length);
    expect(theme.scores).toHaveLength(theme.passageIds.length);
    for (const id of theme.representativeIds) expect(theme.passageIds).toContain(id);
    if (theme.parentId !== null) {
      const parent = byId.get(theme.parentId);
      expect(parent, `${theme.id}: parent ${theme.parentId}`).toBeDefined();
      for (const id of theme.passageIds) expect(parent?.passageIds, `${theme.id}`).toContain(id);
    }
    for (const id of theme.passageIds) expect(excluded.has(id), `${id} excluded`).toBe(false);
  }
  for (const id of PASSAGES) {
    const places = [inTop.has(id), other.has(id), excluded.has(id)].filter(Boolean).length;
    expect(places, `${id} is in a theme, in other or excluded`).toBe(1);
  }
}

describe('applyReview', () => {
  it('without a log returns the themes as found, marked unreviewed', () => {
    const result = apply();
    expect(result.themes).toEqual(found.themes);
    expect(result.other).toEqual(found.other);
    expect(result.review.reviewed).toBe(false);
    expect(result.review.decisions).toEqual([]);
    expectConsistent(result);
  });

  it('renames a theme (and its description), leaving its members alone', () => {
    const result = apply({
      kind: 'rename',
      theme: ref(found, 't1.1'),
      label: 'Bus service',
      description: 'Routes and frequency',
    });
    const buses = themeById(result, 't1.1');
    expect(buses.label).toBe('Bus service');
    expect(buses.description).toBe('Routes and frequency');
    expect(buses.passageIds).toEqual(['c1#1', 'c2#1']);
    expect(result.review.themes['t1.1']?.changed).toBe(true);
    expect(result.review.themes.t1?.changed).toBe(false);
    expect(result.review.decisions).toEqual([
      { n: 1, kind: 'rename', status: 'applied', detail: '"Buses" renamed "Bus service"' },
    ]);
    expect(result.review.counts).toEqual({ rename: 1 });
    expect(result.review.reviewers).toEqual(['r']);
  });

  it('merges sibling sub-themes: the merged one disappears, the parent is unchanged', () => {
    const result = apply({ kind: 'merge', themes: [ref(found, 't1.2')], into: ref(found, 't1.1') });
    expect(result.themes.map((t) => t.id)).not.toContain('t1.2');
    expect(members(result, 't1.1')).toEqual(['c1#1', 'c2#1', 'c3#1', 'c3#2']);
    expect(members(result, 't1')).toEqual(['c1#1', 'c2#1', 'c3#1', 'c3#2', 'c4#1']);
    expect(themeById(result, 't1.1').contributionCount).toBe(3);
    expect(themeById(result, 't1.1').participantCount).toBe(2);
    expectConsistent(result);
  });

  it('merges top-level themes: the sub-themes move under the target with their passages', () => {
    const result = apply({ kind: 'merge', themes: [ref(found, 't2')], into: ref(found, 't1') });
    expect(result.themes.map((t) => t.id)).not.toContain('t2');
    expect(members(result, 't1')).toEqual(
      ['c1#1', 'c2#1', 'c3#1', 'c3#2', 'c4#1', 'c4#2', 'c5#1', 'c5#2', 'c6#1'].sort(),
    );
    expect(themeById(result, 't2.1').parentId).toBe('t1');
    expect(members(result, 't2.1')).toEqual(['c4#2', 'c5#1']);
    expect(themeById(result, 't2.2').parentId).toBe('t1');
    expect(members(result, 't2.2')).toEqual(['c5#2']);
    // The passage also in Safety stays there.
    expect(themeById(result, 'safety').passageIds).toContain('c6#1');
    expect(themeById(result, 't1').contributionCount).toBe(6);
    expectConsistent(result);
  });

  it('keeps the question of a theme merged with themes of its question, else drops it', () => {
    const withQuestions = {
      ...found,
      themes: found.themes.map((t) => ({ ...t, questionId: t.id === 't2' ? 'q2' : 'q1' })),
    };
    const merged = (from: string) =>
      applyReview(
        withQuestions,
        logOf({ kind: 'merge', themes: [ref(found, from)], into: ref(found, 't1') }),
        facts(),
        null,
      );
    expect(themeById(merged('t1.2'), 't1').questionId).toBe('q1');
    expect(themeById(merged('t2'), 't1').questionId).toBeUndefined();
    expect(themeById(merged('t2'), 't2.1').questionId).toBe('q1');
  });

  it('refuses to merge a theme into its own sub-theme, as an orphan with the reason', () => {
    const result = apply({ kind: 'merge', themes: [ref(found, 't1')], into: ref(found, 't1.1') });
    expect(result.review.decisions[0]).toMatchObject({
      status: 'orphaned',
      detail: '"Transport" cannot merge into its own sub-theme',
    });
    expect(result.themes).toEqual(found.themes);
  });

  it('splits passages of a theme into a new theme beside it', () => {
    const result = apply({
      kind: 'split',
      theme: ref(found, 't1'),
      passages: ['c4#1', 'c3#2'],
      label: 'Walking',
    });
    const walking = themeByLabel(result, 'Walking');
    expect(walking.id).toBe('review-1');
    expect(walking.parentId).toBeNull();
    expect(walking.origin).toEqual({ kind: 'emergent' });
    expect([...walking.passageIds].sort()).toEqual(['c3#2', 'c4#1']);
    expect(members(result, 't1')).toEqual(['c1#1', 'c2#1', 'c3#1']);
    expect(members(result, 't1.2')).toEqual(['c3#1']);
    // Inserted after the source and its sub-themes.
    expect(result.themes.map((t) => t.id).slice(0, 4)).toEqual(['t1', 't1.1', 't1.2', 'review-1']);
    expectConsistent(result);
  });

  it('splits a sub-theme into a sibling sub-theme, the parent keeping the passages', () => {
    const result = apply({
      kind: 'split',
      theme: ref(found, 't1.2'),
      passages: ['c3#2'],
      label: 'Bike lanes',
    });
    const lanes = themeByLabel(result, 'Bike lanes');
    expect(lanes.parentId).toBe('t1');
    expect(lanes.passageIds).toEqual(['c3#2']);
    expect(members(result, 't1.2')).toEqual(['c3#1']);
    expect(members(result, 't1')).toContain('c3#2');
    expectConsistent(result);
  });

  it('moves passages to a sub-theme: they leave every other theme and join its parent too', () => {
    const result = apply({ kind: 'move', passages: ['c6#1', 'c7#1'], to: ref(found, 't1.2') });
    expect(members(result, 't1.2')).toEqual(['c3#1', 'c3#2', 'c6#1', 'c7#1']);
    expect(members(result, 't1')).toEqual(
      ['c1#1', 'c2#1', 'c3#1', 'c3#2', 'c4#1', 'c6#1', 'c7#1'].sort(),
    );
    expect(members(result, 't2')).not.toContain('c6#1');
    expect(members(result, 'safety')).not.toContain('c6#1');
    expect(result.other.passageIds).not.toContain('c7#1');
    expectConsistent(result);
  });

  it('moves a sub-theme passage to other: it leaves the sub-theme and the parent', () => {
    const result = apply({ kind: 'move', passages: ['c1#1'], to: null });
    expect(members(result, 't1.1')).toEqual(['c2#1']);
    expect(members(result, 't1')).not.toContain('c1#1');
    expect(result.other.passageIds).toContain('c1#1');
    expect(result.review.decisions[0]?.detail).toBe('1 passages moved to other ideas');
    expectConsistent(result);
  });

  it('excludes a passage and restores it to where it was', () => {
    const excluded = apply({
      kind: 'exclude',
      target: { passage: 'c6#1' },
      reason: 'personal-data',
      note: 'names a neighbour',
    });
    expect(members(excluded, 't2')).not.toContain('c6#1');
    expect(members(excluded, 'safety')).not.toContain('c6#1');
    expect(excluded.review.excluded).toEqual([
      {
        target: { passage: 'c6#1' },
        reason: 'personal-data',
        note: 'names a neighbour',
        passageIds: ['c6#1'],
      },
    ]);
    expectConsistent(excluded);

    const restored = apply(
      { kind: 'exclude', target: { passage: 'c6#1' }, reason: 'spam', note: '' },
      { kind: 'restore', target: { passage: 'c6#1' } },
    );
    expect(members(restored, 't2')).toContain('c6#1');
    expect(members(restored, 'safety')).toContain('c6#1');
    expect(restored.review.excluded).toEqual([]);
    expectConsistent(restored);
  });

  it('excludes a whole contribution (every passage `<contribution>#<n>`) and restores it', () => {
    const excluded = apply({
      kind: 'exclude',
      target: { contribution: 'c3' },
      reason: 'spam',
      note: '',
    });
    expect(excluded.review.excluded[0]?.passageIds).toEqual(['c3#1', 'c3#2']);
    // Cycling held only c3's passages: it is dropped.
    expect(excluded.themes.map((t) => t.id)).not.toContain('t1.2');
    expect(members(excluded, 't1')).toEqual(['c1#1', 'c2#1', 'c4#1']);
    expect(themeById(excluded, 't1').contributionCount).toBe(3);
    expect(themeById(excluded, 't1').participantCount).toBe(2);
    expectConsistent(excluded);

    const restored = apply(
      { kind: 'exclude', target: { contribution: 'c3' }, reason: 'spam', note: '' },
      { kind: 'restore', target: { contribution: 'c3' } },
    );
    expect(members(restored, 't1.2')).toEqual(['c3#1', 'c3#2']);
    expect(members(restored, 't1')).toEqual(found.themes[0]?.passageIds.slice().sort());
    expectConsistent(restored);
  });

  it('restores an excluded "other" passage to other', () => {
    const result = apply(
      { kind: 'exclude', target: { passage: 'c7#1' }, reason: 'off-topic', note: '' },
      { kind: 'restore', target: { passage: 'c7#1' } },
    );
    expect(result.other.passageIds).toContain('c7#1');
    expectConsistent(result);
  });

  it('reports restoring what is not excluded, and excluding an unknown passage, as orphans', () => {
    const result = apply(
      { kind: 'restore', target: { passage: 'c1#1' } },
      { kind: 'exclude', target: { passage: 'c9#1' }, reason: 'spam', note: '' },
    );
    expect(result.review.decisions.map((d) => [d.status, d.detail])).toEqual([
      ['orphaned', 'passage c1#1 is not excluded'],
      ['orphaned', 'passage c9#1 no longer exists or is excluded'],
    ]);
  });

  it('pins and unpins quotes and examples; a pinned quote leads the representatives', () => {
    const pin = (passage: string, as: 'quote' | 'example', pinned: boolean): ReviewAction => ({
      kind: 'pin',
      theme: ref(found, 't1'),
      passage,
      as,
      pinned,
      text: `text of ${passage}`,
    });
    const result = apply(pin('c4#1', 'quote', true), pin('c3#1', 'example', true));
    expect(result.review.themes.t1?.quotes).toEqual(['c4#1']);
    expect(result.review.themes.t1?.examples).toEqual(['c3#1']);
    expect(themeById(result, 't1').representativeIds[0]).toBe('c4#1');

    const unpinned = apply(
      pin('c4#1', 'quote', true),
      pin('c3#1', 'example', true),
      pin('c4#1', 'quote', false),
      pin('c3#1', 'example', false),
    );
    expect(unpinned.review.themes.t1?.quotes).toEqual([]);
    expect(unpinned.review.themes.t1?.examples).toEqual([]);
  });

  it('does not pin a passage that is not in the theme', () => {
    const result = apply({
      kind: 'pin',
      theme: ref(found, 't1'),
      passage: 'c7#1',
      as: 'quote',
      pinned: true,
      text: '',
    });
    expect(result.review.decisions[0]).toMatchObject({
      status: 'orphaned',
      detail: 'passage c7#1 is no longer in "Transport"',
    });
  });

  it('promotes an emergent theme: re-keyed promoted-<n>, guided, sub-themes follow', () => {
    const result = apply(
      { kind: 'approve', theme: ref(found, 'safety'), approved: true },
      {
        kind: 'promote',
        theme: ref(found, 't2'),
        description: 'Homes',
        keywords: [],
        examples: [],
      },
      // A later decision naming the theme by its old id still finds it by its anchor.
      { kind: 'rename', theme: ref(found, 't2'), label: 'Homes' },
    );
    expect(result.themes.map((t) => t.id)).not.toContain('t2');
    const promoted = themeById(result, 'promoted-2');
    expect(promoted.origin).toEqual({ kind: 'guided', themeId: 'promoted-2' });
    expect(promoted.label).toBe('Homes');
    expect(themeById(result, 't2.1').parentId).toBe('promoted-2');
    expect(result.review.themes['promoted-2']?.promoted).toBe(true);
    expect(result.review.decisions.map((d) => d.status)).toEqual(['applied', 'applied', 'applied']);
    expectConsistent(result);
  });

  it('refuses to promote a sub-theme', () => {
    const result = apply({
      kind: 'promote',
      theme: ref(found, 't1.1'),
      description: '',
      keywords: [],
      examples: [],
    });
    expect(result.review.decisions[0]?.status).toBe('orphaned');
  });

  it('approves a theme and takes the approval back', () => {
    expect(
      apply({ kind: 'approve', theme: ref(found, 't1'), approved: true }).review.themes.t1
        ?.approved,
    ).toBe(true);
    const back = apply(
      { kind: 'approve', theme: ref(found, 't1'), approved: true },
      { kind: 'approve', theme: ref(found, 't1'), approved: false },
    );
    expect(back.review.themes.t1?.approved).toBe(false);
    // Approval changes nothing in the theme itself.
    expect(back.review.themes.t1?.changed).toBe(false);
  });

  it('keeps notes on a theme and on the whole review', () => {
    const result = apply(
      { kind: 'note', theme: ref(found, 't1'), text: 'Check the bus figures' },
      { kind: 'note', theme: null, text: 'Week 2 was quiet' },
    );
    expect(result.review.themes.t1?.notes).toEqual(['Check the bus figures']);
    expect(result.review.notes).toEqual(['Week 2 was quiet']);
  });

  it('skips undone decisions and applies redone ones', () => {
    const rename: ReviewAction = { kind: 'rename', theme: ref(found, 't1'), label: 'Mobility' };
    const undone = apply(rename, { kind: 'undo', decision: 1 });
    expect(themeById(undone, 't1').label).toBe('Transport');
    expect(undone.review.decisions).toEqual([
      { n: 1, kind: 'rename', status: 'undone', detail: 'undone' },
    ]);
    expect(undone.review.counts).toEqual({});
    const redone = apply(rename, { kind: 'undo', decision: 1 }, { kind: 'redo', decision: 1 });
    expect(themeById(redone, 't1').label).toBe('Mobility');
  });

  it('follows a theme by its anchor when a re-run renumbered the ids', () => {
    // The same themes, with t1 and t2 swapped (ids and sub-theme ids), as a re-run may number them.
    const renumber: Record<string, string> = {
      t1: 't2',
      t2: 't1',
      't1.1': 't2.1',
      't1.2': 't2.2',
      't2.1': 't1.1',
      't2.2': 't1.2',
    };
    const rerun = foundThemes();
    rerun.themes = rerun.themes.map((t) => ({
      ...t,
      id: renumber[t.id] ?? t.id,
      parentId: t.parentId === null ? null : (renumber[t.parentId] ?? t.parentId),
    }));
    const log = logOf(
      { kind: 'rename', theme: ref(found, 't1'), label: 'Mobility' },
      { kind: 'rename', theme: ref(found, 't2.1'), label: 'Rent levels' },
      { kind: 'move', passages: ['c7#1'], to: ref(found, 't1.2') },
    );
    const result = applyReview(rerun, log, facts(), null);
    expect(themeById(result, 't2').label).toBe('Mobility');
    expect(themeById(result, 't1.1').label).toBe('Rent levels');
    expect(members(result, 't2.2')).toContain('c7#1');
    expect(themeById(result, 't1').label).toBe('Housing');
    expect(result.review.decisions.every((d) => d.status === 'applied')).toBe(true);
  });

  it('follows a parent theme by its anchor even when its anchor lies in one sub-theme', () => {
    const rerun = foundThemes();
    rerun.themes = rerun.themes.map((t) =>
      t.id === 't1' ? { ...t, id: 't9' } : t.parentId === 't1' ? { ...t, parentId: 't9' } : t,
    );
    const parent: ThemeRef = { id: 't1', label: 'Transport', anchor: ['c1#1', 'c2#1'] };
    const child: ThemeRef = { id: 't1.1', label: 'Buses', anchor: ['c1#1', 'c2#1'] };
    const result = applyReview(
      rerun,
      logOf(
        { kind: 'rename', theme: parent, label: 'Mobility' },
        { kind: 'rename', theme: { ...child, id: 'gone' }, label: 'Bus service' },
      ),
      facts(),
      null,
    );
    expect(themeById(result, 't9').label).toBe('Mobility');
    expect(themeById(result, 't1.1').label).toBe('Bus service');
  });

  it('orphans a decision whose theme is found neither by id nor by anchor, with the reason', () => {
    const gone: ThemeRef = { id: 't7', label: 'Parking', anchor: ['c9#1', 'c9#2'] };
    const result = apply(
      { kind: 'rename', theme: gone, label: 'Car parks' },
      { kind: 'move', passages: ['c9#1'], to: ref(found, 't1') },
      { kind: 'move', passages: ['c1#1'], to: gone },
    );
    expect(result.review.decisions.map((d) => [d.status, d.detail])).toEqual([
      ['orphaned', 'theme "Parking" no longer exists'],
      ['orphaned', 'none of the passages exists any more'],
      ['orphaned', 'theme "Parking" no longer exists'],
    ]);
    expect(result.themes).toEqual(found.themes);
  });

  it('recomputes counts and representatives of changed themes only', () => {
    const result = apply({ kind: 'move', passages: ['c1#1', 'c2#1'], to: null });
    const transport = themeById(result, 't1');
    expect(transport.passageIds).toEqual(['c3#1', 'c3#2', 'c4#1']);
    expect(transport.contributionCount).toBe(2);
    expect(transport.participantCount).toBe(2);
    expect(transport.representativeIds).toEqual(['c3#1', 'c3#2', 'c4#1']);
    expect(transport.scores).toEqual([...transport.scores].sort((a, b) => b - a));
    // Buses lost every passage: dropped.
    expect(result.themes.map((t) => t.id)).not.toContain('t1.1');
    expect(result.review.themes['t1.1']).toBeUndefined();
    // Untouched themes keep their found record as is.
    expect(themeById(result, 't2')).toEqual(found.themes[3]);
    expectConsistent(result);
  });

  it('drops a sub-theme whose parent emptied', () => {
    const result = apply({
      kind: 'move',
      passages: ['c4#2', 'c5#1', 'c5#2', 'c6#1'],
      to: ref(found, 't1'),
    });
    expect(result.themes.map((t) => t.id)).toEqual(['t1', 't1.1', 't1.2', 'safety']);
    expectConsistent(result);
  });

  it('marks passages new since the review began', () => {
    const base = new Set(PASSAGES.filter((id) => id !== 'c3#2' && id !== 'c6#2'));
    const result = applyReview(found, logOf(), facts(), base);
    expect(result.review.themes['t1.2']?.newSinceReview).toEqual(['c3#2']);
    expect(result.review.themes.t1?.newSinceReview).toEqual(['c3#2']);
    expect(result.review.themes.safety?.newSinceReview).toEqual(['c6#2']);
    expect(result.review.themes.t2?.newSinceReview).toEqual([]);
    expect(result.review.reviewed).toBe(true);
  });
});

describe('applyReview: re-parenting (nest) and top-level splits', () => {
  it('moves a sub-theme under another top-level theme, with its passages', () => {
    const result = apply({ kind: 'nest', theme: ref(found, 't1.2'), under: ref(found, 't2') });
    expect(themeById(result, 't1.2').parentId).toBe('t2');
    expect(members(result, 't1')).toEqual(['c1#1', 'c2#1', 'c4#1']);
    expect(members(result, 't2')).toEqual(['c3#1', 'c3#2', 'c4#2', 'c5#1', 'c5#2', 'c6#1']);
    // Placed after its new parent's sub-themes.
    expect(result.themes.map((t) => t.id)).toEqual([
      't1',
      't1.1',
      't2',
      't2.1',
      't2.2',
      't1.2',
      'safety',
    ]);
    expect(result.review.decisions[0]).toMatchObject({
      status: 'applied',
      detail: '"Cycling" moved under "Housing"',
    });
    expect(result.review.themes['t1.2']?.changed).toBe(true);
    expectConsistent(result);
  });

  it('makes a sub-theme top-level, after its old parent; the parent keeps shared passages', () => {
    const withShared = apply(
      { kind: 'move', passages: ['c3#1'], to: ref(found, 't1.1') },
      { kind: 'nest', theme: ref(found, 't1.2'), under: null },
    );
    expect(themeById(withShared, 't1.2').parentId).toBeNull();
    expect(members(withShared, 't1.2')).toEqual(['c3#2']);
    expect(members(withShared, 't1')).toEqual(['c1#1', 'c2#1', 'c3#1', 'c4#1']);
    const result = apply({ kind: 'nest', theme: ref(found, 't1.2'), under: null });
    expect(result.themes.map((t) => t.id)).toEqual([
      't1',
      't1.1',
      't1.2',
      't2',
      't2.1',
      't2.2',
      'safety',
    ]);
    expect(members(result, 't1')).toEqual(['c1#1', 'c2#1', 'c4#1']);
    expect(result.review.decisions[0]?.detail).toBe('"Cycling" made top-level');
    expectConsistent(result);
  });

  it('puts a top-level theme without sub-themes under another', () => {
    const result = apply({ kind: 'nest', theme: ref(found, 'safety'), under: ref(found, 't1') });
    expect(themeById(result, 'safety').parentId).toBe('t1');
    expect(members(result, 't1')).toEqual([
      'c1#1',
      'c2#1',
      'c2#2',
      'c3#1',
      'c3#2',
      'c4#1',
      'c6#1',
      'c6#2',
    ]);
    // c6#1 was in Housing and Safety: it stays in both.
    expect(members(result, 't2')).toContain('c6#1');
    expectConsistent(result);
  });

  it('orphans nestings that would make three levels, a cycle or nothing, with the reason', () => {
    const cases: [ReviewAction, string][] = [
      [
        { kind: 'nest', theme: ref(found, 't1'), under: ref(found, 't2') },
        '"Transport" has sub-themes: it cannot become a sub-theme itself',
      ],
      [
        { kind: 'nest', theme: ref(found, 'safety'), under: ref(found, 't2.1') },
        '"Rents" is a sub-theme: a theme goes only under a top-level theme',
      ],
      [
        { kind: 'nest', theme: ref(found, 'safety'), under: ref(found, 'safety') },
        '"Safety" cannot go under itself',
      ],
      [
        { kind: 'nest', theme: ref(found, 't1.1'), under: ref(found, 't1') },
        '"Buses" is already a sub-theme of "Transport"',
      ],
      [
        { kind: 'nest', theme: ref(found, 't2'), under: null },
        '"Housing" is already a top-level theme',
      ],
      [
        { kind: 'nest', theme: { id: 'gone', label: 'Gone', anchor: ['x#1'] }, under: null },
        'theme "Gone" no longer exists',
      ],
    ];
    for (const [action, detail] of cases) {
      const result = apply(action);
      expect(result.review.decisions[0]).toMatchObject({ status: 'orphaned', detail });
      expect(result.themes).toEqual(found.themes);
    }
  });

  it('orphans a nesting whose theme gained sub-themes since, and applies it after they leave', () => {
    const nestSafety = {
      kind: 'nest',
      theme: ref(found, 'safety'),
      under: ref(found, 't1'),
    } as const;
    const blocked = apply(
      { kind: 'nest', theme: ref(found, 't2.1'), under: ref(found, 'safety') },
      nestSafety,
    );
    expect(blocked.review.decisions[1]?.status).toBe('orphaned');
    const later = apply(
      { kind: 'nest', theme: ref(found, 't2.1'), under: ref(found, 'safety') },
      { kind: 'nest', theme: ref(found, 't2.1'), under: null },
      nestSafety,
    );
    expect(later.review.decisions.map((d) => d.status)).toEqual(['applied', 'applied', 'applied']);
    expect(themeById(later, 'safety').parentId).toBe('t1');
    expectConsistent(later);
  });

  it('splits a sub-theme into a new top-level theme: the passages leave the parent', () => {
    const result = apply({
      kind: 'split',
      theme: ref(found, 't1.2'),
      passages: ['c3#2'],
      label: 'Bike lanes',
      topLevel: true,
    });
    const lanes = themeByLabel(result, 'Bike lanes');
    expect(lanes.parentId).toBeNull();
    expect(lanes.passageIds).toEqual(['c3#2']);
    expect(members(result, 't1.2')).toEqual(['c3#1']);
    expect(members(result, 't1')).not.toContain('c3#2');
    // After the old parent and its sub-themes.
    expect(result.themes.map((t) => t.id).slice(0, 4)).toEqual(['t1', 't1.1', 't1.2', 'review-1']);
    expect(result.review.decisions[0]?.detail).toBe(
      '1 passages of "Cycling" split into "Bike lanes" (top-level)',
    );
    expectConsistent(result);
  });
});
