import type { RateLimitDecision } from './rate-limit-types.js';

/**
 * Response headers for a decision, in the form OpenAI clients read: per rule
 * `x-ratelimit-limit-<rule>`, `x-ratelimit-remaining-<rule>`, `x-ratelimit-reset-<rule>`
 * (a duration such as `850ms`, `12s`, `1m30s`), and on refusal `retry-after` (whole seconds,
 * at least 1) with `retry-after-ms`.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of decision.rules) {
    headers[`x-ratelimit-limit-${rule.name}`] = String(rule.limit);
    headers[`x-ratelimit-remaining-${rule.name}`] = String(rule.remaining);
    headers[`x-ratelimit-reset-${rule.name}`] = formatDuration(rule.resetMs);
  }
  if (!decision.allowed) {
    headers['retry-after'] = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    headers['retry-after-ms'] = String(decision.retryAfterMs);
  }
  return headers;
}

/** `850ms`, `12s`, `1.5s`, `1m30s`: milliseconds under a second, seconds under a minute, then minutes and seconds. */
export function formatDuration(milliseconds: number): string {
  const ms = Math.max(0, Math.ceil(milliseconds));
  if (ms < 1000) {
    return `${ms}ms`;
  }
  if (ms < 60_000) {
    return `${Number((ms / 1000).toFixed(3))}s`;
  }
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${Math.ceil((ms - minutes * 60_000) / 1000)}s`;
}
