/**
 * Workflow id of a cacheable request: the same for identical requests of one tenant (the first
 * 32 hex digits of the exact key), so that with the `USE_EXISTING` conflict policy a request
 * arriving while an identical one runs — in any API replica — joins that workflow instead of
 * calling the provider again. A closed workflow does not block a new run (reuse is allowed).
 */
export function cacheWorkflowId(tenantId: string, exactKey: string): string {
  return `chat-cache-${tenantId}-${shortCacheKey(exactKey)}`;
}

/** The part of an exact key shown in `ballast.cache.key` and workflow ids. */
export function shortCacheKey(exactKey: string): string {
  return exactKey.slice(0, 32);
}
