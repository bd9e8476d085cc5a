import { formatCount, formatFactor, formatMs } from '../format/figures.js';
import { alertKey, WHOLE_SCOPE, type AlertEvaluation } from './alert-evaluation.js';
import { scopeLabel, tenantOf } from './alert-scope.js';
import type { LatencyStats } from './alert-stats.js';
import type { LatencyRule } from './alerts-policy.js';

/**
 * Fires when the window's p95 exceeds both `factor` × the baseline's p95 and `minMs`. Either
 * period with fewer than `minRequests` requests gives `no-data`: a p95 of a handful of requests
 * is one slow request.
 */
export function evaluateLatency(rule: LatencyRule, stats: LatencyStats, now: Date): AlertEvaluation {
  const scope = scopeLabel(rule);
  const verdict = { key: alertKey(rule.name, WHOLE_SCOPE), rule: rule.name, kind: rule.kind, severity: rule.severity, subject: WHOLE_SCOPE, ...tenantOf(rule), unit: 'ms', evaluatedAt: now.toISOString() } as const;
  const { window, baseline } = stats;
  if (window.p95Ms === null || window.requests < rule.minRequests) {
    return { ...verdict, status: 'no-data', value: window.p95Ms, threshold: null, summary: `latency: ${formatCount(window.requests)} requests in the last ${rule.window}, fewer than the ${rule.minRequests} needed (${scope})` };
  }
  if (baseline.p95Ms === null || baseline.requests < rule.minRequests) {
    return {
      ...verdict,
      status: 'no-data',
      value: window.p95Ms,
      threshold: null,
      summary: `latency: ${formatCount(baseline.requests)} requests in the ${rule.baselineWindow} baseline, fewer than the ${rule.minRequests} needed (${scope})`,
    };
  }
  const relative = rule.factor * baseline.p95Ms;
  const threshold = Math.max(relative, rule.minMs);
  const where = `(${scope}, last ${rule.window})`;
  const comparedWithBaseline = `${formatFactor(rule.factor)} baseline ${formatMs(baseline.p95Ms)}`;
  const p95 = `latency p95 ${formatMs(window.p95Ms)}`;
  if (window.p95Ms > threshold) {
    const floor = relative < rule.minMs ? ` and the ${formatMs(rule.minMs)} floor` : '';
    return { ...verdict, status: 'firing', value: window.p95Ms, threshold, summary: `${p95} > ${comparedWithBaseline}${floor} ${where}` };
  }
  const summary = window.p95Ms > relative ? `${p95} > ${comparedWithBaseline} but under the ${formatMs(rule.minMs)} floor ${where}` : `${p95} ≤ ${comparedWithBaseline} ${where}`;
  return { ...verdict, status: 'ok', value: window.p95Ms, threshold, summary };
}
