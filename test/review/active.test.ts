import { describe, expect, it } from 'vitest';
import { decisionStates } from '../../pipeline/review/active.js';
import type { ReviewAction } from '../../schemas/review.js';
import { foundThemes, logOf, ref } from './fixture.js';

const found = foundThemes();
const note = (text: string): ReviewAction => ({ kind: 'note', theme: ref(found, 't1'), text });
const undo = (decision: number): ReviewAction => ({ kind: 'undo', decision });
const redo = (decision: number): ReviewAction => ({ kind: 'redo', decision });

function states(...actions: ReviewAction[]) {
  const { decisions, active, undoable, redoable } = decisionStates(logOf(...actions));
  return { decisions: decisions.map((d) => d.n), active: [...active].sort(), undoable, redoable };
}

describe('decisionStates', () => {
  it('has nothing in force without a log', () => {
    expect(decisionStates(null)).toEqual({
      decisions: [],
      active: new Set(),
      undoable: null,
      redoable: null,
    });
  });

  it('keeps undo and redo entries out of the decisions', () => {
    expect(states(note('a'), undo(1), redo(1))).toEqual({
      decisions: [1],
      active: [1],
      undoable: 1,
      redoable: null,
    });
  });

  it('undoes the latest decisions in turn and redoes them in reverse order', () => {
    expect(states(note('a'), note('b'), undo(2), undo(1))).toEqual({
      decisions: [1, 2],
      active: [],
      undoable: null,
      redoable: 1,
    });
    expect(states(note('a'), note('b'), undo(2), undo(1), redo(1))).toMatchObject({
      active: [1],
      undoable: 1,
      redoable: 2,
    });
    expect(states(note('a'), note('b'), undo(2), undo(1), redo(1), redo(2))).toMatchObject({
      active: [1, 2],
      undoable: 2,
      redoable: null,
    });
  });

  it('redoes only until a new decision is taken', () => {
    // 1 note, 2 undo 1, 3 note, 4 redo 1: the new decision cleared the redo stack.
    expect(states(note('a'), undo(1), note('b'), redo(1))).toEqual({
      decisions: [1, 3],
      active: [3],
      undoable: 3,
      redoable: null,
    });
  });

  it('ignores a redo of what is not the latest undone, and an undo of what is not in force', () => {
    expect(states(note('a'), note('b'), undo(1), undo(2), redo(1))).toMatchObject({
      active: [],
      redoable: 2,
    });
    expect(states(note('a'), undo(1), undo(1))).toMatchObject({ active: [], redoable: 1 });
    expect(states(note('a'), undo(7))).toMatchObject({ active: [1], redoable: null });
  });

  it('gives each tab the undo and redo of its own decisions, and keeps what is in force global', () => {
    // 1 A renames, 2 B moves, 3 B undoes 2, 4 A notes: A's undo is 4, B's redo is still 2.
    const log = logOf(note('a'), note('b'), undo(2), note('c'));
    const tabs = ['A', 'B', 'B', 'A'];
    log.decisions.forEach((entry, i) => {
      entry.tab = tabs[i];
    });
    const a = decisionStates(log, 'A');
    const b = decisionStates(log, 'B');
    expect([...a.active].sort()).toEqual([1, 4]);
    expect(b.active).toEqual(a.active);
    expect([a.undoable, a.redoable]).toEqual([4, null]);
    expect([b.undoable, b.redoable]).toEqual([null, 2]);
    // A tab that took nothing has nothing to undo, and neither do tab-less (old) entries here.
    expect(decisionStates(log, 'C')).toMatchObject({ undoable: null, redoable: null });
    expect(decisionStates(log)).toMatchObject({ undoable: null, redoable: null });
    // B's redo brings 2 back; A's undo of 1 leaves B's decision in force.
    const more = logOf(note('a'), note('b'), undo(2), note('c'), redo(2), undo(4), undo(1));
    more.decisions.forEach((entry, i) => {
      entry.tab = ['A', 'B', 'B', 'A', 'B', 'A', 'A'][i];
    });
    expect([...decisionStates(more, 'B').active]).toEqual([2]);
    expect(decisionStates(more, 'B')).toMatchObject({ undoable: 2, redoable: null });
    expect(decisionStates(more, 'A')).toMatchObject({ undoable: null, redoable: 1 });
  });

  it('ignores another tab’s undo and redo entries for this tab’s stacks', () => {
    const log = logOf(note('a'), undo(1), redo(1));
    log.decisions.forEach((entry, i) => {
      entry.tab = ['A', 'A', 'B'][i];
    });
    // B's redo of A's undone decision is not B's to make: 1 stays undone, A may still redo it.
    expect(decisionStates(log, 'A')).toMatchObject({ active: new Set(), redoable: 1 });
  });
});
