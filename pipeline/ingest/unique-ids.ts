import type { Provenance } from '../../schemas/contribution.js';
import type { Logger } from '../stage.js';
import { describeRecord } from './source.js';

/** Duplicates named in the warning before it is cut short. */
const MAX_EXAMPLES = 5;

interface Duplicate {
  id: string;
  /** Where each record with this id is, the first one included. */
  places: Provenance[];
  renamed: string[];
}

/**
 * Keeps contribution ids unique across the whole input: a repeated id becomes `<id>~2`,
 * `<id>~3`, ... (skipping any that are taken), so no record is dropped.
 */
export class UniqueIds {
  private readonly first = new Map<string, Provenance>();
  private readonly duplicates = new Map<string, Duplicate>();
  private renamedCount = 0;

  /** Number of records whose id was changed. */
  get renamed(): number {
    return this.renamedCount;
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
    let duplicate = this.duplicates.get(id);
    if (!duplicate) {
      duplicate = { id, places: [firstPlace], renamed: [] };
      this.duplicates.set(id, duplicate);
    }
    let n = duplicate.places.length + 1;
    while (this.first.has(`${id}~${n}`)) n++;
    const unique = `${id}~${n}`;
    this.first.set(unique, place);
    duplicate.places.push(place);
    duplicate.renamed.push(unique);
    this.renamedCount++;
    return unique;
  }

  /** Logs one warning naming the rows of the repeated ids, if there were any. */
  report(logger: Logger): void {
    if (this.duplicates.size === 0) return;
    const all = [...this.duplicates.values()];
    const examples = all.slice(0, MAX_EXAMPLES).map(describe).join('; ');
    const more = all.length > MAX_EXAMPLES ? `; and ${all.length - MAX_EXAMPLES} more` : '';
    const ids = all.length === 1 ? 'id was' : 'ids were';
    logger.warn(
      `${all.length} ${ids} repeated; ${this.renamedCount} records renamed, none dropped: ${examples}${more}`,
    );
  }
}

function describe(duplicate: Duplicate): string {
  const places = duplicate.places.map((place) => describeRecord(place.file, place)).join(', ');
  return `"${duplicate.id}" at ${places} -> ${duplicate.renamed.join(', ')}`;
}
