import { formatCount, formatPercent } from '../format/figures.js';
import { alertKey, WHOLE_SCOPE, type AlertEvaluation } from './alert-evaluation.js';
import { scopeLabel, tenantOf } from './alert-scope.js';
import type { ErrorRateStats } from './alert-stats.js';
import type { ErrorRateRule } from './alerts-policy.js';

/** Fires when more than `maxRate` of the window's requests failed; fewer than `minRequests` requests is `no-data`. */
export function evaluateErrorRate(rule: ErrorRateRule, stats: ErrorRateStats, now: Date): AlertEvaluation {
  const scope = scopeLabel(rule);
  const verdict = { key: alertKey(rule.name, WHOLE_SCOPE), rule: rule.name, kind: rule.kind, severity: rule.severity, subject: WHOLE_SCOPE, ...tenantOf(rule), unit: 'ratio', evaluatedAt: now.toISOString() } as const;
  const { requests, errors } = stats.window;
  const what = rule.errorTypes ? `error rate (${rule.errorTypes.join(', ')})` : 'error rate';
  if (requests < rule.minRequests) {
    return { ...verdict, status: 'no-data', value: null, threshold: rule.maxRate, summary: `${what}: ${formatCount(requests)} requests in the last ${rule.window}, fewer than the ${rule.minRequests} needed (${scope})` };
  }
  const rate = errors / requests;
  const firing = rate > rule.maxRate;
  return {
    ...verdict,
    status: firing ? 'firing' : 'ok',
    value: rate,
    threshold: rule.maxRate,
    summary: `${what} ${formatPercent(rate)} (${formatCount(errors)} of ${formatCount(requests)} requests) ${firing ? '>' : '≤'} ${formatPercent(rule.maxRate)} (${scope}, last ${rule.window})`,
  };
}
