import { fnv1a } from '../shared/fnv1a.js';
import { mayHoldKey } from '../profile/key-filter.js';
import { VALUES } from '../profile/packed-integers.js';

/** A key as lookups take it, worked out once a request: its `fnv1a` hash, and what a packed key list (`EncodedAnalysis.keys`) is searched for. */
export interface KeyLookup {
  readonly key: string;
  readonly hash: number;
  readonly needle: string;
}

/** `key` ready for lookups. */
export function keyLookup(key: string): KeyLookup {
  return { key, hash: fnv1a(key), needle: ` ${key}:` };
}

/**
 * Where a chunk's keys occur: its terms and their prefixes (`termKeys`), which BM25 counts.
 * Scoring looks up only the query's keys, so a request never walks every key of every sentence.
 * Gathered in a map as analysis finds them (`collecting`, `add`), or read from a recorded
 * analysis' packed list one key at a time when asked for (`packed`). One class for both, so the
 * lookups compression makes for every chunk and query key see one kind of object.
 */
export class KeyOccurrences {
  private constructor(
    private readonly map: Map<string, number[]> | undefined,
    // ` key:<packed sentence, count, …>` for each key, and a Bloom filter over the keys (`key-filter.ts`).
    private readonly packed: string,
    private readonly filter: string,
  ) {}

  /** Empty, to be filled by `add`. */
  static collecting(): KeyOccurrences {
    return new KeyOccurrences(new Map(), '', '');
  }

  /** Read from a packed list (`EncodedAnalysis.keys`) and its filter. */
  static packed(packed: string, filter: string): KeyOccurrences {
    return new KeyOccurrences(undefined, packed, filter);
  }

  /** Counts one occurrence of `key` in `sentence` (sentences in ascending order); only while collecting. */
  add(sentence: number, key: string): void {
    const { map } = this;
    if (map === undefined) throw new Error('packed key occurrences are read-only');
    const found = map.get(key);
    if (found === undefined) map.set(key, [sentence, 1]);
    else if (found[found.length - 2] === sentence) found[found.length - 1] = (found[found.length - 1] ?? 0) + 1;
    else found.push(sentence, 1);
  }

  /** The sentences holding the key and how often, as `[sentence, count, sentence, count, …]` by sentence; undefined when none does. */
  find(lookup: KeyLookup): readonly number[] | undefined {
    if (this.map !== undefined) return this.map.get(lookup.key);
    if (!mayHoldKey(this.filter, lookup.hash)) return undefined;
    const at = this.packed.indexOf(lookup.needle);
    return at < 0 ? undefined : this.read(at + lookup.needle.length);
  }

  /** Every key with its occurrences, in the order the keys first occur. */
  *entries(): Iterable<readonly [string, readonly number[]]> {
    if (this.map !== undefined) {
      yield* this.map.entries();
      return;
    }
    let at = 0;
    while (at < this.packed.length) {
      const colon = this.packed.indexOf(':', at);
      if (colon < 0) throw new RangeError(`packed keys end without occurrences at ${at}`);
      yield [this.packed.slice(at + 1, colon), this.read(colon + 1)];
      const next = this.packed.indexOf(' ', colon);
      at = next < 0 ? this.packed.length : next;
    }
  }

  // The occurrences packed from `start` to the next space: a few characters, read in place.
  private read(start: number): number[] {
    const { packed } = this;
    const occurrences: number[] = [];
    let value = 0;
    let shift = 0;
    for (let index = start; index < packed.length; index += 1) {
      const code = packed.charCodeAt(index);
      if (code === SPACE) break;
      const digit = code < 128 ? VALUES[code] : -1;
      if (digit === undefined || digit < 0 || shift > MAX_SHIFT) throw new RangeError(`malformed key occurrences at ${index}`);
      value |= (digit & 31) << shift;
      if ((digit & 32) === 0) {
        occurrences.push(value);
        value = 0;
        shift = 0;
      } else shift += 5;
    }
    if (shift !== 0) throw new RangeError('key occurrences end inside a number');
    return occurrences;
  }
}

const SPACE = 0x20;
const MAX_SHIFT = 25;
