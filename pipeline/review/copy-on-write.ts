// Maps and sets a review state shares with its checkpoints until one side changes them.

/**
 * A map that `fork` copies in constant time: the copies share the entries until one of them
 * changes, which then copies them for itself. A checkpoint of the review state so costs only
 * the themes a later decision changes. Iterating a map while changing it iterates the entries
 * as they were.
 */
export class SharedMap<K, V> implements ReadonlyMap<K, V> {
  private shared = false;

  /** A map over `map`'s entries (taken, not copied; default none). */
  constructor(private map: Map<K, V> = new Map()) {}

  /** A copy sharing the entries with this map until either changes. */
  fork(): SharedMap<K, V> {
    this.shared = true;
    const copy = new SharedMap(this.map);
    copy.shared = true;
    return copy;
  }

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): this {
    this.own().set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.map.has(key) && this.own().delete(key);
  }

  keys(): MapIterator<K> {
    return this.map.keys();
  }

  values(): MapIterator<V> {
    return this.map.values();
  }

  entries(): MapIterator<[K, V]> {
    return this.map.entries();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.map[Symbol.iterator]();
  }

  forEach(act: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.map) act(value, key, this);
  }

  private own(): Map<K, V> {
    if (this.shared) {
      this.map = new Map(this.map);
      this.shared = false;
    }
    return this.map;
  }
}

/** A set that `fork` copies in constant time, as `SharedMap` does. */
export class SharedSet<T> implements Iterable<T> {
  private constructor(private readonly items: SharedMap<T, true>) {}

  /** A set of `items`. */
  static of<T>(items: Iterable<T>): SharedSet<T> {
    const map = new Map<T, true>();
    for (const item of items) map.set(item, true);
    return new SharedSet(new SharedMap(map));
  }

  /** A copy sharing the items with this set until either changes. */
  fork(): SharedSet<T> {
    return new SharedSet(this.items.fork());
  }

  get size(): number {
    return this.items.size;
  }

  has(item: T): boolean {
    return this.items.has(item);
  }

  add(item: T): this {
    this.items.set(item, true);
    return this;
  }

  delete(item: T): boolean {
    return this.items.delete(item);
  }

  [Symbol.iterator](): MapIterator<T> {
    return this.items.keys();
  }
}
