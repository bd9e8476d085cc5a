import { EgressCapacityError } from './egress-capacity-error.js';
import { EgressLimiter } from './egress-limiter.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import { MemoryThrottleStore } from './throttle-store.js';

let nowMs: number;
let slept: number[];

function newLimiter(limits: ConstructorParameters<typeof EgressLimiter>[0]['limits']) {
  return new EgressLimiter({
    limiter: new MemoryRateLimiter({ now: () => nowMs }),
    throttles: new MemoryThrottleStore(),
    limits,
    now: () => nowMs,
    // A fake timer: records the wait and lets the clock advance by it.
    sleep: (ms) => {
      slept.push(ms);
      nowMs += ms;
      return Promise.resolve();
    },
  });
}

beforeEach(() => {
  nowMs = 2_000_000_000_000;
  slept = [];
});

test('at its limit a request waits for the next slot instead of failing, within its deadline', async () => {
  const limiter = newLimiter({ openai: { rpm: 60 } });
  const deadline = nowMs + 5_000;
  for (let index = 0; index < 60; index += 1) {
    await limiter.waitForCapacity({ provider: 'openai', deadline });
  }
  expect(slept).toEqual([]);
  const grants = [await limiter.waitForCapacity({ provider: 'openai', deadline }), await limiter.waitForCapacity({ provider: 'openai', deadline })];
  expect(grants.map((grant) => grant.waitedMs)).toEqual([1_000, 1_000]);
  expect(slept).toEqual([1_000, 1_000]);
});

test('a slot after the deadline is refused at once, with when capacity frees', async () => {
  const limiter = newLimiter({ openai: { rpm: 1 } });
  await limiter.waitForCapacity({ provider: 'openai', deadline: nowMs + 1_000 });
  const error = await limiter.waitForCapacity({ provider: 'openai', deadline: nowMs + 59_000 }).catch((caught: unknown) => caught);
  expect(EgressCapacityError.isInstance(error)).toBe(true);
  expect(error).toMatchObject({ provider: 'openai', retryAfterMs: 60_000, exceedsLimit: false, isRetryable: true });
  expect(slept).toEqual([]);
  // The refused request booked nothing: the next one still gets the slot at 60 s.
  expect(await limiter.waitForCapacity({ provider: 'openai', deadline: nowMs + 60_000 })).toMatchObject({ waitedMs: 60_000 });
});

test('tokens per minute count the estimated tokens; a request larger than the whole limit can never pass', async () => {
  const limiter = newLimiter({ anthropic: { tpm: 10_000 } });
  await limiter.waitForCapacity({ provider: 'anthropic', estimatedTokens: 8_000, deadline: nowMs + 1 });
  expect(await limiter.waitForCapacity({ provider: 'anthropic', estimatedTokens: 4_000, deadline: nowMs + 20_000 })).toMatchObject({ waitedMs: 12_000 });
  await expect(limiter.waitForCapacity({ provider: 'anthropic', estimatedTokens: 10_001, deadline: nowMs + 3_600_000 })).rejects.toMatchObject({ exceedsLimit: true });
});

test('after a 429 the provider is paused for its Retry-After, then runs at half rate', async () => {
  const limiter = newLimiter({ openai: { rpm: 60 } });
  await limiter.reportThrottled('openai', { retryAfterMs: 3_000 });
  await expect(limiter.waitForCapacity({ provider: 'openai', deadline: nowMs + 2_999 })).rejects.toMatchObject({ retryAfterMs: 3_000 });
  expect(await limiter.waitForCapacity({ provider: 'openai', deadline: nowMs + 3_000 })).toEqual({ provider: 'openai', waitedMs: 3_000, level: 0.5 });
  // Half of 60 per minute: a burst of 30 more, then one slot every 2 s instead of every 1 s.
  for (let index = 0; index < 30; index += 1) {
    await limiter.waitForCapacity({ provider: 'openai', deadline: nowMs });
  }
  expect(await limiter.waitForCapacity({ provider: 'openai', deadline: nowMs + 10_000 })).toMatchObject({ waitedMs: 2_000 });
  nowMs += 60_000;
  expect(await limiter.level('openai')).toBe(1);
});

test('a provider without configured limits is only held by its pauses', async () => {
  const limiter = newLimiter({});
  for (let index = 0; index < 1_000; index += 1) {
    await limiter.waitForCapacity({ provider: 'local', estimatedTokens: 1e9, deadline: nowMs });
  }
  await limiter.reportThrottled('local', { retryAfterMs: 500 });
  expect(await limiter.waitForCapacity({ provider: 'local', deadline: nowMs + 500 })).toMatchObject({ waitedMs: 500 });
});

test('an aborted wait rejects with the abort reason, and an already aborted request books nothing', async () => {
  // The default (real) timer: the abort must end the 60 s wait at once.
  const limiter = new EgressLimiter({ limiter: new MemoryRateLimiter({ now: () => nowMs }), throttles: new MemoryThrottleStore(), limits: { openai: { rpm: 1 } }, now: () => nowMs });
  await limiter.waitForCapacity({ provider: 'openai', deadline: nowMs });
  const controller = new AbortController();
  const waiting = limiter.waitForCapacity({ provider: 'openai', deadline: nowMs + 60_000, signal: controller.signal });
  controller.abort(new Error('client went away'));
  await expect(waiting).rejects.toThrow('client went away');

  const other = newLimiter({ openai: { rpm: 1 } });
  await expect(other.waitForCapacity({ provider: 'openai', deadline: nowMs, signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow('gone');
  expect(await other.waitForCapacity({ provider: 'openai', deadline: nowMs })).toMatchObject({ waitedMs: 0 });
});
