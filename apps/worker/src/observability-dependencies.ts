import type { ObservabilityDependencies } from '#activities';
import type { ResolvedConfig } from '#libs/config';
import type { RagRuntime } from '#libs/rag-runtime';

/** The alert and review activities' dependencies from the configuration and the stores. */
export function observabilityDependenciesFor(config: ResolvedConfig, rag: RagRuntime): ObservabilityDependencies {
  const { budgets, observability } = config;
  const softLimitRatio = budgets.softLimitRatio;
  return {
    analytics: rag.traceAnalytics,
    alerts: rag.alerts,
    reviews: rag.reviews,
    policy: observability.alerts,
    ledger: rag.ledger,
    watchedCaps: [
      ...(budgets.globalDailyUsd === undefined ? [] : [{ caps: { globalDailyUsd: budgets.globalDailyUsd, softLimitRatio } }]),
      ...Object.entries(budgets.tenants).map(([tenantId, amounts]) => ({
        tenantId,
        caps: {
          ...(amounts.dailyUsd === undefined ? {} : { tenantDailyUsd: amounts.dailyUsd }),
          ...(amounts.monthlyUsd === undefined ? {} : { tenantMonthlyUsd: amounts.monthlyUsd }),
          softLimitRatio,
        },
      })),
    ],
    ...(observability.dashboardUrl === undefined ? {} : { dashboardUrl: observability.dashboardUrl }),
    review: { limit: observability.review.limit, minRequests: observability.review.minRequests },
  };
}
