import { MemoryRateLimiter, perMinuteRules } from '#libs/limits';
import { keyRateLimitBucket, keyRateLimits } from './key-rate-limits.js';
import { rateLimitExceeded } from './rate-limit-problems.js';

test("a key's own limits win; configured defaults fill the gaps; none means no rule", () => {
  expect(keyRateLimits({ keyLimits: { rpm: 2 } }, { rpm: 600, tpm: 90_000 })).toEqual({ rpm: 2, tpm: 90_000 });
  expect(keyRateLimits({ keyLimits: {} }, {})).toEqual({});
  expect(keyRateLimitBucket({ keyId: 'key_lineage' })).toBe('key:key_lineage');
});

test('a refusal is a 429 naming the used-up rule, with Retry-After and x-ratelimit headers', async () => {
  let now = 0;
  const limiter = new MemoryRateLimiter({ now: () => now });
  const rules = perMinuteRules({ rpm: 2, tpm: 10_000 }, 100);
  await limiter.take({ bucket: 'b', rules });
  await limiter.take({ bucket: 'b', rules });
  now = 1_000;
  const decision = await limiter.take({ bucket: 'b', rules });
  expect(decision.allowed).toBe(false);
  const error = rateLimitExceeded(decision, rules);
  expect(error.problem).toMatchObject({ status: 429, type: '/problems/rate-limit-exceeded', rule: 'requests', limit: 2, retry_after_ms: 29_000 });
  expect(error.problem.detail).toBe("This API key's limit of 2 requests per minute is used up; retry in 29s (see Retry-After).");
  expect(error.headers).toMatchObject({ 'retry-after': '29', 'x-ratelimit-limit-requests': '2', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-limit-tokens': '10000' });
});

test('a request larger than the whole token limit is told it can never pass, without Retry-After', async () => {
  const rules = perMinuteRules({ tpm: 1_000 }, 5_000);
  const decision = await new MemoryRateLimiter().take({ bucket: 'b', rules });
  const error = rateLimitExceeded(decision, rules);
  expect(error.problem).toMatchObject({ status: 429, type: '/problems/request-exceeds-rate-limit', rule: 'tokens', limit: 1_000, requested: 5_000 });
  expect(error.headers).not.toHaveProperty('retry-after');
  expect(error.headers['x-ratelimit-limit-tokens']).toBe('1000');
});
