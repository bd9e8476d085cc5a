/** Why a request did not use the cache at all. */
export type CacheBypassReason = 'cache-control' | 'request-flag' | 'route-not-cached' | 'streaming';

/** Why a semantically configured route did not search by meaning for this request. */
export type SemanticSkipReason = 'no-user-turn' | 'multi-turn' | 'tool-calling' | 'empty-question' | 'embedding-failed';

/** What a hit saved: the provider tokens and cost of the answer it replayed. */
export interface WireCacheSavings {
  readonly input_tokens: number | null;
  readonly output_tokens: number | null;
  readonly cost_usd: number;
}

/** `ballast.cache` of a response served from the cache. */
export interface WireCacheHit {
  readonly status: 'hit-exact' | 'hit-semantic';
  /** First 32 hex digits of the exact key (the request's own key, not the stored answer's on a semantic hit). */
  readonly key: string;
  /** Cosine similarity of the question to the cached one (semantic hits only). */
  readonly score?: number;
  /** The request that produced the cached answer. */
  readonly source_request_id: string;
  /** Its workflow (shared by identical requests), to find its trace in the Temporal UI. */
  readonly source_workflow_id: string;
  /** When the answer was admitted (ISO-8601). */
  readonly cached_at: string;
  readonly saved: WireCacheSavings;
}

/** `ballast.cache` of a response that ran the workflow after a lookup found nothing. */
export interface WireCacheMiss {
  readonly status: 'miss';
  readonly key: string;
  /**
   * True when this request made no provider call of its own: an identical request was already
   * running (in this process, or in another replica through the shared workflow id) and its
   * answer is returned.
   */
  readonly joined: boolean;
  /** Whether the answer entered the cache; false with `not_admitted` saying why. */
  readonly admitted: boolean;
  readonly not_admitted?: string;
  /** The best semantic candidate turned away, and why (below threshold candidates are not reported). */
  readonly rejected?: { readonly score: number; readonly reason: string };
  /** Set when the route caches by meaning but this request was looked up by exact key only. */
  readonly semantic_skipped?: SemanticSkipReason;
}

/** `ballast.cache` of a response that did not touch the cache. */
export interface WireCacheBypass {
  readonly status: 'bypass';
  readonly reason: CacheBypassReason;
}

/** `ballast.cache`: present in every chat completion response. */
export type WireCacheReport = WireCacheHit | WireCacheMiss | WireCacheBypass;
