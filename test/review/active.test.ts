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
});
