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
   * Deletes sorted, non-overlapping ranges from `text` and logs them. Working from the end keeps
   * the offsets of ranges not yet applied valid.
   */
  apply(text: string, deletions: readonly Deletion[]): string {
    for (let i = deletions.length - 1; i >= 0; i--) {
      const deletion = deletions[i] as Deletion;
      this.record(text, deletion);
      this.redactions = shiftRedactions(this.redactions, deletion.start, deletion.end);
    }
    const kept: string[] = [];
    let from = 0;
    for (const { start, end } of deletions) {
      kept.push(text.slice(from, start));
      from = end;
    }
    kept.push(text.slice(from));
    return kept.join('');
  }

  /**
   * Logs one deletion. Earlier removals that stood inside the deleted range keep their own
   * entry (and kind): the deleted text is split around them, all pieces at the same offset.
   */
  private record(text: string, { start, end, kind }: Deletion): void {
    const next: Removal[] = [];
    let from = start;
    let placed = false;
    for (const removal of this.removals) {
      if (removal.at <= start) {
        next.push(removal);
      } else if (removal.at < end) {
        if (removal.at > from) next.push({ kind, text: text.slice(from, removal.at), at: start });
        next.push({ ...removal, at: start });
        from = removal.at;
      } else {
        if (!placed) next.push({ kind, text: text.slice(from, end), at: start });
        placed = true;
        next.push({ ...removal, at: removal.at - (end - start) });
      }
    }
    if (!placed) next.push({ kind, text: text.slice(from, end), at: start });
    this.removals = next;
  }
}

/** Moves redaction spans left past a deleted range; spans inside it go with the removed text. */
function shiftRedactions(spans: readonly Redaction[], start: number, end: number): Redaction[] {
  const length = end - start;
  const shifted: Redaction[] = [];
  for (const span of spans) {
    if (span.end <= start) shifted.push(span);
    else if (span.start >= end)
      shifted.push({ ...span, start: span.start - length, end: span.end - length });
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
