import { LruCache } from '../shared/lru-cache.js';
import { textHash } from './text-hash.js';

/** The default number of texts a counter remembers. */
export const DEFAULT_TOKEN_COUNT_CACHE_SIZE = 8192;

// Hashing a text this short costs about as much as counting it.
const MIN_CACHED_LENGTH = 24;

/**
 * Token counts by text hash, least recently used evicted first. Retrieved chunks, their
 * sentences, system prompts and earlier turns recur across requests, so their counts are
 * looked up instead of re-encoded.
 */
export class TokenCountCache {
  private readonly cache: LruCache<number>;

  constructor(maxEntries: number = DEFAULT_TOKEN_COUNT_CACHE_SIZE) {
    this.cache = new LruCache(maxEntries);
  }

  /** Entries held now. */
  get size(): number {
    return this.cache.size;
  }

  /** The cached count of `text`, or `compute(text)` stored for next time. */
  getOrCompute(text: string, compute: (text: string) => number): number {
    if (this.cache.maxEntries === 0 || text.length < MIN_CACHED_LENGTH) return compute(text);
    return this.cache.getOrCompute(textHash(text), () => compute(text));
  }
}
