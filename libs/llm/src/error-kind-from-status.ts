import type { LlmErrorKind } from '#libs/contracts';

/**
 * The error kind an HTTP status means when nothing more specific is known.
 * Adapters refine it with the provider's error body (context length, content filter).
 */
export function errorKindFromStatus(status: number): LlmErrorKind {
  if (status === 429) return 'rate-limited';
  // 529 is Anthropic's "overloaded"; 503 is how most gateways say the same thing.
  if (status === 503 || status === 529) return 'overloaded';
  if (status === 408) return 'timeout';
  // A conflict (e.g. a concurrent request with the same idempotency key) clears on retry.
  if (status === 409) return 'server-error';
  if (status >= 500) return 'server-error';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status >= 400) return 'bad-request';
  // A non-error status reaching an error path means the response made no sense.
  return 'malformed-response';
}
