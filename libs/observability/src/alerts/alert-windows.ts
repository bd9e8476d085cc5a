import { durationMs } from '../time/duration.js';
import type { AlertRule, BudgetSoftLimitRule } from './alerts-policy.js';

/** A half-open period [from, to) as ISO-8601 instants. */
export interface TimeRange {
  readonly from: string;
  readonly to: string;
}

/** Rules evaluated over a recent window of traffic (all but budget rules, which read current caps). */
export type WindowedAlertRule = Exclude<AlertRule, BudgetSoftLimitRule>;

/** The periods a rule's stats must cover at `now`. */
export interface AlertQueryWindows {
  /** The rule's `window`, ending at `now`. */
  readonly window: TimeRange;
  /** The `baselineWindow` right before the window, for rules that compare with one. */
  readonly baseline?: TimeRange;
}

/** The periods to aggregate traces over for `rule` at `now`. */
export function alertQueryWindows(rule: WindowedAlertRule, now: Date): AlertQueryWindows {
  const end = now.getTime();
  const windowStart = end - durationMs(rule.window);
  const window = { from: new Date(windowStart).toISOString(), to: now.toISOString() };
  if (rule.kind !== 'latency' && rule.kind !== 'cost-anomaly') return { window };
  const baselineStart = windowStart - durationMs(rule.baselineWindow);
  return { window, baseline: { from: new Date(baselineStart).toISOString(), to: window.from } };
}
