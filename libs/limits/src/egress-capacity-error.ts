const MARKER = Symbol.for('ballast.limits.egress-capacity-error');

/** Facts of an egress request that cannot get provider capacity before its deadline. */
export interface EgressCapacityFacts {
  readonly provider: string;
  /** Milliseconds from the refusal until capacity for this request frees. */
  readonly retryAfterMs: number;
  /** The request's deadline, epoch ms. */
  readonly deadline: number;
  /** True when the request alone is larger than the provider's whole limit (e.g. tokens > TPM). */
  readonly exceedsLimit: boolean;
}

/**
 * The provider has no capacity for this request before its deadline; the router tries the
 * next target or answers 429/503 with `retryAfterMs`.
 */
export class EgressCapacityError extends Error {
  readonly [MARKER] = true;
  readonly provider: string;
  readonly retryAfterMs: number;
  readonly deadline: number;
  readonly exceedsLimit: boolean;
  /** Another target, or the same one later, may succeed. */
  readonly isRetryable = true;

  constructor(facts: EgressCapacityFacts) {
    super(
      facts.exceedsLimit
        ? `request exceeds ${facts.provider}'s whole rate limit`
        : `no ${facts.provider} capacity before the deadline: capacity frees in ${facts.retryAfterMs} ms`,
    );
    this.name = 'EgressCapacityError';
    this.provider = facts.provider;
    this.retryAfterMs = facts.retryAfterMs;
    this.deadline = facts.deadline;
    this.exceedsLimit = facts.exceedsLimit;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is EgressCapacityError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
