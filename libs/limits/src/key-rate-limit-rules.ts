import type { RateLimitRule } from './rate-limit-types.js';

/** Per-minute limits of an API key (or a provider); an absent limit does not apply. */
export interface PerMinuteLimits {
  /** Requests per minute. */
  readonly rpm?: number;
  /** Tokens per minute. */
  readonly tpm?: number;
}

const MINUTE_MS = 60_000;

/**
 * The rules one request is counted against: 1 unit of `requests` (RPM) and its estimated
 * tokens (input + maximum output) of `tokens` (TPM).
 */
export function perMinuteRules(limits: PerMinuteLimits, estimatedTokens: number): RateLimitRule[] {
  const rules: RateLimitRule[] = [];
  if (limits.rpm !== undefined) {
    rules.push({ name: 'requests', limit: limits.rpm, periodMs: MINUTE_MS, amount: 1 });
  }
  if (limits.tpm !== undefined) {
    rules.push({ name: 'tokens', limit: limits.tpm, periodMs: MINUTE_MS, amount: estimatedTokens });
  }
  return rules;
}
