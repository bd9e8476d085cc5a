import { formatPercent, formatUsd } from '../format/figures.js';
import { alertKey, type AlertEvaluation } from './alert-evaluation.js';
import type { BudgetCapUsage, BudgetSoftLimitStats } from './alert-stats.js';
import type { BudgetSoftLimitRule } from './alerts-policy.js';

/**
 * One verdict per cap (ordered by scope, then subject): firing once spent/limit reaches the cap's
 * soft-limit ratio. The subject leaves the period out, so a cap that starts a new period at zero
 * resolves its alert instead of opening a second one.
 */
export function evaluateBudgetSoftLimit(rule: BudgetSoftLimitRule, stats: BudgetSoftLimitStats, now: Date): AlertEvaluation[] {
  return stats.caps
    .filter((cap) => rule.tenant === undefined || cap.tenant === rule.tenant)
    .map((cap) => ({ cap, subject: `${cap.scope}:${cap.subject}` }))
    .sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0))
    .map(({ cap, subject }) => {
      if (!(cap.limitUsd > 0)) throw new RangeError(`budget cap ${subject} (period ${cap.period}) has limit ${cap.limitUsd}; caps are positive amounts`);
      const used = cap.spentUsd / cap.limitUsd;
      const firing = used >= cap.softLimitRatio;
      return {
        key: alertKey(rule.name, subject),
        rule: rule.name,
        kind: rule.kind,
        severity: rule.severity,
        subject,
        ...(cap.tenant === undefined ? {} : { tenant: cap.tenant }),
        status: firing ? 'firing' : 'ok',
        value: used,
        threshold: cap.softLimitRatio,
        unit: 'ratio',
        summary: `budget ${describeCap(cap)} at ${formatPercent(used)} of ${formatUsd(cap.limitUsd)} (${formatUsd(cap.spentUsd)} spent) ${firing ? '≥' : '<'} soft limit ${formatPercent(cap.softLimitRatio)}`,
        evaluatedAt: now.toISOString(),
      } satisfies AlertEvaluation;
    });
}

/** `tenant-day acme (2024-02-08)`, `global-day (2024-02-08)`. */
function describeCap(cap: BudgetCapUsage): string {
  return `${cap.scope}${cap.subject === '*' ? '' : ` ${cap.subject}`} (${cap.period})`;
}
