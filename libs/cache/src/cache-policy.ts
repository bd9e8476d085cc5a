import { z } from 'zod';

/** Semantic-cache similarity threshold used when a route sets none. */
export const DEFAULT_SEMANTIC_THRESHOLD = 0.95;

/**
 * Per-route cache configuration (the `cache:` block of a route). Every field has a default, so
 * `{}` is exact caching only, for an hour, bounded at 100 000 entries.
 */
export const cachePolicySchema = z
  .object({
    /** Serve byte-identical requests (after key normalisation) from the cache. */
    exact: z.boolean().default(true),
    /** Also serve paraphrases whose embedding scores at or above `threshold` and pass the question guard. */
    semantic: z.boolean().default(false),
    /** Cosine similarity a semantic candidate must reach; 1 would accept only identical embeddings. */
    threshold: z.number().min(0).max(1).default(DEFAULT_SEMANTIC_THRESHOLD),
    /** How long an admitted answer may be served. */
    ttlSeconds: z.number().int().positive().default(3600),
    /** Most entries the cache keeps; past it the least recently used go first. */
    maxEntries: z.number().int().positive().default(100_000),
    /** Let requests with earlier user or assistant turns into the semantic cache. */
    semanticMultiTurn: z.boolean().default(false),
    /** Let requests that offer tools into the semantic cache. */
    semanticToolCalls: z.boolean().default(false),
    /**
     * Admit answers the simulator produced. Off by default, so a real request never replays a
     * fake answer; tests and benchmarks that run on the simulator turn it on.
     */
    admitSimulated: z.boolean().default(false),
  })
  .strict();

/** A route's cache configuration with every default filled in. */
export type CachePolicy = z.output<typeof cachePolicySchema>;
/** A route's cache configuration as written in config: every field optional. */
export type CachePolicyInput = z.input<typeof cachePolicySchema>;

/** Validates a route's cache block and fills the defaults; throws a ZodError naming the bad field. */
export function parseCachePolicy(input: unknown): CachePolicy {
  return cachePolicySchema.parse(input ?? {});
}
