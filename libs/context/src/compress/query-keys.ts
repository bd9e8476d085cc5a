/**
 * The keys (terms and prefixes) a query is scored by, each at the columns it fills (two query
 * terms can share a prefix), found from a sentence key and its hash (`WordEntry.keyHashes`): a
 * small open-addressing table of integers, with a string comparison only when hashes match.
 * Scoring asks once for every key of every sentence, so this is cheaper than a map from strings.
 */
export class QueryKeys {
  private readonly distinct: string[] = [];
  private readonly columns: number[][] = [];
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;

  /** `keys[column]` is the key of each column; `hashOf` hashes a key as sentences' keys were hashed. */
  constructor(keys: readonly string[], hashOf: (key: string) => number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, keys.length * 4)));
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    keys.forEach((key, column) => {
      const hash = hashOf(key);
      const slot = this.slotOf(key, hash);
      const known = this.slots[slot] ?? -1;
      if (known >= 0) {
        this.columns[known]?.push(column);
        return;
      }
      this.slots[slot] = this.distinct.length;
      this.hashes[slot] = hash;
      this.distinct.push(key);
      this.columns.push([column]);
    });
  }

  /** The columns of `key`, whose hash is `hash`; undefined when the query has no such key (most keys: one probe). */
  columnsOf(key: string, hash: number): readonly number[] | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask, index = this.slots[slot] ?? -1; index >= 0; slot = (slot + 1) & mask, index = this.slots[slot] ?? -1) {
      if (this.hashes[slot] === hash && this.distinct[index] === key) return this.columns[index];
    }
    return undefined;
  }

  // The slot holding `key`, or the empty slot where it would go (linear probing).
  private slotOf(key: string, hash: number): number {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let index = this.slots[slot] ?? -1; index >= 0; index = this.slots[slot] ?? -1) {
      if (this.hashes[slot] === hash && this.distinct[index] === key) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
