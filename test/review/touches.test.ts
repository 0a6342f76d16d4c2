import { describe, expect, it } from 'vitest';
import { ReviewApplication } from '../../pipeline/review/apply.js';
import { TouchHistory } from '../../pipeline/review/conflicts.js';
import { indexState } from '../../pipeline/review/state-view.js';
import {
  addHolders,
  overlap,
  type TouchContext,
  type Touches,
  touchContext,
  touchesOf,
} from '../../pipeline/review/touches.js';
import type { ReviewAction, ReviewLog } from '../../schemas/review.js';
import { facts, foundThemes, logOf, PASSAGES, ref } from './fixture.js';

const found = foundThemes();
const t = (id: string) => ref(found, id);

/** The context of the fixture's themes after `actions` (with what earlier decisions touched). */
function contextAfter(
  actions: ReviewAction[] = [],
  touchedBy?: (n: number) => Touches | undefined,
): TouchContext {
  const log = actions.length ? logOf(...actions) : null;
  const application = ReviewApplication.of(found, log, facts());
  const state = application.result(null);
  const ofContribution = (c: string) => PASSAGES.filter((p) => p.startsWith(`${c}#`));
  return touchContext(indexState(state), application, log, ofContribution, touchedBy);
}

function touched(action: ReviewAction, context = contextAfter()) {
  return shape(touchesOf(action, context));
}

function shape(touches: Touches) {
  return { themes: [...touches.themes.keys()].sort(), passages: [...touches.passages].sort() };
}

describe('what a decision touches', () => {
  it('a rename, approval, note, pin or promotion: its theme only', () => {
    const only = { themes: ['t1.2'], passages: [] };
    expect(touched({ kind: 'rename', theme: t('t1.2'), label: 'Bikes' })).toEqual(only);
    expect(touched({ kind: 'approve', theme: t('t1.2'), approved: true })).toEqual(only);
    expect(touched({ kind: 'note', theme: t('t1.2'), text: 'x' })).toEqual(only);
    expect(
      touched({
        kind: 'pin',
        theme: t('t1.2'),
        passage: 'c3#1',
        as: 'quote',
        pinned: true,
        text: '',
      }),
    ).toEqual(only);
    expect(touched({ kind: 'note', theme: null, text: 'on the review' })).toEqual({
      themes: [],
      passages: [],
    });
  });

  it('a move: its passages, every theme they leave, the target and its parent', () => {
    expect(touched({ kind: 'move', passages: ['c3#1'], to: t('safety') })).toEqual({
      themes: ['safety', 't1', 't1.2'],
      passages: ['c3#1'],
    });
    expect(touched({ kind: 'move', passages: ['c4#2'], to: t('t1.1') })).toEqual({
      themes: ['t1', 't1.1', 't2', 't2.1'],
      passages: ['c4#2'],
    });
    expect(touched({ kind: 'move', passages: ['c7#1'], to: null })).toEqual({
      themes: [],
      passages: ['c7#1'],
    });
  });

  it('a merge: its themes, and every theme holding their passages', () => {
    expect(touched({ kind: 'merge', themes: [t('t2.2')], into: t('t1') })).toEqual({
      themes: ['t1', 't2', 't2.2'],
      passages: ['c5#2'],
    });
  });

  it('a split: the theme, its passages and the sub-theme they leave', () => {
    expect(touched({ kind: 'split', theme: t('t1'), passages: ['c1#1'], label: 'New' })).toEqual({
      themes: ['t1', 't1.1'],
      passages: ['c1#1'],
    });
  });

  it('an exclusion and a restoration: their passages and the themes holding them', () => {
    const exclude: ReviewAction = {
      kind: 'exclude',
      target: { contribution: 'c6' },
      reason: 'spam',
      note: '',
    };
    expect(touched(exclude)).toEqual({
      themes: ['safety', 't2'],
      passages: ['c6#1', 'c6#2'],
    });
    // Excluded, the passages are in no theme; once restored, the themes holding them count.
    const restore: ReviewAction = { kind: 'restore', target: { contribution: 'c6' } };
    const touches = touchesOf(restore, contextAfter([exclude]));
    expect(shape(touches)).toEqual({ themes: [], passages: ['c6#1', 'c6#2'] });
    addHolders(touches, touches.passages, contextAfter([exclude, restore]));
    expect(shape(touches).themes).toEqual(['safety', 't2']);
  });

  it('an undo or redo: what the decision it acts on touches', () => {
    const move: ReviewAction = { kind: 'move', passages: ['c3#1'], to: t('safety') };
    const then = touchesOf(move, contextAfter());
    // Moved, the passage is in Safety only; the themes it came from are known from the move.
    expect(touched({ kind: 'undo', decision: 1 }, contextAfter([move]))).toEqual({
      themes: ['safety'],
      passages: ['c3#1'],
    });
    expect(
      touched(
        { kind: 'undo', decision: 1 },
        contextAfter([move], () => then),
      ),
    ).toEqual({
      themes: ['safety', 't1', 't1.2'],
      passages: ['c3#1'],
    });
    expect(touched({ kind: 'redo', decision: 1 }, contextAfter([move])).passages).toEqual(['c3#1']);
  });

  it('a theme moved under another (nest): the theme, the parent it leaves and the new one', () => {
    const nest = { kind: 'nest', theme: t('t1.2'), under: t('t2') } as unknown as ReviewAction;
    expect(touched(nest)).toEqual({ themes: ['t1', 't1.2', 't2'], passages: [] });
  });

  it('finds no overlap between decisions on different themes, and names the shared theme', () => {
    const context = contextAfter();
    const rename = touchesOf({ kind: 'rename', theme: t('safety'), label: 'Security' }, context);
    const move = touchesOf({ kind: 'move', passages: ['c5#2'], to: t('t2.1') }, context);
    expect(overlap(rename, move)).toBeNull();
    const approve = touchesOf({ kind: 'approve', theme: t('t2'), approved: true }, context);
    expect(overlap(approve, move)).toEqual({ theme: 't2', label: 'Housing' });
    const exclude = touchesOf(
      { kind: 'exclude', target: { passage: 'c7#1' }, reason: 'spam', note: '' },
      context,
    );
    const toOther = touchesOf({ kind: 'move', passages: ['c7#1'], to: null }, context);
    expect(overlap(exclude, toOther)).toEqual({ passage: 'c7#1' });
  });
});

describe('TouchHistory', () => {
  const context = contextAfter();
  const rename: ReviewAction = { kind: 'rename', theme: t('safety'), label: 'Security' };
  const move: ReviewAction = { kind: 'move', passages: ['c5#2'], to: t('t2.1') };
  const log: ReviewLog = logOf(rename);

  it('lets decisions on other themes and passages go on top', () => {
    const history = new TouchHistory(0);
    history.record(1, touchesOf(rename, context));
    const incoming = touchesOf(move, context);
    expect(history.conflict(log.decisions, incoming, { tab: 'B', reviewer: 'r' }, log)).toBeNull();
  });

  it('names the theme in conflict, what was done to it, and where', () => {
    const history = new TouchHistory(0);
    history.record(1, touchesOf(rename, context));
    const approve = touchesOf({ kind: 'approve', theme: t('safety'), approved: true }, context);
    expect(history.conflict(log.decisions, approve, { tab: 'B', reviewer: 'r' }, log)).toBe(
      'Not recorded: "Safety" was changed in another tab ("Safety" renamed "Security") since your page loaded',
    );
    expect(history.conflict(log.decisions, approve, { tab: 'B', reviewer: 'Bo' }, log)).toMatch(
      /^Not recorded: "Safety" was changed by r \(/,
    );
  });

  it('holds any decision from before it began a conflict', () => {
    const history = new TouchHistory(1);
    expect(
      history.conflict(log.decisions, touchesOf(move, context), { tab: 'B', reviewer: 'r' }, log),
    ).toBe(
      'Not recorded: the review was changed in another tab ("Safety" renamed "Security") since your page loaded',
    );
  });
});
