import type { AlertsPolicy } from '#libs/observability';
import type { AlertsRepository, BudgetCaps, ReviewsRepository, SpendLedger, TraceAnalytics } from '#libs/store';

/** What the alert and review activities read and write. */
export interface ObservabilityDependencies {
  readonly analytics: TraceAnalytics;
  readonly alerts: AlertsRepository;
  readonly reviews: ReviewsRepository;
  readonly policy: AlertsPolicy;
  /** Spend per budget cap, for soft-limit alerts. */
  readonly ledger: Pick<SpendLedger, 'capStates'>;
  /** The configured caps whose soft limits are watched: the global one and each configured tenant's. */
  readonly watchedCaps: readonly { readonly tenantId?: string; readonly caps: BudgetCaps }[];
  /** Linked from notifications (a "Dashboard" button). */
  readonly dashboardUrl?: string;
  /** Weekly review: most groups per section and the fewest requests a ranked group needs. */
  readonly review: { readonly limit: number; readonly minRequests: number };
  /** Webhook requests; `fetch` by default (tests may count calls). */
  readonly fetch?: typeof fetch;
  /** Longest a webhook may take to answer. */
  readonly webhookTimeoutMs?: number;
}
