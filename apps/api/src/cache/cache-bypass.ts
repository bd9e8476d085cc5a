import type { CacheBypassReason } from './cache-report.js';

/** Values of the request's `ballast.cache` option. */
export type CacheRequestFlag = 'bypass';

/**
 * Whether the caller opted out of the cache: `Cache-Control: no-cache` (answer fresh) or
 * `no-store` (keep nothing) — both bypass lookup and admission — or `ballast.cache: "bypass"` in
 * the body for clients that cannot set headers. Directives are matched case-insensitively as
 * whole tokens, so `no-cache="x"` counts and `max-age=0` does not.
 */
export function cacheBypassReason(cacheControl: string | undefined, flag: CacheRequestFlag | undefined): CacheBypassReason | undefined {
  if (flag === 'bypass') return 'request-flag';
  if (cacheControl === undefined) return undefined;
  const directives = cacheControl.split(',').map((directive) => directive.split('=')[0]?.trim().toLowerCase());
  return directives.some((directive) => directive === 'no-cache' || directive === 'no-store') ? 'cache-control' : undefined;
}
