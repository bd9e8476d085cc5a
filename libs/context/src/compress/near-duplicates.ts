
/** Shingle Jaccard at or above which two sentences count as the same sentence. */
export const NEAR_DUPLICATE_JACCARD = 0.8;
/** Share of a sentence's shingles found in one earlier sentence at which it adds nothing (a cut-off overlap). */
export const NEAR_DUPLICATE_CONTAINMENT = 0.9;

const SHINGLE_WORDS = 3;

/**
 * Remembers sentences and tells whether a new one repeats an earlier one: word 3-gram shingles
 * with Jaccard ≥ 0.8, or ≥ 90% of its shingles inside one earlier sentence (the cut-off copy a
 * chunk overlap leaves). A sentence with a figure the earlier one lacks is never a duplicate, so
 * "refunds within 14 days" does not swallow "refunds within 30 days". Candidates are found
 * through an inverted index of shingles, so the cost grows with shared shingles, not n².
 */
export class NearDuplicateIndex {
  // The sentences remembered: how many shingles each has, and whose figures (`figuresOf`; -1: none).
  private readonly shingleCounts: number[] = [];
  private readonly figureSources: number[] = [];
  // Figure lists given to `addOrMatch`, by their `figures` number.
  private readonly given: (readonly string[])[] = [];
  private figuresOf: (source: number) => readonly string[];
  // Open-addressing table from shingle hash to the first sentence holding it, three integers a
  // slot side by side (one memory line a probe): the generation that filled it, the shingle, and
  // the sentence with `MORE` set when other sentences hold it too (they are listed in `more`; most
  // shingles occur once). A slot of another generation is empty, so `reset` empties the table by
  // moving to the next one. Grows by doubling.
  private table: Int32Array;
  private mask: number;
  private generation = 1;
  private used = 0;
  private readonly more = new Map<number, number[]>();
  // Scratch space for counting shared shingles, reused across calls to spare the allocator.
  private overlaps: Uint32Array = new Uint32Array(64);
  private readonly touched: number[] = [];
  // The slot `match` probed for each shingle of the sentence, for its insertion.
  private readonly probed: number[] = [];

  /**
   * `expectedShingles`: about how many shingles will be added, to size the table once.
   * `figuresOf`: the figures of a sentence given to `addOrMatchSpan` by number, asked for only
   * when a candidate is similar enough for them to matter.
   */
  constructor(expectedShingles = 1024, figuresOf?: (source: number) => readonly string[]) {
    this.figuresOf = figuresOf ?? this.givenFigures;
    const capacity = capacityFor(expectedShingles);
    this.table = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
  }

  /**
   * Forgets every sentence, to be used again as if new (`constructor`'s arguments): its table is
   * emptied rather than allocated again, unless it is too small or far too large.
   */
  reset(expectedShingles = 1024, figuresOf?: (source: number) => readonly string[]): void {
    this.figuresOf = figuresOf ?? this.givenFigures;
    const capacity = capacityFor(expectedShingles);
    if (capacity > this.mask + 1 || capacity * 8 < this.mask + 1 || this.generation === 0x7fffffff) {
      this.table = new Int32Array(capacity * SLOT);
      this.mask = capacity - 1;
      this.generation = 1;
    } else this.generation += 1;
    this.shingleCounts.length = 0;
    this.figureSources.length = 0;
    this.given.length = 0;
    this.more.clear();
    this.used = 0;
    // `overlaps` is back to zeros after every match.
    this.touched.length = 0;
  }

  private readonly givenFigures = (source: number): readonly string[] => this.given[source] ?? [];

  /**
   * The index of the earlier sentence this one (given by its shingles and figures, see
   * `shinglesOf` and `figuresOf`) repeats, or undefined; a new sentence is remembered.
   */
  addOrMatch(shingles: readonly number[], figures: readonly string[]): number | undefined {
    this.given.push(figures);
    return this.addOrMatchSpan(shingles, 0, shingles.length, figures.length === 0 ? -1 : this.given.length - 1);
  }

  /**
   * `addOrMatch` for the sentence whose shingles are `shingles[from, to)` and whose figures are
   * `figuresOf(figures)` (-1: it has none), so they are only read when a candidate needs them.
   */
  addOrMatchSpan(shingles: ArrayLike<number>, from: number, to: number, figures: number): number | undefined {
    const match = this.match(shingles, from, to, figures);
    if (match !== undefined) return match;
    const id = this.shingleCounts.length;
    this.shingleCounts.push(to - from);
    this.figureSources.push(figures);
    // Where `match` found each shingle, or the empty slot it would go to: still right unless a
    // shingle inserted just before took that slot, or the table grew.
    const { table, generation } = this;
    for (let index = from; index < to; index += 1) {
      const shingle = shingles[index] ?? 0;
      const probed = this.probed[index - from] ?? -1;
      const base = probed * SLOT;
      const slot = this.table === table && probed >= 0 && (table[base] !== generation || table[base + 1] === shingle) ? probed : this.slotOf(shingle);
      this.insertAt(slot, shingle, id);
    }
    return undefined;
  }

  private match(shingles: ArrayLike<number>, from: number, to: number, figures: number): number | undefined {
    const count = to - from;
    if (count === 0) return undefined;
    if (this.overlaps.length < this.shingleCounts.length) this.overlaps = new Uint32Array(this.shingleCounts.length * 2);
    const { overlaps, touched, probed, table, generation } = this;
    for (let index = from; index < to; index += 1) {
      const shingle = shingles[index] ?? 0;
      const slot = this.slotOf(shingle);
      probed[index - from] = slot;
      const base = slot * SLOT;
      if (table[base] !== generation) continue;
      const holder = table[base + 2] ?? 0;
      const first = holder & ID;
      if (overlaps[first] === 0) touched.push(first);
      overlaps[first] = (overlaps[first] ?? 0) + 1;
      if ((holder & MORE) === 0) continue;
      for (const other of this.more.get(shingle) ?? []) {
        if (overlaps[other] === 0) touched.push(other);
        overlaps[other] = (overlaps[other] ?? 0) + 1;
      }
    }
    let best: number | undefined;
    let bestJaccard = -1;
    let ownFigures: readonly string[] | undefined;
    for (const id of touched) {
      const overlap = overlaps[id] ?? 0;
      overlaps[id] = 0;
      const jaccard = overlap / (count + (this.shingleCounts[id] ?? 0) - overlap);
      if (jaccard < NEAR_DUPLICATE_JACCARD && overlap / count < NEAR_DUPLICATE_CONTAINMENT) continue;
      // A figure the earlier sentence lacks keeps them apart.
      if (figures >= 0) {
        const theirs = this.figureSources[id] ?? -1;
        if (theirs < 0) continue;
        ownFigures ??= this.figuresOf(figures);
        if (!isSubset(ownFigures, this.figuresOf(theirs))) continue;
      }
      if (jaccard > bestJaccard || (jaccard === bestJaccard && best !== undefined && id < best)) {
        best = id;
        bestJaccard = jaccard;
      }
    }
    touched.length = 0;
    return best;
  }

  // Adds `shingle` of sentence `id` at `slot`, the slot holding it or the empty one where it goes.
  private insertAt(slot: number, shingle: number, id: number): void {
    const { table } = this;
    const base = slot * SLOT;
    if (table[base] === this.generation) {
      const list = this.more.get(shingle);
      if (list === undefined) this.more.set(shingle, [id]);
      else list.push(id);
      table[base + 2] = (table[base + 2] ?? 0) | MORE;
      return;
    }
    table[base] = this.generation;
    table[base + 1] = shingle;
    table[base + 2] = id;
    this.used += 1;
    if (this.used * 4 > (this.mask + 1) * 3) this.grow();
  }

  // The slot holding `shingle`, or the empty slot where it would go (linear probing).
  private slotOf(shingle: number): number {
    const { table, mask, generation } = this;
    let slot = shingle & mask;
    while (table[slot * SLOT] === generation && table[slot * SLOT + 1] !== shingle) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { table, generation } = this;
    const capacity = (this.mask + 1) * 2;
    this.table = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
    for (let base = 0; base < table.length; base += SLOT) {
      if (table[base] !== generation) continue;
      const target = this.slotOf(table[base + 1] ?? 0) * SLOT;
      this.table[target] = generation;
      this.table[target + 1] = table[base + 1] ?? 0;
      this.table[target + 2] = table[base + 2] ?? 0;
    }
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

// Integers a slot: generation, shingle, sentence (and `MORE`).
const SLOT = 3;
const MORE = 1 << 30;
const ID = MORE - 1;

// A power of two with room for the shingles at a load under 3/4 (the table grows past it).
function capacityFor(expectedShingles: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(64, Math.ceil((expectedShingles * 4) / 3))));
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
