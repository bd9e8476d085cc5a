
/** Shingle Jaccard at or above which two sentences count as the same sentence. */
export const NEAR_DUPLICATE_JACCARD = 0.8;
/** Share of a sentence's shingles found in one earlier sentence at which it adds nothing (a cut-off overlap). */
export const NEAR_DUPLICATE_CONTAINMENT = 0.9;

const SHINGLE_WORDS = 3;

interface Entry {
  readonly shingleCount: number;
  readonly figures: readonly string[];
}

/**
 * Remembers sentences and tells whether a new one repeats an earlier one: word 3-gram shingles
 * with Jaccard ≥ 0.8, or ≥ 90% of its shingles inside one earlier sentence (the cut-off copy a
 * chunk overlap leaves). A sentence with a figure the earlier one lacks is never a duplicate, so
 * "refunds within 14 days" does not swallow "refunds within 30 days". Candidates are found
 * through an inverted index of shingles, so the cost grows with shared shingles, not n².
 */
export class NearDuplicateIndex {
  private readonly entries: Entry[] = [];
  // Open-addressing table from shingle hash to the first sentence holding it; most shingles
  // occur once, so only repeated ones get a list in `more` (and a flag in `hasMore`, so the
  // others never look). Grows by doubling.
  private keys: Int32Array;
  private firstIds: Int32Array;
  private hasMore: Uint8Array;
  private used = 0;
  private readonly more = new Map<number, number[]>();
  // Scratch space for counting shared shingles, reused across calls to spare the allocator.
  private overlaps: Uint32Array = new Uint32Array(64);
  private readonly touched: number[] = [];

  /** `expectedShingles`: about how many shingles will be added, to size the table once. */
  constructor(expectedShingles = 1024) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(64, expectedShingles * 2)));
    this.keys = new Int32Array(capacity).fill(-1);
    this.firstIds = new Int32Array(capacity);
    this.hasMore = new Uint8Array(capacity);
  }

  /**
   * The index of the earlier sentence this one (given by its shingles and figures, see
   * `shinglesOf` and `figuresOf`) repeats, or undefined; a new sentence is remembered.
   */
  addOrMatch(shingles: readonly number[], figures: readonly string[]): number | undefined {
    const match = this.match(shingles, figures);
    if (match !== undefined) return match;
    const id = this.entries.length;
    this.entries.push({ shingleCount: shingles.length, figures });
    for (const shingle of shingles) this.insert(shingle, id);
    return undefined;
  }

  private match(shingles: readonly number[], figures: readonly string[]): number | undefined {
    if (shingles.length === 0) return undefined;
    if (this.overlaps.length < this.entries.length) this.overlaps = new Uint32Array(this.entries.length * 2);
    const { overlaps, touched } = this;
    for (const shingle of shingles) {
      const slot = this.slotOf(shingle);
      if (this.keys[slot] !== shingle) continue;
      const first = this.firstIds[slot] ?? 0;
      if (overlaps[first] === 0) touched.push(first);
      overlaps[first] = (overlaps[first] ?? 0) + 1;
      if (this.hasMore[slot] === 0) continue;
      for (const other of this.more.get(shingle) ?? []) {
        if (overlaps[other] === 0) touched.push(other);
        overlaps[other] = (overlaps[other] ?? 0) + 1;
      }
    }
    let best: number | undefined;
    let bestJaccard = -1;
    for (const id of touched) {
      const overlap = overlaps[id] ?? 0;
      overlaps[id] = 0;
      const entry = this.entries[id];
      if (entry === undefined) continue;
      const jaccard = overlap / (shingles.length + entry.shingleCount - overlap);
      if (jaccard < NEAR_DUPLICATE_JACCARD && overlap / shingles.length < NEAR_DUPLICATE_CONTAINMENT) continue;
      if (!isSubset(figures, entry.figures)) continue;
      if (jaccard > bestJaccard || (jaccard === bestJaccard && best !== undefined && id < best)) {
        best = id;
        bestJaccard = jaccard;
      }
    }
    touched.length = 0;
    return best;
  }

  private insert(shingle: number, id: number): void {
    const slot = this.slotOf(shingle);
    if (this.keys[slot] === shingle) {
      const list = this.more.get(shingle);
      if (list === undefined) this.more.set(shingle, [id]);
      else list.push(id);
      this.hasMore[slot] = 1;
      return;
    }
    this.keys[slot] = shingle;
    this.firstIds[slot] = id;
    this.used += 1;
    if (this.used * 2 > this.keys.length) this.grow();
  }

  // The slot holding `shingle`, or the empty slot where it would go (linear probing).
  private slotOf(shingle: number): number {
    const mask = this.keys.length - 1;
    let slot = shingle & mask;
    for (let key = this.keys[slot]; key !== -1 && key !== shingle; key = this.keys[slot]) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, firstIds, hasMore } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.firstIds = new Int32Array(keys.length * 2);
    this.hasMore = new Uint8Array(keys.length * 2);
    keys.forEach((key, slot) => {
      if (key === -1) return;
      const target = this.slotOf(key);
      this.keys[target] = key;
      this.firstIds[target] = firstIds[slot] ?? 0;
      this.hasMore[target] = hasMore[slot] ?? 0;
    });
  }
}

/**
 * A sentence's distinct word 3-grams (the whole sentence when shorter than three words) as
 * 30-bit hashes, in order of first appearance, from its words' hashes (`WordEntry.hash`): small
 * integers make the index cheap, and a rare collision only nudges an overlap count.
 */
export function shinglesOf(wordHashes: readonly number[]): number[] {
  const shingles = new ShingleBuilder();
  for (const hash of wordHashes) shingles.add(hash);
  return shingles.finish();
}

/** `shinglesOf` fed one word hash at a time, for scanners that see words go by. */
export class ShingleBuilder {
  private readonly shingles: number[] = [];
  private words = 0;
  private first = 0;
  private second = 0;

  add(wordHash: number): void {
    this.words += 1;
    if (this.words >= SHINGLE_WORDS) {
      const hash = fold30(mix(mix(mix(SHINGLE_WORDS, this.first), this.second), wordHash));
      // Sentences hold a few dozen shingles at most: a linear check beats a Set.
      if (!this.shingles.includes(hash)) this.shingles.push(hash);
    }
    this.first = this.second;
    this.second = wordHash;
  }

  /** The shingles of the words added. */
  finish(): number[] {
    if (this.words === 0 || this.words >= SHINGLE_WORDS) return this.shingles;
    // One word: mix(1, 0 then word); two: mix(2, first then second).
    return [fold30(this.words === 1 ? mix(mix(1, this.second), 0) : mix(mix(2, this.first), this.second))];
  }
}

// One step of an order-sensitive 32-bit mix (murmur3's multiply and shifts), so "a b c" and "c b a" differ.
function mix(hash: number, word: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) ^ word;
  return Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
}

// Folded to 30 bits so V8 keeps it a small integer.
function fold30(hash: number): number {
  return ((hash ^ (hash >>> 16)) >>> 2) & 0x3fffffff;
}

// Figure lists are a handful long: a linear check beats building sets.
function isSubset(small: readonly string[], large: readonly string[]): boolean {
  for (const item of small) if (!large.includes(item)) return false;
  return true;
}
