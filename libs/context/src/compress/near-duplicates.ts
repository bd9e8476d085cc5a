
/** Shingle Jaccard at or above which two sentences count as the same sentence. */
export const NEAR_DUPLICATE_JACCARD = 0.8;
/** Share of a sentence's shingles found in one earlier sentence at which it adds nothing (a cut-off overlap). */
export const NEAR_DUPLICATE_CONTAINMENT = 0.9;

const SHINGLE_WORDS = 3;

interface Entry {
  readonly shingleCount: number;
  readonly figures: ReadonlySet<string>;
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
  // occur once, so only repeated ones get a list in `more`. Grows by doubling.
  private keys: Int32Array;
  private firstIds: Int32Array;
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
  }

  /**
   * The index of the earlier sentence this one (given by its shingles and figures, see
   * `shinglesOf` and `figuresOf`) repeats, or undefined; a new sentence is remembered.
   */
  addOrMatch(shingles: readonly number[], figures: ReadonlySet<string>): number | undefined {
    const match = this.match(shingles, figures);
    if (match !== undefined) return match;
    const id = this.entries.length;
    this.entries.push({ shingleCount: shingles.length, figures });
    for (const shingle of shingles) this.insert(shingle, id);
    return undefined;
  }

  private match(shingles: readonly number[], figures: ReadonlySet<string>): number | undefined {
    if (shingles.length === 0) return undefined;
    if (this.overlaps.length < this.entries.length) this.overlaps = new Uint32Array(this.entries.length * 2);
    const { overlaps, touched } = this;
    const count = (id: number): void => {
      if (overlaps[id] === 0) touched.push(id);
      overlaps[id] = (overlaps[id] ?? 0) + 1;
    };
    for (const shingle of shingles) {
      const slot = this.slotOf(shingle);
      if (this.keys[slot] !== shingle) continue;
      count(this.firstIds[slot] ?? 0);
      for (const other of this.more.get(shingle) ?? []) count(other);
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
    const { keys, firstIds } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.firstIds = new Int32Array(keys.length * 2);
    keys.forEach((key, slot) => {
      if (key === -1) return;
      const target = this.slotOf(key);
      this.keys[target] = key;
      this.firstIds[target] = firstIds[slot] ?? 0;
    });
  }
}

/**
 * A sentence's distinct word 3-grams (its words from `wordsOf`; the whole sentence when shorter than three) as
 * 30-bit hashes: small integers make the index cheap, and a rare collision only nudges an
 * overlap count.
 */
export function shinglesOf(words: readonly string[]): number[] {
  if (words.length < SHINGLE_WORDS) return words.length === 0 ? [] : [hash30(words.join(' '))];
  const shingles = new Set<number>();
  for (let index = 0; index + SHINGLE_WORDS <= words.length; index += 1) shingles.add(hash30(`${words[index]} ${words[index + 1]} ${words[index + 2]}`));
  return [...shingles];
}

// FNV-1a, folded to 30 bits so V8 keeps it a small integer.
function hash30(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 2) & 0x3fffffff;
}

function isSubset(small: ReadonlySet<string>, large: ReadonlySet<string>): boolean {
  for (const item of small) if (!large.has(item)) return false;
  return true;
}
