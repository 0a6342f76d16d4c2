/** Offset bookkeeping for edits made to a text, so spans found earlier can follow the text. */

/** `[start, end)` of the old text was replaced by `length` characters. */
export interface Edit {
  start: number;
  end: number;
  length: number;
}

/**
 * Maps sorted positions in the old text through sorted, non-overlapping, non-empty edits. A
 * position inside a replaced range moves to the start of its replacement.
 */
export function mapPositions(positions: readonly number[], edits: readonly Edit[]): number[] {
  const mapped: number[] = [];
  let delta = 0;
  let e = 0;
  for (const p of positions) {
    for (let edit = edits[e]; edit !== undefined && edit.end <= p; edit = edits[++e]) {
      delta += edit.length - (edit.end - edit.start);
    }
    const edit = edits[e];
    mapped.push(edit !== undefined && edit.start < p ? edit.start + delta : p + delta);
  }
  return mapped;
}
