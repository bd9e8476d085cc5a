import { evaluateGcra } from './gcra.js';
import type { RateLimitDecision, RateLimiter, RateLimitRequest } from './rate-limit-types.js';

/** Options of `MemoryRateLimiter`. */
export interface MemoryRateLimiterOptions {
  /** The clock in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** Buckets kept before idle ones (back to their full limit) are dropped (default 100,000). */
  readonly sweepAbove?: number;
}

const DEFAULT_SWEEP_ABOVE = 100_000;

/**
 * GCRA rate limits held in this process's memory: microseconds per check, no I/O. Limits hold
 * per process: with N API replicas a key gets up to N times its limit (use `SqlRateLimiter`
 * where that matters).
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Map<string, number>>();
  private readonly now: () => number;
  private sweepAbove: number;

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sweepAbove = options.sweepAbove ?? DEFAULT_SWEEP_ABOVE;
  }

  /** Synchronous at heart; a promise only to share the `RateLimiter` interface. */
  take(request: RateLimitRequest): Promise<RateLimitDecision> {
    return Promise.resolve(this.takeNow(request));
  }

  /** `take` without the promise, for callers on a hot path that know the limiter is in memory. */
  takeNow(request: RateLimitRequest): RateLimitDecision {
    const nowMs = this.now();
    const tats = this.buckets.get(request.bucket) ?? new Map<string, number>();
    const outcome = evaluateGcra(request, tats, nowMs);
    if (outcome.updates.length > 0) {
      for (const update of outcome.updates) {
        tats.set(update.name, update.tatMs);
      }
      this.buckets.set(request.bucket, tats);
      if (this.buckets.size > this.sweepAbove) {
        this.sweep(nowMs);
      }
    }
    return outcome.decision;
  }

  /** Drops buckets whose every rule is back to its full limit: they carry no information. */
  private sweep(nowMs: number): void {
    for (const [bucket, tats] of this.buckets) {
      if ([...tats.values()].every((tatMs) => tatMs <= nowMs)) {
        this.buckets.delete(bucket);
      }
    }
    // Still above the threshold: every bucket is busy. Raise it so the sweep stays amortised O(1).
    if (this.buckets.size > this.sweepAbove / 2) {
      this.sweepAbove = this.buckets.size * 2;
    }
  }
}
