/** Why an entry left the cache. */
export type EvictionReason = 'capacity' | 'expired' | 'deleted' | 'replaced';

/** Options of an LruTtlCache. */
export interface LruTtlCacheOptions<K, V> {
  /** Most entries kept; adding one more evicts the least recently used. */
  readonly maxEntries: number;
  /** The clock, in milliseconds: injected so tests and workflows control time. */
  readonly now: () => number;
  /** Told of every entry that leaves, so indexes built beside the cache can follow. */
  readonly onEvict?: (key: K, value: V, reason: EvictionReason) => void;
}

interface Slot<V> {
  readonly value: V;
  readonly expiresAt: number;
}

/**
 * A size-bounded map with per-entry expiry and least-recently-used eviction. A Map keeps
 * insertion order, so re-inserting on access makes its first key the least recently used: every
 * operation is O(1) amortised. Expired entries are dropped when touched and by `purgeExpired`.
 */
export class LruTtlCache<K, V> {
  private readonly slots = new Map<K, Slot<V>>();

  constructor(private readonly options: LruTtlCacheOptions<K, V>) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${options.maxEntries}`);
  }

  /** Entries held, expired ones not yet purged included. */
  get size(): number {
    return this.slots.size;
  }

  /** The value, marked as just used; undefined when absent or expired (and then dropped). */
  get(key: K): V | undefined {
    const slot = this.live(key);
    if (slot === undefined) return undefined;
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.value;
  }

  /** The value without marking it used. */
  peek(key: K): V | undefined {
    return this.live(key)?.value;
  }

  has(key: K): boolean {
    return this.live(key) !== undefined;
  }

  /** Stores a value for `ttlMs` milliseconds, evicting the least recently used entries past the bound. */
  set(key: K, value: V, ttlMs: number): void {
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
    const previous = this.slots.get(key);
    if (previous !== undefined) {
      this.slots.delete(key);
      this.options.onEvict?.(key, previous.value, 'replaced');
    }
    this.slots.set(key, { value, expiresAt: this.options.now() + ttlMs });
    while (this.slots.size > this.options.maxEntries) {
      const [oldestKey, oldest] = this.slots.entries().next().value as [K, Slot<V>];
      this.slots.delete(oldestKey);
      this.options.onEvict?.(oldestKey, oldest.value, this.expired(oldest) ? 'expired' : 'capacity');
    }
  }

  /** Removes an entry; false when there was none. */
  delete(key: K): boolean {
    const slot = this.slots.get(key);
    if (slot === undefined) return false;
    this.slots.delete(key);
    this.options.onEvict?.(key, slot.value, 'deleted');
    return true;
  }

  /** Drops every expired entry; returns how many. O(size). */
  purgeExpired(): number {
    let purged = 0;
    for (const [key, slot] of this.slots) {
      if (!this.expired(slot)) continue;
      this.slots.delete(key);
      this.options.onEvict?.(key, slot.value, 'expired');
      purged += 1;
    }
    return purged;
  }

  /** Keys from least to most recently used. */
  keys(): IterableIterator<K> {
    return this.slots.keys();
  }

  private live(key: K): Slot<V> | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    if (!this.expired(slot)) return slot;
    this.slots.delete(key);
    this.options.onEvict?.(key, slot.value, 'expired');
    return undefined;
  }

  private expired(slot: Slot<V>): boolean {
    return this.options.now() >= slot.expiresAt;
  }
}
