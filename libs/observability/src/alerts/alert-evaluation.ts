import type { AlertRuleKind, AlertSeverity } from './alerts-policy.js';

/** `firing`: the condition holds; `ok`: it does not; `no-data`: too little traffic to tell. */
export type AlertStatus = 'firing' | 'ok' | 'no-data';

/** What `value` and `threshold` measure: milliseconds, dollars per hour, or a ratio 0–1. */
export type AlertUnit = 'ms' | 'usd-per-hour' | 'ratio';

/** One rule's verdict on one subject at one moment. */
export interface AlertEvaluation {
  /** `<rule>:<subject>`: identifies the alert across evaluations (the key of its state). */
  readonly key: string;
  readonly rule: string;
  readonly kind: AlertRuleKind;
  readonly severity: AlertSeverity;
  /**
   * What the verdict is about: `*` for a rule's whole scope, a tenant id for cost anomalies,
   * `<scope>:<subject>` (e.g. `tenant-day:acme`) for budget caps.
   */
  readonly subject: string;
  /** The tenant the verdict is about (its tenant-admins may see it); absent when it spans tenants. */
  readonly tenant?: string;
  readonly status: AlertStatus;
  /** The measured figure, null when there was nothing to measure. */
  readonly value: number | null;
  /** The figure `value` is compared with, null when there was no comparison. */
  readonly threshold: number | null;
  readonly unit: AlertUnit;
  /** One sentence with the numbers, e.g. `latency p95 1,240 ms > 2× baseline 410 ms (route support, last 5m)`. */
  readonly summary: string;
  /** ISO-8601 instant of the evaluation. */
  readonly evaluatedAt: string;
}

/** The subject of a rule that yields one verdict for its whole scope. */
export const WHOLE_SCOPE = '*';

/** `<rule>:<subject>`. */
export function alertKey(rule: string, subject: string): string {
  return `${rule}:${subject}`;
}
