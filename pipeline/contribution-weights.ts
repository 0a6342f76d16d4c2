// How much one contribution weighs in finding and naming themes: at most a few passages' worth.
import type { CleanRecord } from '../schemas/clean-record.js';

/**
 * The most passages' weight one contribution carries when themes are found and named. Five
 * passages are about 3,000 characters at the default 600-character passages, a long forum post
 * or a one-page submission: such contributions count in full, and a longer one (a report pasted
 * whole, or one post of 2 MB) shares the weight of five among its passages. A cap of one would
 * let a contribution that covers several topics pull on one of them only; twenty would let one
 * long submission outweigh every theme of a small consultation (most themes have under twenty
 * contributors). Its passages are still all themed.
 */
export const CONTRIBUTION_WEIGHT_CAP = 5;

/**
 * Each passage's weight from the contribution of each (parallel to the passages):
 * min(1, `cap` / the passages of its contribution), so a contribution's passages sum to at
 * most `cap` (default CONTRIBUTION_WEIGHT_CAP).
 */
export function passageWeights(
  contributionOf: readonly string[],
  cap = CONTRIBUTION_WEIGHT_CAP,
): Float64Array {
  const passages = new Map<string, number>();
  for (const id of contributionOf) passages.set(id, (passages.get(id) ?? 0) + 1);
  return Float64Array.from(contributionOf, (id) => Math.min(1, cap / (passages.get(id) ?? 1)));
}

/** A kept contribution whose passages carry less than their number in finding themes. */
export interface HeavyContribution {
  id: string;
  passages: number;
  /** The size of its clean text in UTF-8 bytes. */
  bytes: number;
}

/**
 * The kept contributions with more than `cap` passages (default CONTRIBUTION_WEIGHT_CAP), most
 * passages first (then by id), and the number of passages of all kept contributions.
 */
export function heavyContributions(
  records: readonly CleanRecord[],
  cap = CONTRIBUTION_WEIGHT_CAP,
): { heavy: HeavyContribution[]; passages: number } {
  let passages = 0;
  const heavy: HeavyContribution[] = [];
  for (const record of records) {
    if (record.status !== 'kept') continue;
    passages += record.passages.length;
    if (record.passages.length <= cap) continue;
    const bytes = Buffer.byteLength(record.text, 'utf8');
    heavy.push({ id: record.id, passages: record.passages.length, bytes });
  }
  heavy.sort((a, b) => b.passages - a.passages || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { heavy, passages };
}
