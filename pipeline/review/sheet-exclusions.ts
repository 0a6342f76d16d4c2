// The exclusion decisions an edited review sheet asks for: exclude, restore, change the reason.
import type {
  ExclusionReason,
  ReviewAction,
  ReviewExclusion,
  ReviewedThemes,
} from '../../schemas/review.js';
import type { ReadSheetRow } from './sheet-file.js';
import { reasonCell } from './sheet-rows.js';

/** Values of the `excluded` cell read as yes and as no (case ignored). */
const YES = new Set(['yes', 'y', 'x', 'true', '1', 'oui', 'ja', 'sí', 'si']);
const NO = new Set(['', 'no', 'n', 'false', '0', 'non', 'nein']);

/** Reason words the sheet accepts, folded (lower case, spaces and hyphens removed). */
const REASONS: Record<string, ExclusionReason> = {
  spam: 'spam',
  offtopic: 'off-topic',
  personaldata: 'personal-data',
  other: 'other',
};

/** Whether the `excluded` cell says yes; null when it says neither yes nor no. */
export function excludedCell(value: string): boolean | null {
  const folded = value.trim().toLowerCase();
  if (YES.has(folded)) return true;
  return NO.has(folded) ? false : null;
}

/** The reason and note a `reason` cell gives: one of the four reasons, else "other" with it as the note. */
export function parseReason(value: string): { reason: ExclusionReason; note: string } {
  const text = value.trim();
  const known = REASONS[text.toLowerCase().replace(/[\s_-]+/g, '')];
  if (text === '') return { reason: 'other', note: '' };
  return known ? { reason: known, note: '' } : { reason: 'other', note: text };
}

/** Exclusion decisions, split by when they must apply, and what they do. */
export interface ExclusionChanges {
  /** Restores, applied first so that restored passages may then be moved. */
  restores: ReviewAction[];
  /** Exclusions, applied last. */
  excludes: ReviewAction[];
  excluded: number;
  restored: number;
  reasons: number;
}

/**
 * Compares each row's `excluded` and `reason` cells with the state. A contribution excluded
 * whole whose rows changed is restored and its passages still marked excluded are excluded one
 * by one (the sheet has a row per passage, not per contribution).
 */
export function exclusionChanges(
  rows: readonly ReadSheetRow[],
  state: ReviewedThemes,
): ExclusionChanges {
  const exclusionOf = new Map<string, ReviewExclusion>();
  for (const exclusion of state.review.excluded)
    for (const id of exclusion.passageIds) exclusionOf.set(id, exclusion);
  const rowOf = new Map(rows.map((r) => [r.values.passage.trim(), r.values]));
  const changes: ExclusionChanges = {
    restores: [],
    excludes: [],
    excluded: 0,
    restored: 0,
    reasons: 0,
  };
  const reopened = new Set<ReviewExclusion>();
  for (const { values } of rows) {
    const passage = values.passage.trim();
    const exclusion = exclusionOf.get(passage);
    const wanted = excludedCell(values.excluded) === true;
    if (!exclusion) {
      if (wanted) {
        changes.excludes.push({
          kind: 'exclude',
          target: { passage },
          ...parseReason(values.reason),
        });
        changes.excluded++;
      }
      continue;
    }
    const asWritten = parseReason(values.reason);
    const asExported = parseReason(reasonCell(exclusion));
    const sameReason = asWritten.reason === asExported.reason && asWritten.note === asExported.note;
    if (wanted && sameReason) continue;
    if (wanted) changes.reasons++;
    else changes.restored++;
    reopened.add(exclusion);
  }
  for (const exclusion of reopened) {
    changes.restores.push({ kind: 'restore', target: exclusion.target });
    if ('passage' in exclusion.target) {
      const row = rowOf.get(exclusion.target.passage);
      if (row && excludedCell(row.excluded))
        changes.excludes.push({
          kind: 'exclude',
          target: exclusion.target,
          ...parseReason(row.reason),
        });
      continue;
    }
    // The contribution's passages the sheet still excludes (or does not list) stay excluded.
    for (const passage of exclusion.passageIds) {
      const row = rowOf.get(passage);
      if (row && !excludedCell(row.excluded)) continue;
      const reason = row
        ? parseReason(row.reason)
        : { reason: exclusion.reason, note: exclusion.note };
      changes.excludes.push({ kind: 'exclude', target: { passage }, ...reason });
    }
  }
  return changes;
}
