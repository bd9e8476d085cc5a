import { durationMs } from '../time/duration.js';
import type { AlertEvaluation, AlertStatus, AlertUnit } from './alert-evaluation.js';
import type { AlertRuleKind, AlertSeverity } from './alerts-policy.js';

/** What is remembered of one alert between evaluations; JSON-serialisable, instants as ISO-8601. */
export interface AlertState {
  readonly key: string;
  readonly rule: string;
  readonly kind: AlertRuleKind;
  readonly severity: AlertSeverity;
  readonly subject: string;
  readonly tenant?: string;
  /** `no-data` only until the first evaluation with data: later no-data verdicts keep the state as it was. */
  readonly status: AlertStatus;
  /** When `status` began. */
  readonly since: string;
  /** When a notification last went out for this alert; null before the first. */
  readonly lastNotifiedAt: string | null;
  readonly lastValue: number | null;
  readonly lastThreshold: number | null;
  readonly unit: AlertUnit;
  /** The latest verdict's sentence. */
  readonly summary: string;
}

/** `firing`: started; `resolved`: back to ok; `reminder`: still firing after `repeatAfter`. */
export type AlertNotificationKind = 'firing' | 'resolved' | 'reminder';

/** A message to send about an alert. */
export interface AlertNotification {
  /** Deterministic (`<key>/<kind>/<at>`), so a retried evaluation records it once. */
  readonly id: string;
  readonly kind: AlertNotificationKind;
  readonly key: string;
  readonly rule: string;
  readonly ruleKind: AlertRuleKind;
  readonly severity: AlertSeverity;
  readonly subject: string;
  readonly tenant?: string;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly unit: AlertUnit;
  readonly summary: string;
  /** When the alert started firing (for `resolved`: the firing that just ended). */
  readonly since: string;
  /** When the notification was decided. */
  readonly at: string;
  /** The rule's webhook names. */
  readonly webhooks: readonly string[];
}

export interface AlertTransition {
  readonly state: AlertState;
  /** Present when the change is worth telling someone. */
  readonly notification?: AlertNotification;
}

/** The parts of a rule the state machine reads. */
export interface AlertRuleNotifying {
  readonly name: string;
  readonly webhooks: readonly string[];
  /** Duration string; absent: one notification per firing. */
  readonly repeatAfter?: string | undefined;
}

/**
 * The next state of an alert after an evaluation, and the notification it calls for:
 * - ok (or nothing yet) → firing: `firing`, once;
 * - firing → firing: nothing, or a `reminder` when the rule's `repeatAfter` has passed since the
 *   last notification;
 * - firing → ok: `resolved`, once;
 * - no-data: the previous state unchanged and no notification, so a quiet night neither resolves
 *   nor re-opens an alert. With no previous state it starts as `no-data`.
 */
export function nextAlertState(previous: AlertState | undefined, evaluation: AlertEvaluation, now: Date, rule: AlertRuleNotifying): AlertTransition {
  if (evaluation.rule !== rule.name) throw new Error(`evaluation ${evaluation.key} is of rule '${evaluation.rule}', not '${rule.name}'`);
  if (previous !== undefined && previous.key !== evaluation.key) throw new Error(`state ${previous.key} cannot take evaluation ${evaluation.key}: keys differ`);
  const at = now.toISOString();
  if (evaluation.status === 'no-data') return { state: previous ?? fromEvaluation(evaluation, { since: at, lastNotifiedAt: null }) };

  const wasFiring = previous?.status === 'firing';
  if (evaluation.status === 'firing') {
    if (!wasFiring) return notify('firing', fromEvaluation(evaluation, { since: at, lastNotifiedAt: at }), rule, at);
    const since = previous.since;
    if (reminderDue(previous, now, rule)) return notify('reminder', fromEvaluation(evaluation, { since, lastNotifiedAt: at }), rule, at);
    return { state: fromEvaluation(evaluation, { since, lastNotifiedAt: previous.lastNotifiedAt }) };
  }
  if (wasFiring) return notify('resolved', fromEvaluation(evaluation, { since: at, lastNotifiedAt: at }), rule, at, previous.since);
  const since = previous?.status === 'ok' ? previous.since : at;
  return { state: fromEvaluation(evaluation, { since, lastNotifiedAt: previous?.lastNotifiedAt ?? null }) };
}

function reminderDue(previous: AlertState, now: Date, rule: AlertRuleNotifying): boolean {
  if (rule.repeatAfter === undefined) return false;
  const last = Date.parse(previous.lastNotifiedAt ?? previous.since);
  return now.getTime() - last >= durationMs(rule.repeatAfter);
}

function fromEvaluation(evaluation: AlertEvaluation, timing: { since: string; lastNotifiedAt: string | null }): AlertState {
  return {
    key: evaluation.key,
    rule: evaluation.rule,
    kind: evaluation.kind,
    severity: evaluation.severity,
    subject: evaluation.subject,
    ...(evaluation.tenant === undefined ? {} : { tenant: evaluation.tenant }),
    status: evaluation.status,
    since: timing.since,
    lastNotifiedAt: timing.lastNotifiedAt,
    lastValue: evaluation.value,
    lastThreshold: evaluation.threshold,
    unit: evaluation.unit,
    summary: evaluation.summary,
  };
}

function notify(kind: AlertNotificationKind, state: AlertState, rule: AlertRuleNotifying, at: string, firingSince: string = state.since): AlertTransition {
  return {
    state,
    notification: {
      id: `${state.key}/${kind}/${at}`,
      kind,
      key: state.key,
      rule: state.rule,
      ruleKind: state.kind,
      severity: state.severity,
      subject: state.subject,
      ...(state.tenant === undefined ? {} : { tenant: state.tenant }),
      value: state.lastValue,
      threshold: state.lastThreshold,
      unit: state.unit,
      summary: state.summary,
      since: firingSince,
      at,
      webhooks: rule.webhooks,
    },
  };
}
