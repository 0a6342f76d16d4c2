/**
 * Locality-sensitive hashing over MinHash signatures: a signature is cut into bands, and items
 * sharing any band are candidate pairs. Band keys live in an open-addressing table of typed
 * arrays: at 100,000 items and 16 bands a JS Map was the slowest part of deduplication.
 */
import { HASHES, mix } from './minhash.js';

const EMPTY = -1;
/**
 * Entries read per band and query. Buckets only grow this long in templated campaigns, where
 * thousands of texts share bands; reading the newest keeps such a query bounded.
 */
const MAX_CHAIN = 100;

/** Band keys to chains of items (numbers the caller chooses, e.g. ranks). */
export class LshIndex {
  private readonly rows: number;
  private readonly bands: number;
  private keys = new Int32Array(1 << 12);
  private heads = new Int32Array(1 << 12).fill(EMPTY);
  private used = 0;
  private nodeItem = new Int32Array(1 << 12);
  private nodeNext = new Int32Array(1 << 12);
  private nodes = 0;
  private readonly found: Int32Array;
  private readonly picked: Int32Array;
  /** By item: the query that last counted it, and how many of that query's bands it shares. */
  private stamps = new Int32Array(1 << 12);
  private shared = new Int32Array(1 << 12);
  private query = 0;

  /**
   * Rows per band follow the threshold so that a pair at the threshold becomes a candidate with
   * p > 0.99: 16 bands of 4 rows from 0.7 up (p > 0.999 at 0.8), 32 bands of 2 below.
   */
  constructor(threshold: number) {
    this.rows = threshold >= 0.7 ? 4 : 2;
    this.bands = HASHES / this.rows;
    this.found = new Int32Array(this.bands * MAX_CHAIN);
    this.picked = new Int32Array(this.bands * MAX_CHAIN);
  }

  /**
   * The distinct items sharing bands with `signature`, ascending. Past `limit`, those sharing the
   * most bands (the likeliest matches; the earlier item on a tie). The result is a view of a
   * shared buffer, valid until the next call.
   *
   * Items are counted in a stamped array indexed by item rather than sorted with their repeats:
   * in a templated campaign a query reads some 1,600 entries, and sorting them with a comparator
   * made deduplication grow faster than the input.
   */
  candidates(signature: Int32Array, limit: number): Int32Array {
    this.query++;
    let distinct = 0;
    for (let band = 0; band < this.bands; band++) {
      let node = this.heads[this.slot(this.bandKey(signature, band))] ?? EMPTY;
      for (let read = 0; node !== EMPTY && read < MAX_CHAIN; read++) {
        const item = this.nodeItem[node] ?? 0;
        if (this.stamps[item] === this.query) this.shared[item] = (this.shared[item] ?? 0) + 1;
        else {
          this.stamps[item] = this.query;
          this.shared[item] = 1;
          this.found[distinct++] = item;
        }
        node = this.nodeNext[node] ?? EMPTY;
      }
    }
    // A typed array sorts numerically and natively, much faster than a comparator.
    const items = this.found.subarray(0, distinct).sort();
    return distinct <= limit ? items : this.mostShared(items, limit);
  }

  /** The `limit` items sharing the most bands, ascending; `items` ascending. */
  private mostShared(items: Int32Array, limit: number): Int32Array {
    let taken = 0;
    for (let bands = this.bands; bands > 0 && taken < limit; bands--) {
      for (let i = 0; i < items.length && taken < limit; i++) {
        const item = items[i] ?? 0;
        if (this.shared[item] === bands) this.picked[taken++] = item;
      }
    }
    return this.picked.subarray(0, taken).sort();
  }

  /** Adds an item (a number >= 0) under each of its band keys. */
  insert(signature: Int32Array, item: number): void {
    while (item >= this.stamps.length) this.growItems();
    for (let band = 0; band < this.bands; band++) {
      if ((this.used + 1) * 2 > this.keys.length) this.growTable();
      if (this.nodes === this.nodeItem.length) this.growNodes();
      const key = this.bandKey(signature, band);
      const slot = this.slot(key);
      if (this.heads[slot] === EMPTY) this.used++;
      this.keys[slot] = key;
      this.nodeItem[this.nodes] = item;
      this.nodeNext[this.nodes] = this.heads[slot] ?? EMPTY;
      this.heads[slot] = this.nodes++;
    }
  }

  private bandKey(signature: Int32Array, band: number): number {
    let h = mix(band + 1);
    for (let r = band * this.rows; r < (band + 1) * this.rows; r++) {
      h = Math.imul(h ^ (signature[r] ?? 0), 0x01000193);
    }
    return mix(h);
  }

  /** The slot holding `key`, or the empty slot where it would go (linear probing). */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let slot = key & mask;
    while (this.heads[slot] !== EMPTY && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private growTable(): void {
    const { keys, heads } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2).fill(EMPTY);
    for (let old = 0; old < keys.length; old++) {
      if (heads[old] === EMPTY) continue;
      const slot = this.slot(keys[old] ?? 0);
      this.keys[slot] = keys[old] ?? 0;
      this.heads[slot] = heads[old] ?? EMPTY;
    }
  }

  private growItems(): void {
    const stamps = new Int32Array(this.stamps.length * 2);
    const shared = new Int32Array(this.shared.length * 2);
    stamps.set(this.stamps);
    shared.set(this.shared);
    this.stamps = stamps;
    this.shared = shared;
  }

  private growNodes(): void {
    const item = new Int32Array(this.nodeItem.length * 2);
    const next = new Int32Array(this.nodeNext.length * 2);
    item.set(this.nodeItem);
    next.set(this.nodeNext);
    this.nodeItem = item;
    this.nodeNext = next;
  }
}
