import type { RateLimitDecision, RateLimitRule } from '#libs/limits';
import { formatDuration, rateLimitHeaders } from '#libs/limits';
import { problem, ProblemError } from '../problems/problem-error.js';

const UNITS: Record<string, string> = { requests: 'requests', tokens: 'tokens' };

/**
 * The 429 of a refused take. A request bigger than a whole limit can never pass: it says so
 * and carries no Retry-After, so clients do not wait for nothing.
 */
export function rateLimitExceeded(decision: RateLimitDecision, rules: readonly RateLimitRule[]): ProblemError {
  const headers = rateLimitHeaders(decision);
  const tooLarge = rules.find((rule) => rule.amount > rule.limit);
  if (decision.exceedsLimit && tooLarge) {
    delete headers['retry-after'];
    delete headers['retry-after-ms'];
    return new ProblemError(
      problem(
        'request-exceeds-rate-limit',
        429,
        'Request Exceeds Rate Limit',
        `This request is estimated at ${tooLarge.amount} ${UNITS[tooLarge.name] ?? tooLarge.name}, more than this API key's whole limit of ${tooLarge.limit} per minute, so it can never pass. ` +
          'Lower max_tokens or shorten the messages, or ask an admin for a higher limit.',
        { rule: tooLarge.name, limit: tooLarge.limit, requested: tooLarge.amount },
      ),
      headers,
    );
  }
  const refusing = rules.find((rule) => rule.amount > (decision.rules.find((state) => state.name === rule.name)?.remaining ?? 0)) ?? rules[0];
  const what = refusing === undefined ? 'rate limit' : `limit of ${refusing.limit} ${UNITS[refusing.name] ?? refusing.name} per minute`;
  return new ProblemError(
    problem('rate-limit-exceeded', 429, 'Too Many Requests', `This API key's ${what} is used up; retry in ${formatDuration(decision.retryAfterMs)} (see Retry-After).`, {
      ...(refusing === undefined ? {} : { rule: refusing.name, limit: refusing.limit }),
      retry_after_ms: decision.retryAfterMs,
    }),
    headers,
  );
}
