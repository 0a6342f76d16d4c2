// Passages a reviewer excluded, taken out of what the synthesis and the brief count.
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { ExclusionReason, ReviewSummary } from '../../schemas/review.js';

/** Every passage the review excluded, with the reason given. */
export function excludedPassages(review: ReviewSummary): Map<string, ExclusionReason> {
  const excluded = new Map<string, ExclusionReason>();
  for (const exclusion of review.excluded)
    for (const id of exclusion.passageIds) excluded.set(id, exclusion.reason);
  return excluded;
}

/**
 * The clean records as the synthesis should see them: excluded passages removed from their
 * records, and a kept record left with no passage removed whole (with the duplicates merged
 * into it), so that counts of contributions, participants and weeks leave it out too.
 */
export function withoutExcluded(
  records: readonly CleanRecord[],
  excluded: ReadonlyMap<string, ExclusionReason>,
): CleanRecord[] {
  if (excluded.size === 0) return [...records];
  return records.flatMap((record): CleanRecord[] => {
    if (record.status !== 'kept') return [record];
    const passages = record.passages.filter((p) => !excluded.has(p.id));
    if (passages.length === record.passages.length) return [record];
    return passages.length > 0 ? [{ ...record, passages }] : [];
  });
}

/** Excluded passages counted by reason, in the order of `ExclusionReason`. */
export function exclusionCounts(review: ReviewSummary): [ExclusionReason, number][] {
  const counts = new Map<ExclusionReason, number>();
  for (const reason of excludedPassages(review).values())
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return REASON_ORDER.flatMap((reason) => {
    const n = counts.get(reason);
    return n ? [[reason, n] as [ExclusionReason, number]] : [];
  });
}

const REASON_ORDER: readonly ExclusionReason[] = ['spam', 'off-topic', 'personal-data', 'other'];
