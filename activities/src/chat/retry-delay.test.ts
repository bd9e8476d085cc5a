import { retryDelayMs } from './retry-delay.js';

const settings = { initialIntervalMs: 200, backoffCoefficient: 2, maximumIntervalMs: 5_000, maxRetryAfterMs: 30_000 };

test('backs off exponentially with jitter between half and the full interval', () => {
  expect(retryDelayMs(1, settings, undefined, () => 0)).toBe(100);
  expect(retryDelayMs(1, settings, undefined, () => 1)).toBe(200);
  expect(retryDelayMs(3, settings, undefined, () => 1)).toBe(800);
  expect(retryDelayMs(3, settings, undefined, () => 0)).toBe(400);
});

test('never exceeds the maximum interval', () => {
  expect(retryDelayMs(20, settings, undefined, () => 1)).toBe(5_000);
});

test('waits at least as long as Retry-After asked', () => {
  expect(retryDelayMs(1, settings, 3_000, () => 0.5)).toBe(3_000);
  expect(retryDelayMs(4, settings, 10, () => 1)).toBe(1_600);
});
