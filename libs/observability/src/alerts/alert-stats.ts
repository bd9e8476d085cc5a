/**
 * What each rule kind is evaluated on, measured over the rule's scope (its `tenant` and `route`
 * filters) and over the periods `alertQueryWindows(rule, now)` gives. The caller produces these
 * from stored traces; evaluation itself reads nothing.
 */

/** Requests of one period and their p95 latency (nearest rank, see `percentile`); null when there were none. */
export interface LatencySample {
  readonly requests: number;
  readonly p95Ms: number | null;
}

export interface LatencyStats {
  readonly kind: 'latency';
  readonly window: LatencySample;
  /** The `baselineWindow` right before the window. */
  readonly baseline: LatencySample;
}

/** One tenant's spend in the window and in the baseline period before it. */
export interface TenantSpend {
  readonly tenant: string;
  readonly windowUsd: number;
  readonly baselineUsd: number;
}

export interface CostAnomalyStats {
  readonly kind: 'cost-anomaly';
  /**
   * Every tenant with spend in the window or the baseline, each once. A tenant left out counts as
   * having spent nothing; a rule with `tenant` set is evaluated for that tenant either way.
   */
  readonly tenants: readonly TenantSpend[];
}

export interface HallucinationStats {
  readonly kind: 'hallucination';
  readonly window: {
    /** Answers in the window that have a groundedness score. */
    readonly answers: number;
    /** Of those, answers scored below the rule's `below`. */
    readonly lowGroundedness: number;
  };
}

export interface ErrorRateStats {
  readonly kind: 'error-rate';
  readonly window: {
    readonly requests: number;
    /** Failed requests, of the rule's `errorTypes` when it sets them. */
    readonly errors: number;
  };
}

/** A budget cap in its current period (the ledger's cap state plus the soft-limit ratio). */
export interface BudgetCapUsage {
  /** `global-day`, `tenant-day`, `tenant-month`, `user-day`, `user-month`, `key-day` or `key-month`. */
  readonly scope: string;
  /** `*` (global), a tenant id, `tenant/user`, or a key's lineage id. */
  readonly subject: string;
  /** The tenant the cap belongs to (absent for the global cap); a rule's `tenant` filter reads it. */
  readonly tenant?: string | undefined;
  /** `YYYY-MM-DD` or `YYYY-MM` (UTC). */
  readonly period: string;
  readonly limitUsd: number;
  readonly spentUsd: number;
  /** Fraction of the limit whose crossing is alerted, e.g. 0.8. */
  readonly softLimitRatio: number;
}

export interface BudgetSoftLimitStats {
  readonly kind: 'budget-soft-limit';
  readonly caps: readonly BudgetCapUsage[];
}

export type AlertStats = LatencyStats | CostAnomalyStats | HallucinationStats | ErrorRateStats | BudgetSoftLimitStats;

/** The stats a rule of kind `K` is evaluated on. */
export type AlertStatsFor<K extends AlertStats['kind']> = Extract<AlertStats, { readonly kind: K }>;
