import { runOpenLoop } from '../bench/open-loop.js';
import { DEFAULT_MIX, mixKind } from '../bench/load-stack.js';

/** The open-loop generator behind `bench/load.ts` and `bench/soak.ts`: what it counts, not how fast anything is. */
describe('runOpenLoop', () => {
  it('offers rate × duration requests on schedule, each index once', async () => {
    const seen: number[] = [];
    const result = await runOpenLoop({ ratePerSecond: 200, durationMs: 250, maxInFlight: 100, send: async (index) => void seen.push(index) });
    expect(result.offered).toBe(50);
    expect(result.completed).toBe(50);
    expect(result.errors + result.dropped).toBe(0);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_unused, index) => index));
  });

  it('keeps sending while earlier requests are still open (open loop), and drops past maxInFlight', async () => {
    const release: Array<() => void> = [];
    const run = runOpenLoop({
      ratePerSecond: 100,
      durationMs: 200,
      maxInFlight: 5,
      send: () => new Promise<void>((resolveSend) => release.push(resolveSend)),
    });
    // Nothing answers until the schedule is over: a closed loop would have sent 5 and waited.
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    expect(release).toHaveLength(5);
    release.forEach((resolveSend) => resolveSend());
    const result = await run;
    expect(result.offered).toBe(20);
    expect(result.completed).toBe(5);
    expect(result.dropped).toBe(15);
  });

  it('measures latency from the due time, so a request the generator sent late is not reported fast', async () => {
    const result = await runOpenLoop({
      ratePerSecond: 50,
      durationMs: 100,
      maxInFlight: 10,
      send: async (index) => {
        if (index !== 0) return;
        // Request 0 blocks the generator for 60 ms (and fails, so only the others' latencies count):
        // request 1, due at 20 ms, leaves at about 60 ms and answers at once.
        const until = Date.now() + 60;
        while (Date.now() < until);
        throw new Error('blocked');
      },
    });
    expect(result.errors).toBe(1);
    expect(result.completed).toBe(4);
    expect(result.maxSendLagMs).toBeGreaterThanOrEqual(35);
    expect(Math.max(...result.latencies)).toBeGreaterThanOrEqual(35);
  });

  it('counts failures apart from answers, with their messages', async () => {
    const result = await runOpenLoop({
      ratePerSecond: 100,
      durationMs: 100,
      maxInFlight: 10,
      send: async (index) => {
        if (index % 2 === 1) throw new Error(`upstream said no to ${index % 4}`);
      },
    });
    expect(result.completed).toBe(5);
    expect(result.errors).toBe(5);
    expect(result.errorSamples.sort()).toEqual(['upstream said no to 1', 'upstream said no to 3']);
  });

  it('rejects a rate or duration that is not positive', async () => {
    await expect(runOpenLoop({ ratePerSecond: 0, durationMs: 100, maxInFlight: 1, send: async () => undefined })).rejects.toThrow(/positive rate/);
  });
});

describe('mixKind', () => {
  it('spreads the load mix evenly: about 30% RAG, 20% cache hits, 50% plain over any 100 requests', () => {
    for (const start of [0, 1000, 12_345]) {
      const kinds = Array.from({ length: 100 }, (_unused, offset) => mixKind(start + offset, DEFAULT_MIX));
      const share = (kind: string) => kinds.filter((value) => value === kind).length;
      expect(share('rag')).toBeGreaterThanOrEqual(28);
      expect(share('rag')).toBeLessThanOrEqual(32);
      expect(share('cached')).toBeGreaterThanOrEqual(18);
      expect(share('cached')).toBeLessThanOrEqual(22);
    }
  });
});
