import type { AlertEvaluation } from './alert-evaluation.js';
import type { AlertStats, AlertStatsFor } from './alert-stats.js';
import type { AlertRule } from './alerts-policy.js';
import { evaluateBudgetSoftLimit } from './evaluate-budget-soft-limit.js';
import { evaluateCostAnomaly } from './evaluate-cost-anomaly.js';
import { evaluateErrorRate } from './evaluate-error-rate.js';
import { evaluateHallucination } from './evaluate-hallucination.js';
import { evaluateLatency } from './evaluate-latency.js';

/**
 * The verdicts of one rule at `now` on stats measured over its scope and windows (see
 * `alertQueryWindows`). Rules over a whole scope give one verdict; cost anomalies one per tenant,
 * budget rules one per cap. Throws when the stats are of another kind than the rule.
 */
export function evaluateAlertRule<R extends AlertRule>(rule: R, stats: AlertStatsFor<R['kind']>, now: Date): AlertEvaluation[] {
  const given: AlertStats = stats;
  if (given.kind !== rule.kind) throw new TypeError(`rule '${rule.name}' is a ${rule.kind} rule but was given ${given.kind} stats`);
  switch (rule.kind) {
    case 'latency':
      return [evaluateLatency(rule, given as AlertStatsFor<'latency'>, now)];
    case 'error-rate':
      return [evaluateErrorRate(rule, given as AlertStatsFor<'error-rate'>, now)];
    case 'hallucination':
      return [evaluateHallucination(rule, given as AlertStatsFor<'hallucination'>, now)];
    case 'cost-anomaly':
      return evaluateCostAnomaly(rule, given as AlertStatsFor<'cost-anomaly'>, now);
    case 'budget-soft-limit':
      return evaluateBudgetSoftLimit(rule, given as AlertStatsFor<'budget-soft-limit'>, now);
  }
}
