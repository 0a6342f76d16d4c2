// Unique contribution ids across the whole input, and the one warning about those renamed.
import type { Provenance } from '../../schemas/contribution.js';
import { quoteInput } from '../quote-input.js';
import type { Logger } from '../stage.js';
import { describeRecord } from './source.js';

/** Renamed records named in the warning's line; the rest are in its details. */
const MAX_EXAMPLES = 2;

/** Characters of an id quoted in the warning's line. */
const MAX_ID_CHARS = 24;

/** One record whose id was changed, and where its id was first seen. */
interface Renamed {
  id: string;
  renamedTo: string;
  place: Provenance;
  first: Provenance;
}

/**
 * Keeps contribution ids unique across the whole input: a repeated id becomes `<id>~2`,
 * `<id>~3`, ... (skipping any that are taken), so no record is dropped.
 */
export class UniqueIds {
  private readonly first = new Map<string, Provenance>();
  /** How many records carry each repeated id so far, the first included. */
  private readonly seen = new Map<string, number>();
  private readonly renamedRecords: Renamed[] = [];

  /** Number of records whose id was changed. */
  get renamed(): number {
    return this.renamedRecords.length;
  }

  /**
   * Returns `id` if it is new, else a fresh `<id>~<n>`.
   * @param place where the record is, for the warning.
   */
  claim(id: string, place: Provenance): string {
    const firstPlace = this.first.get(id);
    if (firstPlace === undefined) {
      this.first.set(id, place);
      return id;
    }
    const count = (this.seen.get(id) ?? 1) + 1;
    this.seen.set(id, count);
    let n = count;
    while (this.first.has(`${id}~${n}`)) n++;
    const unique = `${id}~${n}`;
    this.first.set(unique, place);
    this.renamedRecords.push({ id, renamedTo: unique, place, first: firstPlace });
    return unique;
  }

  /**
   * Logs one line (how many ids repeated, how many records renamed, two examples) if any was,
   * with every renamed record as the warning's details.
   */
  report(logger: Logger): void {
    const all = this.renamedRecords;
    if (all.length === 0) return;
    const ids =
      this.seen.size === 1 ? '1 id was' : `${this.seen.size.toLocaleString('en')} ids were`;
    const records = all.length === 1 ? '1 record' : `${all.length.toLocaleString('en')} records`;
    const examples = all.slice(0, MAX_EXAMPLES).map(describe).join(', ');
    logger.warn(`${ids} repeated; ${records} renamed, none dropped, e.g. ${examples}`, {
      warning: 'renamed id',
      entries: all.map((r) => ({
        id: r.id,
        renamedTo: r.renamedTo,
        at: describeRecord(r.place.file, r.place),
        firstAt: describeRecord(r.first.file, r.first),
      })),
    });
  }
}

function describe({ id, renamedTo, place }: Renamed): string {
  const clip = (value: string) => quoteInput(value, MAX_ID_CHARS);
  return `${clip(id)} at ${describeRecord(place.file, place)} -> ${clip(renamedTo)}`;
}
