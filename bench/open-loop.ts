import { performance } from 'node:perf_hooks';

/** One open-loop run: requests leave on a fixed schedule whether or not earlier ones have answered. */
export interface OpenLoopOptions {
  /** Requests offered per second. */
  readonly ratePerSecond: number;
  readonly durationMs: number;
  /**
   * Most requests in flight at once. A request due while this many are open is not sent and is
   * counted as `dropped`, so an overloaded target shows as drops instead of an unbounded queue
   * in the generator.
   */
  readonly maxInFlight: number;
  /** Sends request `index`; resolves when its full answer is in, rejects on any error. */
  readonly send: (index: number) => Promise<void>;
}

/** What an open-loop run measured. */
export interface OpenLoopResult {
  readonly ratePerSecond: number;
  /** Requests the schedule called for. */
  readonly offered: number;
  readonly completed: number;
  readonly errors: number;
  readonly dropped: number;
  /**
   * Latency of each successful request from the moment it was due, ms. Measuring from the due
   * time rather than the send time keeps a stalled generator from hiding queueing (coordinated omission).
   */
  readonly latencies: number[];
  /** Up to five distinct error messages, for the report. */
  readonly errorSamples: string[];
  /** Successful requests per second, over the schedule's duration or until the last answer, whichever is longer. */
  readonly achievedPerSecond: number;
  /** Worst lateness of a send against its due time, ms: how far the generator itself fell behind. */
  readonly maxSendLagMs: number;
}

/** The generator wakes this often and sends every request that has fallen due. */
const TICK_MS = 2;

/** Runs the schedule, waits for every sent request to end, and returns what happened. */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { ratePerSecond, durationMs, maxInFlight, send } = options;
  if (!(ratePerSecond > 0) || !(durationMs > 0)) throw new Error(`open loop needs a positive rate and duration, not ${ratePerSecond}/s for ${durationMs} ms`);
  const offered = Math.max(1, Math.round((ratePerSecond * durationMs) / 1000));
  const intervalMs = 1000 / ratePerSecond;
  const latencies: number[] = [];
  const errorSamples = new Set<string>();
  const pending = new Set<Promise<void>>();
  let errors = 0;
  let dropped = 0;
  let maxSendLagMs = 0;
  let lastEnd = 0;
  const startedAt = performance.now();

  const launch = (index: number, dueAt: number) => {
    if (pending.size >= maxInFlight) {
      dropped += 1;
      return;
    }
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - dueAt);
    const request = send(index).then(
      () => {
        const endedAt = performance.now();
        latencies.push(endedAt - dueAt);
        lastEnd = Math.max(lastEnd, endedAt);
      },
      (error: unknown) => {
        errors += 1;
        if (errorSamples.size < 5) errorSamples.add(error instanceof Error ? error.message : String(error));
      },
    );
    pending.add(request);
    void request.finally(() => pending.delete(request));
  };

  let next = 0;
  while (next < offered) {
    const now = performance.now();
    while (next < offered && startedAt + next * intervalMs <= now) {
      launch(next, startedAt + next * intervalMs);
      next += 1;
    }
    if (next < offered) await new Promise((resolveTick) => setTimeout(resolveTick, Math.min(TICK_MS, Math.max(0, startedAt + next * intervalMs - performance.now()))));
  }
  while (pending.size > 0) await Promise.race(pending);

  const elapsedMs = Math.max(durationMs, lastEnd - startedAt);
  return {
    ratePerSecond,
    offered,
    completed: latencies.length,
    errors,
    dropped,
    latencies,
    errorSamples: [...errorSamples],
    achievedPerSecond: (latencies.length * 1000) / elapsedMs,
    maxSendLagMs,
  };
}
