import { alertQueryWindows, percentile, type AlertRule, type AlertStats, type BudgetCapUsage, type TimeRange } from '#libs/observability';
import { capScopesFor, GLOBAL_SUBJECT, type TraceRange } from '#libs/store';
import type { ObservabilityDependencies } from './observability-dependencies.js';

/** The stats `rule` is evaluated on at `now`, aggregated from stored traces (or the ledger, for budgets). */
export async function collectAlertStats(rule: AlertRule, now: Date, deps: ObservabilityDependencies): Promise<AlertStats> {
  const { analytics } = deps;
  if (rule.kind === 'budget-soft-limit') return { kind: rule.kind, caps: await budgetCaps(deps) };
  const windows = alertQueryWindows(rule, now);
  const range = (period: TimeRange, tenant = rule.tenant): TraceRange => ({
    scope: tenant === undefined ? 'all-tenants' : { tenantId: tenant },
    since: new Date(period.from),
    until: new Date(period.to),
    ...(rule.route === undefined ? {} : { route: rule.route }),
  });
  switch (rule.kind) {
    case 'latency': {
      const sample = async (period: TimeRange) => {
        const { all } = await analytics.latencies(range(period));
        return { requests: all.length, p95Ms: percentile(Array.from(all), 95) ?? null };
      };
      const baseline = windows.baseline ?? windows.window;
      return { kind: rule.kind, window: await sample(windows.window), baseline: await sample(baseline) };
    }
    case 'error-rate': {
      const totals = await analytics.totals(range(windows.window));
      if (rule.errorTypes === undefined) return { kind: rule.kind, window: { requests: totals.requests, errors: totals.errors } };
      const wanted = new Set(rule.errorTypes);
      const byType = await analytics.errorsByType(range(windows.window));
      const errors = byType.filter((row) => wanted.has(row.errorType)).reduce((sum, row) => sum + row.count, 0);
      return { kind: rule.kind, window: { requests: totals.requests, errors } };
    }
    case 'hallucination': {
      const scored = await analytics.groundedness(range(windows.window), rule.below);
      return { kind: rule.kind, window: { answers: scored.answers, lowGroundedness: scored.low } };
    }
    case 'cost-anomaly': {
      const baselinePeriod = windows.baseline ?? windows.window;
      const [current, before] = await Promise.all([analytics.byTenant(range(windows.window)), analytics.byTenant(range(baselinePeriod))]);
      const spend = new Map<string, { windowUsd: number; baselineUsd: number }>();
      for (const row of current) spend.set(row.key, { windowUsd: row.costUsd, baselineUsd: 0 });
      for (const row of before) spend.set(row.key, { windowUsd: spend.get(row.key)?.windowUsd ?? 0, baselineUsd: row.costUsd });
      return { kind: rule.kind, tenants: [...spend].map(([tenant, amounts]) => ({ tenant, ...amounts })) };
    }
  }
}

async function budgetCaps(deps: ObservabilityDependencies): Promise<BudgetCapUsage[]> {
  const usage: BudgetCapUsage[] = [];
  for (const watched of deps.watchedCaps) {
    // The global entry carries only the global cap, so its placeholder tenant adds no tenant cap.
    const scopes = capScopesFor({ tenantId: watched.tenantId ?? GLOBAL_SUBJECT }, watched.caps);
    for (const state of await deps.ledger.capStates(scopes)) {
      const scope = scopes.find((candidate) => candidate.scope === state.scope && candidate.subject === state.subject);
      usage.push({
        scope: state.scope,
        subject: state.subject,
        tenant: watched.tenantId,
        period: state.period,
        limitUsd: state.limitUsd,
        spentUsd: state.spentUsd,
        softLimitRatio: scope?.softLimitRatio ?? 0.8,
      });
    }
  }
  return usage;
}
