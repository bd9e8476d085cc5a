import { durationMs } from '../time/duration.js';
import { formatFactor, formatUsd } from '../format/figures.js';
import { alertKey, type AlertEvaluation } from './alert-evaluation.js';
import type { CostAnomalyStats, TenantSpend } from './alert-stats.js';
import type { CostAnomalyRule } from './alerts-policy.js';

const HOUR_MS = 3_600_000;

/**
 * One verdict per tenant (ordered by tenant id): firing when the tenant's spend rate in the window
 * exceeds `factor` × its rate over the baseline period and it spent at least `minUsd` in the
 * window. A tenant with no baseline spend fires on any window spend of `minUsd` or more: new
 * spend from nothing is the anomaly. Spend is data even when zero, so there is no `no-data`.
 */
export function evaluateCostAnomaly(rule: CostAnomalyRule, stats: CostAnomalyStats, now: Date): AlertEvaluation[] {
  const windowHours = durationMs(rule.window) / HOUR_MS;
  const baselineHours = durationMs(rule.baselineWindow) / HOUR_MS;
  const where = rule.route === undefined ? '' : ` on route ${rule.route}`;
  return tenantsToEvaluate(rule, stats).map((spend) => {
    const rate = spend.windowUsd / windowHours;
    const threshold = rule.factor * (spend.baselineUsd / baselineHours);
    const firing = spend.windowUsd >= rule.minUsd && rate > threshold;
    const comparison = `${formatUsd(rate)}/h ${rate > threshold ? '>' : '≤'} ${formatFactor(rule.factor)} baseline ${formatUsd(spend.baselineUsd / baselineHours)}/h`;
    const spent = `${formatUsd(spend.windowUsd)} in the last ${rule.window}`;
    const summary =
      spend.windowUsd < rule.minUsd
        ? `cost: tenant ${spend.tenant}${where} spent ${spent}, under the ${formatUsd(rule.minUsd)} minimum (${comparison})`
        : `cost: tenant ${spend.tenant}${where} ${comparison} (${spent}, baseline ${rule.baselineWindow} before)`;
    return {
      key: alertKey(rule.name, spend.tenant),
      rule: rule.name,
      kind: rule.kind,
      severity: rule.severity,
      subject: spend.tenant,
      tenant: spend.tenant,
      status: firing ? 'firing' : 'ok',
      value: rate,
      threshold,
      unit: 'usd-per-hour',
      summary,
      evaluatedAt: now.toISOString(),
    };
  });
}

function tenantsToEvaluate(rule: CostAnomalyRule, stats: CostAnomalyStats): TenantSpend[] {
  const seen = new Set<string>();
  for (const spend of stats.tenants) {
    if (seen.has(spend.tenant)) throw new Error(`cost stats for rule '${rule.name}' list tenant '${spend.tenant}' twice; give each tenant one row`);
    seen.add(spend.tenant);
  }
  if (rule.tenant !== undefined) {
    return [stats.tenants.find((spend) => spend.tenant === rule.tenant) ?? { tenant: rule.tenant, windowUsd: 0, baselineUsd: 0 }];
  }
  return [...stats.tenants].sort((a, b) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : 0));
}
