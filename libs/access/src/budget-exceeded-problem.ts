import type { CapScopeKind, CapState } from '#libs/store';

/**
 * HTTP status of a refused budget: 402 Payment Required, not OpenAI's 429. A budget frees up
 * only when its period ends (hours away) or an admin raises it, and OpenAI's SDKs retry every
 * 429 with backoff, so a 429 would send each refused request several more times for nothing.
 * The body still carries OpenAI's `insufficient_quota` code so clients that check it work.
 */
export const BUDGET_EXCEEDED_STATUS = 402;

/** The problem+json body of a request refused by a budget cap (RFC 9457, plus OpenAI's `error`). */
export interface BudgetExceededProblem {
  readonly type: '/problems/budget-exceeded';
  readonly title: 'Budget Exceeded';
  readonly status: typeof BUDGET_EXCEEDED_STATUS;
  readonly detail: string;
  /** The cap that refused, in the API's snake_case. */
  readonly cap: {
    readonly scope: CapScopeKind;
    /** `*` (global), a tenant id, `tenant/user`, or a key's lineage id. */
    readonly subject: string;
    /** `YYYY-MM-DD` or `YYYY-MM`, UTC. */
    readonly period: string;
    readonly limit_usd: number;
    readonly spent_usd: number;
    /** Held by requests still running. */
    readonly reserved_usd: number;
    readonly remaining_usd: number;
    /** ISO-8601 UTC instant the cap starts again from zero. */
    readonly resets_at: string;
  };
  /** What this request would have needed to hold (its worst-case cost), when known. */
  readonly requested_usd?: number;
  readonly error: { readonly message: string; readonly type: 'insufficient_quota'; readonly code: 'insufficient_quota' };
  readonly [extension: string]: unknown;
}

const SCOPE_WORDS: Record<CapScopeKind, string> = {
  'global-day': 'global daily',
  'tenant-day': 'daily tenant',
  'tenant-month': 'monthly tenant',
  'user-day': 'daily user',
  'user-month': 'monthly user',
  'key-day': 'daily API key',
  'key-month': 'monthly API key',
};

/**
 * The problem body for a reservation `SpendLedger.reserve` refused on `cap`: which cap, its
 * limit, spend and remainder, and when it resets. The API sends it as it is
 * (`new ProblemError(budgetExceededProblem(cap))`).
 */
export function budgetExceededProblem(cap: CapState, options: { readonly requestedUsd?: number } = {}): BudgetExceededProblem {
  const needs = options.requestedUsd === undefined ? '' : ` This request needs up to ${usd(options.requestedUsd)}.`;
  const detail =
    `The ${SCOPE_WORDS[cap.scope]} budget of ${usd(cap.limitUsd)} for ${cap.subject} (period ${cap.period}) has ${usd(cap.remainingUsd)} left ` +
    `(${usd(cap.spentUsd)} spent, ${usd(cap.reservedUsd)} held by running requests).${needs} It resets at ${cap.resetsAt}; an admin can raise it.`;
  return {
    type: '/problems/budget-exceeded',
    title: 'Budget Exceeded',
    status: BUDGET_EXCEEDED_STATUS,
    detail,
    cap: {
      scope: cap.scope,
      subject: cap.subject,
      period: cap.period,
      limit_usd: cap.limitUsd,
      spent_usd: cap.spentUsd,
      reserved_usd: cap.reservedUsd,
      remaining_usd: cap.remainingUsd,
      resets_at: cap.resetsAt,
    },
    ...(options.requestedUsd === undefined ? {} : { requested_usd: options.requestedUsd }),
    error: { message: detail, type: 'insufficient_quota', code: 'insufficient_quota' },
  };
}

/** Dollars as people read them: cents for amounts from a dollar up, more digits below. */
function usd(amount: number): string {
  return amount >= 1 || amount === 0 ? `$${amount.toFixed(2)}` : `$${Number(amount.toPrecision(3))}`;
}
