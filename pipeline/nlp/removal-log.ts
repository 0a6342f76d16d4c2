/**
 * The record of text removed from a clean text, kept so the text before removal can be rebuilt:
 * each removal sits at the offset in the current text where it stood. Removals are ordered by
 * offset, and removals at the same offset in the order their texts occurred.
 */
import type { Redaction, Removal, RemovalKind } from '../../schemas/clean-record.js';

/** A range of the current text to delete, and why. */
export interface Deletion {
  start: number;
  end: number;
  kind: RemovalKind;
}

/** Removals plus the redaction spans that must follow the text as it shrinks. */
export class RemovalLog {
  removals: Removal[];
  redactions: Redaction[];

  constructor(removals: readonly Removal[] = [], redactions: readonly Redaction[] = []) {
    this.removals = [...removals];
    this.redactions = [...redactions];
  }

  /**
   * Deletes sorted, non-overlapping ranges from `text` and logs them, in one pass over the
   * deletions, removals and redactions (each sorted), so a text with many quoted replies stays
   * linear.
   */
  apply(text: string, deletions: readonly Deletion[]): string {
    this.removals = logDeletions(text, this.removals, deletions);
    this.redactions = shiftRedactions(this.redactions, deletions);
    const kept: string[] = [];
    let from = 0;
    for (const { start, end } of deletions) {
      kept.push(text.slice(from, start));
      from = end;
    }
    kept.push(text.slice(from));
    return kept.join('');
  }
}

/**
 * The removals once `deletions` are gone from `text`. Each deletion is logged at its start; earlier
 * removals that stood inside it keep their own entry (and kind), the deleted text split around
 * them, all pieces at the same offset. Later offsets move left by what was deleted before them.
 */
function logDeletions(
  text: string,
  removals: readonly Removal[],
  deletions: readonly Deletion[],
): Removal[] {
  const next: Removal[] = [];
  const moved = (removal: Removal, at: number) =>
    removal.at === at ? removal : { ...removal, at };
  let r = 0;
  let shift = 0;
  for (const { start, end, kind } of deletions) {
    for (let removal = removals[r]; removal && removal.at <= start; removal = removals[++r]) {
      next.push(moved(removal, removal.at - shift));
    }
    let from = start;
    for (let removal = removals[r]; removal && removal.at < end; removal = removals[++r]) {
      if (removal.at > from)
        next.push({ kind, text: text.slice(from, removal.at), at: start - shift });
      next.push(moved(removal, start - shift));
      from = removal.at;
    }
    next.push({ kind, text: text.slice(from, end), at: start - shift });
    shift += end - start;
  }
  for (const removal of removals.slice(r)) next.push(moved(removal, removal.at - shift));
  return next;
}

/** Moves redaction spans left past deleted ranges; spans inside one go with the removed text. */
function shiftRedactions(spans: readonly Redaction[], deletions: readonly Deletion[]): Redaction[] {
  const shifted: Redaction[] = [];
  let d = 0;
  let shift = 0;
  for (const span of spans) {
    for (
      let deletion = deletions[d];
      deletion && deletion.end <= span.start;
      deletion = deletions[++d]
    ) {
      shift += deletion.end - deletion.start;
    }
    if ((deletions[d]?.start ?? span.end) < span.end) continue;
    shifted.push(
      shift === 0 ? span : { ...span, start: span.start - shift, end: span.end - shift },
    );
  }
  return shifted;
}

/** Rebuilds the text as it was before the logged removals. */
export function restoreRemovals(text: string, removals: readonly Removal[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const removal of removals) {
    parts.push(text.slice(from, removal.at), removal.text);
    from = removal.at;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
