import { formatCount, formatPercent } from '../format/figures.js';
import { alertKey, WHOLE_SCOPE, type AlertEvaluation } from './alert-evaluation.js';
import { scopeLabel, tenantOf } from './alert-scope.js';
import type { HallucinationStats } from './alert-stats.js';
import type { HallucinationRule } from './alerts-policy.js';

/**
 * Fires when more than `maxShare` of the window's scored answers have a groundedness below
 * `below`; fewer than `minAnswers` scored answers is `no-data`.
 */
export function evaluateHallucination(rule: HallucinationRule, stats: HallucinationStats, now: Date): AlertEvaluation {
  const scope = scopeLabel(rule);
  const verdict = { key: alertKey(rule.name, WHOLE_SCOPE), rule: rule.name, kind: rule.kind, severity: rule.severity, subject: WHOLE_SCOPE, ...tenantOf(rule), unit: 'ratio', evaluatedAt: now.toISOString() } as const;
  const { answers, lowGroundedness } = stats.window;
  if (answers < rule.minAnswers) {
    return {
      ...verdict,
      status: 'no-data',
      value: null,
      threshold: rule.maxShare,
      summary: `groundedness: ${formatCount(answers)} scored answers in the last ${rule.window}, fewer than the ${rule.minAnswers} needed (${scope})`,
    };
  }
  const share = lowGroundedness / answers;
  const firing = share > rule.maxShare;
  return {
    ...verdict,
    status: firing ? 'firing' : 'ok',
    value: share,
    threshold: rule.maxShare,
    summary: `${formatPercent(share)} of ${formatCount(answers)} answers grounded below ${rule.below} ${firing ? '>' : '≤'} ${formatPercent(rule.maxShare)} allowed (${scope}, last ${rule.window})`,
  };
}
