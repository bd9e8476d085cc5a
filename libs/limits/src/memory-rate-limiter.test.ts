import { MemoryRateLimiter } from './memory-rate-limiter.js';

test('idle buckets are forgotten, busy ones are kept with their state', () => {
  let nowMs = 0;
  const limiter = new MemoryRateLimiter({ now: () => nowMs, sweepAbove: 10 });
  const take = (bucket: string) => limiter.takeNow({ bucket, rules: [{ name: 'requests', limit: 1, periodMs: 1_000, amount: 1 }] });
  for (let index = 0; index < 10; index += 1) {
    take(`idle-${index}`);
  }
  nowMs = 1_000;
  take('busy');
  // The eleventh bucket triggered a sweep: the ten idle ones are gone, so they admit again...
  expect(take('idle-0').allowed).toBe(true);
  // ...while the busy one remembers its request.
  expect(take('busy')).toMatchObject({ allowed: false, retryAfterMs: 1_000 });
});

test('a rule with no limit is a programming error, not an open door', () => {
  const limiter = new MemoryRateLimiter();
  expect(() => limiter.takeNow({ bucket: 'b', rules: [{ name: 'requests', limit: 0, periodMs: 1_000, amount: 1 }] })).toThrow(RangeError);
});

test('a request with no rules is admitted', () => {
  expect(new MemoryRateLimiter().takeNow({ bucket: 'b', rules: [] })).toMatchObject({ allowed: true, delayMs: 0 });
});
