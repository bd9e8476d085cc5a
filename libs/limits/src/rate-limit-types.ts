/** One limit a request is counted against: `limit` units per `periodMs`. */
export interface RateLimitRule {
  /** e.g. `requests` or `tokens`; names the rule in decisions and headers. */
  readonly name: string;
  /** Units allowed per period; also the largest burst. */
  readonly limit: number;
  /** Length of the period (60,000 for per-minute limits). */
  readonly periodMs: number;
  /** Units this request uses (1 request; its estimated tokens). */
  readonly amount: number;
}

/** What `RateLimiter.take` is asked. */
export interface RateLimitRequest {
  /** Whose capacity: e.g. `key:<lineage id>` or `egress:openai`. */
  readonly bucket: string;
  /** Every rule must admit the request, or none is charged. */
  readonly rules: readonly RateLimitRule[];
  /**
   * How long the caller is willing to wait: capacity that frees within this many milliseconds
   * is booked now and `delayMs` says when to go (default 0: admit now or refuse).
   */
  readonly maxDelayMs?: number;
}

/** A rule's position after a decision, for `x-ratelimit-*` headers. */
export interface RuleState {
  readonly name: string;
  readonly limit: number;
  /** Units still available now (0 while the request waits for a booked slot). */
  readonly remaining: number;
  /** Milliseconds until the rule is back to its full limit. */
  readonly resetMs: number;
}

/** The answer to one `take`. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** When allowed: milliseconds to wait before going (0 unless a slot was booked ahead). */
  readonly delayMs: number;
  /** When refused: milliseconds until the same request would be admitted (the `Retry-After`). */
  readonly retryAfterMs: number;
  /** True when the request asks more units of some rule than its whole limit: it can never pass. */
  readonly exceedsLimit: boolean;
  /** Limit, remaining and reset of the most constraining rule (the one headers summarise). */
  readonly limit: number;
  readonly remaining: number;
  readonly resetMs: number;
  /** Every rule's state, in request order. */
  readonly rules: readonly RuleState[];
}

/** A rate limiter: in memory for one process, or shared through the store across processes. */
export interface RateLimiter {
  /** Charges the request against every rule of its bucket if all admit it, atomically. */
  take(request: RateLimitRequest): Promise<RateLimitDecision>;
}
