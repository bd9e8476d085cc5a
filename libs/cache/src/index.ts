export { canonicalJson, type JsonValue } from './canonical-json.js';
export {
  CACHE_KEY_SCHEMA_VERSION,
  normalizeMessageContent,
  type CacheKeyInput,
  type CacheKeyRetrieval,
  type CacheKeySettings,
  type CollectionVersion,
} from './cache-key-input.js';
export { exactCacheKey } from './exact-cache-key.js';
export {
  isSemanticallyCacheable,
  semanticLookupKey,
  type SemanticBypassReason,
  type SemanticCacheability,
  type SemanticCacheabilityOptions,
  type SemanticLookupKey,
} from './semantic-fingerprint.js';

export { guardQuestions, type QuestionGuardOptions, type QuestionGuardReason, type QuestionGuardVerdict } from './question-guard.js';
export { profileQuestion, type QuestionProfile } from './guard/question-profile.js';

export { SemanticIndex, type SemanticIndexOptions, type SemanticMatch, type SemanticSearchOptions } from './semantic-index.js';

export { cachePolicySchema, DEFAULT_SEMANTIC_THRESHOLD, parseCachePolicy, type CachePolicy, type CachePolicyInput } from './cache-policy.js';
export type { CacheEntry, CacheOutcome } from './cache-entry.js';
export { decideAdmission, type AdmissionCandidate, type AdmissionDecision } from './admission.js';
export { LruTtlCache, type EvictionReason, type LruTtlCacheOptions } from './lru-ttl-cache.js';
export { SingleFlight } from './single-flight.js';
export { ResponseCache, type CacheAdmission, type CacheLookup, type CacheLookupResult, type ResponseCacheOptions } from './response-cache.js';

export {
  evaluateAtThreshold,
  isHeldOut,
  parseCachePairs,
  scoreCachePairs,
  similaritySpread,
  type CachePair,
  type ScoredPair,
  type ThresholdResult,
} from './evaluate-cache-pairs.js';
