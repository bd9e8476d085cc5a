import { randomUUID } from 'node:crypto';
import { EgressLimiter } from '../egress-limiter.js';
import { rateLimitHeaders } from '../rate-limit-headers.js';
import type { RateLimiter, RateLimitRule } from '../rate-limit-types.js';
import type { ThrottleStore } from '../throttle-store.js';

/** Limiter and throttle state opened on one backend; `close` releases what `open` took. */
export interface OpenedRateLimitBackend {
  readonly limiter: RateLimiter;
  readonly throttles: ThrottleStore;
  /** A second limiter and throttle store over the same state: another replica or worker. */
  readonly peer: { readonly limiter: RateLimiter; readonly throttles: ThrottleStore };
  close(): Promise<void>;
}

/** One place rate-limit state can live. */
export interface RateLimitBackend {
  readonly name: string;
  /** Opens the backend with the given clock (epoch ms). */
  readonly open: (now: () => number) => Promise<OpenedRateLimitBackend>;
}

const MINUTE_MS = 60_000;
const requests = (limit: number, amount = 1): RateLimitRule => ({ name: 'requests', limit, periodMs: MINUTE_MS, amount });
const tokens = (limit: number, amount: number): RateLimitRule => ({ name: 'tokens', limit, periodMs: MINUTE_MS, amount });

/**
 * The behaviour every `RateLimiter` (and `ThrottleStore`) must show, whatever holds its state:
 * the same GCRA decisions in memory, on SQLite and on Postgres.
 */
export function runRateLimiterContract(backend: RateLimitBackend): void {
  describe(`rate limiter contract: ${backend.name}`, () => {
    let nowMs: number;
    let opened: OpenedRateLimitBackend;

    beforeEach(async () => {
      nowMs = 1_900_000_000_000;
      opened = await backend.open(() => nowMs);
    });
    afterEach(async () => {
      await opened.close();
    });

    const bucket = () => `key:${randomUUID()}`;

    test('a burst up to the limit is admitted, the next request is refused with the wait until a slot frees', async () => {
      const key = bucket();
      const remaining: number[] = [];
      for (let index = 0; index < 10; index += 1) {
        const decision = await opened.limiter.take({ bucket: key, rules: [requests(10)] });
        expect(decision.allowed).toBe(true);
        remaining.push(decision.remaining);
      }
      expect(remaining).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
      const refused = await opened.limiter.take({ bucket: key, rules: [requests(10)] });
      expect(refused).toMatchObject({ allowed: false, retryAfterMs: 6_000, limit: 10, remaining: 0, resetMs: MINUTE_MS, exceedsLimit: false });
      expect(rateLimitHeaders(refused)).toEqual({
        'x-ratelimit-limit-requests': '10',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '1m0s',
        'retry-after': '6',
        'retry-after-ms': '6000',
      });

      nowMs += 5_999;
      expect((await opened.limiter.take({ bucket: key, rules: [requests(10)] })).allowed).toBe(false);
      nowMs += 1;
      expect(await opened.limiter.take({ bucket: key, rules: [requests(10)] })).toMatchObject({ allowed: true, remaining: 0 });
      nowMs += 30_000;
      expect(await opened.limiter.take({ bucket: key, rules: [requests(10)] })).toMatchObject({ allowed: true, remaining: 4, resetMs: 36_000 });
    });

    test('limits that do not divide the period exactly still admit their full count', async () => {
      const key = bucket();
      const decisions = [];
      for (let index = 0; index < 8; index += 1) {
        decisions.push((await opened.limiter.take({ bucket: key, rules: [requests(7)] })).allowed);
      }
      expect(decisions).toEqual([true, true, true, true, true, true, true, false]);
    });

    test('requests and tokens are charged together or not at all', async () => {
      const key = bucket();
      expect(await opened.limiter.take({ bucket: key, rules: [requests(100), tokens(1_000, 800)] })).toMatchObject({ allowed: true });
      const refused = await opened.limiter.take({ bucket: key, rules: [requests(100), tokens(1_000, 300)] });
      expect(refused).toMatchObject({ allowed: false, limit: 1_000, remaining: 200, retryAfterMs: 6_000 });
      expect(refused.rules).toEqual([
        { name: 'requests', limit: 100, remaining: 99, resetMs: 600 },
        { name: 'tokens', limit: 1_000, remaining: 200, resetMs: 48_000 },
      ]);
      // The refused request took no request slot: 99 remain after the next admitted one.
      expect((await opened.limiter.take({ bucket: key, rules: [requests(100), tokens(1_000, 100)] })).rules[0]).toMatchObject({ remaining: 98 });
      expect(await opened.limiter.take({ bucket: key, rules: [requests(100), tokens(1_000, 1_001)] })).toMatchObject({ allowed: false, exceedsLimit: true });
    });

    test('a caller willing to wait books the next slots in order', async () => {
      const key = bucket();
      const delays = [];
      for (let index = 0; index < 4; index += 1) {
        const decision = await opened.limiter.take({ bucket: key, rules: [requests(2)], maxDelayMs: MINUTE_MS });
        expect(decision.allowed).toBe(true);
        delays.push(decision.delayMs);
      }
      expect(delays).toEqual([0, 0, 30_000, 60_000]);
      expect(await opened.limiter.take({ bucket: key, rules: [requests(2)], maxDelayMs: MINUTE_MS })).toMatchObject({ allowed: false, retryAfterMs: 90_000 });
    });

    test('buckets are independent, and another replica sees the same state', async () => {
      const first = bucket();
      const second = bucket();
      expect((await opened.limiter.take({ bucket: first, rules: [requests(1)] })).allowed).toBe(true);
      expect((await opened.limiter.take({ bucket: second, rules: [requests(1)] })).allowed).toBe(true);
      expect((await opened.peer.limiter.take({ bucket: first, rules: [requests(1)] })).allowed).toBe(false);
    });

    test('100 concurrent requests on a limit of 10 admit exactly 10', async () => {
      const key = bucket();
      const decisions = await Promise.all(
        Array.from({ length: 100 }, (_, index) => (index % 2 === 0 ? opened.limiter : opened.peer.limiter).take({ bucket: key, rules: [requests(10), tokens(1_000_000, 10)] })),
      );
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    });

    test('egress: workers share the provider limit, and one worker’s 429 slows them all', async () => {
      const provider = `provider-${randomUUID()}`;
      const slept: number[] = [];
      const worker = (state: { readonly limiter: RateLimiter; readonly throttles: ThrottleStore }) =>
        new EgressLimiter({
          ...state,
          limits: { [provider]: { rpm: 4 } },
          now: () => nowMs,
          sleep: (ms) => {
            slept.push(ms);
            return Promise.resolve();
          },
        });
      const [one, two] = [worker(opened), worker(opened.peer)];
      const deadline = () => nowMs + 1_000;
      await Promise.all([one, two, one, two].map((limiter) => limiter.waitForCapacity({ provider, deadline: deadline() })));
      expect(slept).toEqual([]);
      await expect(two.waitForCapacity({ provider, deadline: deadline() })).rejects.toMatchObject({ provider, retryAfterMs: 15_000 });

      nowMs += MINUTE_MS;
      expect(await one.reportThrottled(provider, { retryAfterMs: 2_000 })).toMatchObject({ level: 0.5, pausedUntilMs: nowMs + 2_000 });
      expect(await two.level(provider)).toBe(0.5);
      // Paused by the Retry-After, then at half the rate: 2 per minute.
      const grant = await two.waitForCapacity({ provider, deadline: nowMs + 10_000 });
      expect(grant).toEqual({ provider, waitedMs: 2_000, level: 0.5 });
      await one.waitForCapacity({ provider, deadline: nowMs + 10_000 });
      await expect(two.waitForCapacity({ provider, deadline: nowMs + 10_000 })).rejects.toMatchObject({ retryAfterMs: 30_000 });
    });
  });
}
