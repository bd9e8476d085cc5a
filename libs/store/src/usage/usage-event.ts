/** Who made a call, to which model, and the tokens it used: what settling and usage share. */
export interface UsageAttribution {
  readonly tenantId: string;
  readonly userId?: string;
  readonly keyId?: string;
  readonly provider: string;
  readonly model: string;
  /** Undefined when the provider did not report it, never 0 for unknown. */
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  readonly cachedTokens?: number;
}

/** What one settled request attempt consumed. */
export interface UsageEvent extends UsageAttribution {
  readonly requestId: string;
  readonly attempt: number;
  /** Whole nano-dollars ($0.000000001). */
  readonly costNanos: number;
  /** ISO-8601 UTC. */
  readonly occurredAt: string;
  /** Set for a request answered from the response cache (cost 0). */
  readonly cache?: {
    readonly status: 'hit-exact' | 'hit-semantic';
    /** The cached answer's price and tokens: what serving it from the cache saved. */
    readonly savedCostNanos: number;
    readonly savedInputTokens?: number;
    readonly savedOutputTokens?: number;
  };
}
