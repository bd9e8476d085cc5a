import type { JsonValue } from './canonical-json.js';

/** One admitted answer, as the cache stores it. */
export interface CacheEntry {
  readonly id: string;
  readonly tenantId: string;
  /** `exactCacheKey` of the request that produced it. */
  readonly exactKey: string;
  /** `semanticLookupKey(...).namespace`; undefined when the request was not semantically cacheable. */
  readonly namespace: string | undefined;
  /** The last user turn as keyed: what the question guard compares a new question with. */
  readonly question: string;
  /** The response to replay (content, usage, citations, …); opaque to the cache. */
  readonly answer: JsonValue;
  /** Documents the answer was grounded in: changing or deleting one invalidates the entry. */
  readonly sourceDocumentIds: readonly string[];
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Epoch milliseconds after which the entry is never served. */
  readonly expiresAt: number;
  /** Times it was served. */
  hits: number;
}

/** How `ballast.cache` reports what the cache did for a request. */
export type CacheOutcome =
  | { readonly status: 'hit-exact'; readonly entryId: string }
  | { readonly status: 'hit-semantic'; readonly entryId: string; readonly score: number }
  | { readonly status: 'miss'; readonly rejected?: { readonly entryId: string; readonly score: number; readonly reason: string } }
  | { readonly status: 'bypass'; readonly reason: string };
