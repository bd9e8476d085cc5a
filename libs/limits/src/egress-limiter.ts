import { setTimeout as delay } from 'node:timers/promises';
import { currentLevel, cutLevel, DEFAULT_ADAPTIVE_OPTIONS, type AdaptiveOptions, type ThrottleState } from './adaptive-level.js';
import { EgressCapacityError } from './egress-capacity-error.js';
import { perMinuteRules, type PerMinuteLimits } from './key-rate-limit-rules.js';
import type { RateLimiter, RateLimitRule } from './rate-limit-types.js';
import type { ThrottleStore } from './throttle-store.js';

/** Options of `EgressLimiter`. */
export interface EgressLimiterOptions {
  /** Where GCRA state lives: `SqlRateLimiter` for limits global across workers. */
  readonly limiter: RateLimiter;
  /** Where adaptive state lives: `SqlThrottleStore` so one worker's 429 slows every worker. */
  readonly throttles: ThrottleStore;
  /** Configured RPM/TPM per provider; a provider not listed is limited only by its Retry-After pauses. */
  readonly limits: Readonly<Record<string, PerMinuteLimits>>;
  readonly adaptive?: Partial<AdaptiveOptions>;
  /** Epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** Waits `ms` (default a timer); rejects when `signal` aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** One outgoing call to ask capacity for. */
export interface EgressRequest {
  readonly provider: string;
  /** Input + maximum output tokens, counted against the provider's TPM (default 0). */
  readonly estimatedTokens?: number;
  /** Epoch ms: the route's deadline; capacity later than this is refused at once. */
  readonly deadline: number;
  readonly signal?: AbortSignal;
}

/** Capacity granted: the call may go now. */
export interface EgressGrant {
  readonly provider: string;
  /** How long the request waited for capacity. */
  readonly waitedMs: number;
  /** Fraction of the configured rate in force (below 1 after upstream 429s). */
  readonly level: number;
}

/**
 * Provider egress limits: RPM/TPM per provider, adaptive when the provider answers 429, and
 * waiting instead of failing. A request books the next slot the limit allows (GCRA with a
 * delay) and sleeps until it; slots are handed out in booking order, with no polling. A slot
 * that would come after the request's deadline is refused at once rather than at the deadline:
 * the wait is known exactly, and the time left is better spent on a fallback target. A request
 * aborted while it waits leaves its slot unused (the capacity returns within one period).
 */
export class EgressLimiter {
  private readonly adaptive: AdaptiveOptions;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: EgressLimiterOptions) {
    this.adaptive = { ...DEFAULT_ADAPTIVE_OPTIONS, ...options.adaptive };
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleepUnlessAborted;
  }

  /** Resolves when the call may go; rejects with EgressCapacityError when no slot frees before the deadline. */
  async waitForCapacity(request: EgressRequest): Promise<EgressGrant> {
    request.signal?.throwIfAborted();
    const nowMs = this.now();
    const throttle = await this.options.throttles.read(bucketOf(request.provider));
    const level = currentLevel(throttle, nowMs, this.adaptive);
    // The call may go once the provider's pause is over and its booked slot has come.
    const pauseMs = Math.max(0, (throttle?.pausedUntilMs ?? 0) - nowMs);
    const budgetMs = request.deadline - nowMs;
    if (pauseMs > budgetMs) {
      throw new EgressCapacityError({ provider: request.provider, retryAfterMs: pauseMs, deadline: request.deadline, exceedsLimit: false });
    }
    const rules = this.rulesAt(request, level);
    let waitMs = pauseMs;
    if (rules.length > 0) {
      const decision = await this.options.limiter.take({ bucket: bucketOf(request.provider), rules, maxDelayMs: budgetMs });
      if (!decision.allowed) {
        throw new EgressCapacityError({ provider: request.provider, retryAfterMs: Math.max(pauseMs, decision.retryAfterMs), deadline: request.deadline, exceedsLimit: decision.exceedsLimit });
      }
      waitMs = Math.max(pauseMs, decision.delayMs);
    }
    if (waitMs > 0) {
      await this.sleep(waitMs, request.signal);
    }
    return { provider: request.provider, waitedMs: waitMs, level };
  }

  /** Records an upstream 429: halves the provider's rate (once per cooldown) and pauses it for `retryAfterMs`. */
  async reportThrottled(provider: string, options: { readonly retryAfterMs?: number } = {}): Promise<ThrottleState> {
    const nowMs = this.now();
    return this.options.throttles.update(bucketOf(provider), (current) => cutLevel(current, nowMs, options.retryAfterMs, this.adaptive));
  }

  /** The fraction of the configured rate now in force for `provider`. */
  async level(provider: string): Promise<number> {
    return currentLevel(await this.options.throttles.read(bucketOf(provider)), this.now(), this.adaptive);
  }

  /**
   * The provider's rules scaled to `level`. A scaled limit never goes below the request's own
   * size (up to the configured limit), so a large request still fits, at the reduced average rate.
   */
  private rulesAt(request: EgressRequest, level: number): RateLimitRule[] {
    const configured = this.options.limits[request.provider] ?? {};
    return perMinuteRules(configured, request.estimatedTokens ?? 0).map((rule) => ({ ...rule, limit: Math.max(rule.limit * level, Math.min(rule.amount, rule.limit)) }));
  }
}

/** A timer that rejects with the signal's own reason (not a generic AbortError) when aborted. */
async function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, signal === undefined ? {} : { signal });
  } catch (error) {
    throw signal?.aborted === true ? signal.reason : error;
  }
}

function bucketOf(provider: string): string {
  return `egress:${provider}`;
}
