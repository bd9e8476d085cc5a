/** How an egress limit reacts to upstream 429s: multiplicative decrease, additive increase. */
export interface AdaptiveOptions {
  /** Factor applied to the current level on a 429 (default 0.5: halve the rate). */
  readonly decreaseFactor: number;
  /** Lowest level, as a fraction of the configured rate (default 0.05). */
  readonly minLevel: number;
  /** Level regained per recovery interval (default 0.1: 10% of the configured rate). */
  readonly recoveryStep: number;
  /** Default 10 s. */
  readonly recoveryIntervalMs: number;
  /**
   * 429s within this long after a cut do not cut again (default 5 s): the requests in flight
   * when the provider started refusing all come back 429 and would otherwise halve the rate
   * once each.
   */
  readonly cooldownMs: number;
}

/** Defaults of `AdaptiveOptions`. */
export const DEFAULT_ADAPTIVE_OPTIONS: AdaptiveOptions = { decreaseFactor: 0.5, minLevel: 0.05, recoveryStep: 0.1, recoveryIntervalMs: 10_000, cooldownMs: 5_000 };

/** An egress bucket's adaptive state; absent state means the full configured rate. */
export interface ThrottleState {
  /** Fraction (0–1] of the configured rate right after the last cut. */
  readonly level: number;
  /** Epoch ms of the last cut. */
  readonly cutAtMs: number;
  /** Epoch ms before which nothing is sent (the provider's Retry-After). */
  readonly pausedUntilMs: number;
}

/** The level in force at `nowMs`: the last cut's level plus the steps recovered since, at most 1. */
export function currentLevel(state: ThrottleState | undefined, nowMs: number, options: AdaptiveOptions = DEFAULT_ADAPTIVE_OPTIONS): number {
  if (state === undefined) {
    return 1;
  }
  const steps = Math.max(0, Math.floor((nowMs - state.cutAtMs) / options.recoveryIntervalMs));
  return Math.min(1, state.level + steps * options.recoveryStep);
}

/** The state after an upstream 429 at `nowMs`, which asked to wait `retryAfterMs` (if it said). */
export function cutLevel(state: ThrottleState | undefined, nowMs: number, retryAfterMs: number | undefined, options: AdaptiveOptions = DEFAULT_ADAPTIVE_OPTIONS): ThrottleState {
  const pausedUntilMs = Math.max(state?.pausedUntilMs ?? 0, nowMs + Math.max(0, retryAfterMs ?? 0));
  if (state !== undefined && nowMs - state.cutAtMs < options.cooldownMs) {
    return { ...state, pausedUntilMs };
  }
  return { level: Math.max(options.minLevel, currentLevel(state, nowMs, options) * options.decreaseFactor), cutAtMs: nowMs, pausedUntilMs };
}
