/**
 * A map bounded by entry count that evicts the least recently used entry. Map iteration order
 * is insertion order, so re-inserting on every hit keeps the oldest entry first.
 */
export class LruCache<Value> {
  private readonly entries = new Map<string, Value>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 0) throw new RangeError(`maxEntries must be a non-negative integer, got ${maxEntries}`);
  }

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }

  /** The value under `key`, or `compute()` stored for next time (not stored when the size is 0). */
  getOrCompute(key: string, compute: () => Value): Value {
    // Off: not even a lookup (hashing a long key costs about as much as a small computation).
    if (this.maxEntries === 0) return compute();
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    return value;
  }
}
