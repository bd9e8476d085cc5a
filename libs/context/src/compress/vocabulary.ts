import { wordSigns } from './fact-signs.js';
import { termKeys, termsOfWords } from './text-terms.js';

/** What analysis needs to know about one lower-cased word; the same for every occurrence, so worked out once. */
export interface WordEntry {
  readonly word: string;
  /** Its terms (`termsOfWords`): none for a stopword or a single letter, two for "q3". */
  readonly terms: readonly string[];
  /** Its terms' bag keys (`termKeys`): each term, then the term's prefix key if it has one. */
  readonly keys: readonly string[];
  /** The fact signs it gives (`wordSigns`). */
  readonly signs: number;
  /** `fnv1a` hash of `word`, for shingles. */
  readonly hash: number;
}

/** An ASCII capital's small letter; any other code unit as it is. */
export function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code | 0x20 : code;
}

/** Words a vocabulary holds before it starts over: a 16k-token context has about 2,500 distinct words. */
export const DEFAULT_VOCABULARY_SIZE = 1 << 14;
// Room for 2,048 words before the first doubling: about one request's worth.
const INITIAL_SLOTS = 1 << 12;

/**
 * The words met so far and what is known about them, by the hash of their lower-cased
 * characters, in an open-addressing table probed with the text itself: a word met before costs
 * no string and no stemming. Grows by doubling up to `maxEntries`, then starts over (analyses
 * keep the entries they hold), so it never grows with the traffic.
 */
export class Vocabulary {
  private hashes = new Int32Array(INITIAL_SLOTS);
  private table: (WordEntry | undefined)[] = new Array<WordEntry | undefined>(INITIAL_SLOTS).fill(undefined);
  private held = 0;

  constructor(readonly maxEntries = DEFAULT_VOCABULARY_SIZE) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  }

  /** Words held now. */
  get size(): number {
    return this.held;
  }

  /** The entry of the word `text[start, end)` (lower-cased if need be), whose lower-cased code units hash to `hash`. */
  entry(text: string, start: number, end: number, hash: number): WordEntry {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (let entry = this.table[slot]; entry !== undefined; entry = this.table[slot]) {
      if (this.hashes[slot] === hash && spells(entry.word, text, start, end)) return entry;
      slot = (slot + 1) & mask;
    }
    if (this.held >= this.maxEntries) this.startOver();
    else if ((this.held + 1) * 2 > this.table.length) this.grow();
    else return this.insert(slot, createEntry(text.slice(start, end).toLowerCase(), hash));
    return this.entry(text, start, end, hash);
  }

  private insert(slot: number, entry: WordEntry): WordEntry {
    this.table[slot] = entry;
    this.hashes[slot] = entry.hash;
    this.held += 1;
    return entry;
  }

  private grow(): void {
    const entries = this.table;
    this.hashes = new Int32Array(entries.length * 2);
    this.table = new Array<WordEntry | undefined>(entries.length * 2).fill(undefined);
    const mask = this.table.length - 1;
    for (const entry of entries) {
      if (entry === undefined) continue;
      let slot = entry.hash & mask;
      while (this.table[slot] !== undefined) slot = (slot + 1) & mask;
      this.table[slot] = entry;
      this.hashes[slot] = entry.hash;
    }
  }

  private startOver(): void {
    this.hashes = new Int32Array(INITIAL_SLOTS);
    this.table = new Array<WordEntry | undefined>(INITIAL_SLOTS).fill(undefined);
    this.held = 0;
  }
}

/** The vocabulary of analyses that are not given one: one per process. */
export const sharedVocabulary = new Vocabulary();

// True when `word` is `text[start, end)` lower-cased (ASCII letters folded).
function spells(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let index = 0; index < word.length; index += 1) if (word.charCodeAt(index) !== lowerAscii(text.charCodeAt(start + index))) return false;
  return true;
}

function createEntry(word: string, hash: number): WordEntry {
  const terms = termsOfWords([word]);
  return { word, terms, keys: termKeys(terms), signs: wordSigns(word), hash };
}
