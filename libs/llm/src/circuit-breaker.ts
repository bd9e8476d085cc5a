import { LLM_ERROR_POLICIES, type LlmErrorKind } from '#libs/contracts';

/** `closed` lets calls through, `open` refuses them, `half-open` lets one probe through. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** How quickly a breaker opens and how long it stays open. */
export interface CircuitBreakerOptions {
  /** Consecutive provider failures (retryable kinds) that open the circuit. Default 5. */
  readonly failureThreshold?: number;
  /** How long the circuit stays open before a probe call is allowed. Default 30 s. */
  readonly openMs?: number;
  /** Clock in milliseconds; injected by tests. */
  readonly now?: () => number;
}

/**
 * Stops calling a provider that keeps failing, so a route falls back at once instead of
 * spending every attempt's timeout on an outage. Only provider-health failures count
 * (the retryable kinds: rate limits, overload, 5xx, timeouts, connection, garbage);
 * a caller's bad request or a missing model says nothing about the provider's health.
 *
 * State is per process: each worker learns about an outage from its own calls, which is
 * enough to shed load and needs no coordination.
 */
export class CircuitBreaker {
  readonly failureThreshold: number;
  readonly openMs: number;
  private readonly now: () => number;
  private consecutiveFailures = 0;
  private openedAt: number | undefined;
  private probeStartedAt: number | undefined;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 5;
    this.openMs = options.openMs ?? 30_000;
    this.now = options.now ?? Date.now;
    if (!(this.failureThreshold >= 1)) throw new RangeError('failureThreshold must be at least 1');
    if (!(this.openMs >= 0)) throw new RangeError('openMs must not be negative');
  }

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.openMs ? 'half-open' : 'open';
  }

  /**
   * Whether a call may go out now. In `half-open` it says yes once and then no until that
   * probe reports; a probe that never reports (its worker died) is given up after `openMs`.
   */
  canCall(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open') return false;
    const now = this.now();
    if (this.probeStartedAt !== undefined && now - this.probeStartedAt < this.openMs) return false;
    this.probeStartedAt = now;
    return true;
  }

  /** A call succeeded: the provider is healthy again. */
  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = undefined;
    this.probeStartedAt = undefined;
  }

  /** A call failed with this kind. Kinds that are not the provider's fault are ignored. */
  recordFailure(kind: LlmErrorKind): void {
    if (!LLM_ERROR_POLICIES[kind].retryable) {
      // The provider answered (e.g. 400 or 401), so a probe that got this far found it up.
      if (this.state === 'half-open' && this.probeStartedAt !== undefined && kind !== 'circuit-open') this.recordSuccess();
      return;
    }
    const state = this.state;
    if (state === 'half-open') {
      this.trip();
      return;
    }
    if (state === 'open') return; // late reports from calls started before it opened
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.failureThreshold) this.trip();
  }

  private trip(): void {
    this.openedAt = this.now();
    this.probeStartedAt = undefined;
    this.consecutiveFailures = 0;
  }
}
