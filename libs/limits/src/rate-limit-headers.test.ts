import { formatDuration, rateLimitHeaders } from './rate-limit-headers.js';

test('durations read the way OpenAI clients parse them', () => {
  expect([0, 0.2, 850, 1_000, 1_500, 59_999, 60_000, 90_000, 61_001].map(formatDuration)).toEqual(['0ms', '1ms', '850ms', '1s', '1.5s', '59.999s', '1m0s', '1m30s', '1m2s']);
});

test('an admitted request gets per-rule headers and no Retry-After', () => {
  const headers = rateLimitHeaders({
    allowed: true,
    delayMs: 0,
    retryAfterMs: 0,
    exceedsLimit: false,
    limit: 60,
    remaining: 59,
    resetMs: 1_000,
    rules: [
      { name: 'requests', limit: 60, remaining: 59, resetMs: 1_000 },
      { name: 'tokens', limit: 90_000, remaining: 88_500, resetMs: 1_000 },
    ],
  });
  expect(headers).toEqual({
    'x-ratelimit-limit-requests': '60',
    'x-ratelimit-remaining-requests': '59',
    'x-ratelimit-reset-requests': '1s',
    'x-ratelimit-limit-tokens': '90000',
    'x-ratelimit-remaining-tokens': '88500',
    'x-ratelimit-reset-tokens': '1s',
  });
});

test('Retry-After is whole seconds, at least one, with the exact milliseconds beside it', () => {
  const refused = { allowed: false, delayMs: 0, retryAfterMs: 120, exceedsLimit: false, limit: 1, remaining: 0, resetMs: 120, rules: [] };
  expect(rateLimitHeaders(refused)).toEqual({ 'retry-after': '1', 'retry-after-ms': '120' });
  expect(rateLimitHeaders({ ...refused, retryAfterMs: 1_001 })['retry-after']).toBe('2');
});
