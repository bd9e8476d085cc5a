import { evaluateAlertRule, nextAlertState, toWebhookPayload, type AlertState } from '#libs/observability';
import type { ObservabilityDependencies } from './observability-dependencies.js';
import { collectAlertStats } from './collect-alert-stats.js';

/** What one evaluation round did. */
export interface AlertRoundSummary {
  readonly rules: number;
  readonly evaluations: number;
  readonly firing: number;
  /** Notifications recorded this round, to deliver (ids of stored alert events). */
  readonly notifications: readonly string[];
}

/**
 * Evaluates every configured rule at `at` (the scheduled time, so a retried round decides the
 * same): stats from traces, the next state per rule and subject, a stored event per notification.
 * Idempotent: a notification's id is deterministic and stored once; states are replaced.
 */
export function createEvaluateAlerts(deps: ObservabilityDependencies) {
  return async function evaluateAlerts(input: { at: string }): Promise<AlertRoundSummary> {
    const now = new Date(input.at);
    const previous = new Map((await deps.alerts.states<AlertState>()).map((stored) => [stored.key, stored.state]));
    const notifications: string[] = [];
    let evaluations = 0;
    let firing = 0;
    for (const rule of deps.policy.rules) {
      const stats = await collectAlertStats(rule, now, deps);
      for (const evaluation of evaluateAlertRule(rule, stats, now)) {
        evaluations += 1;
        const { state, notification } = nextAlertState(previous.get(evaluation.key), evaluation, now, rule);
        if (state.status === 'firing') firing += 1;
        await deps.alerts.saveState({
          key: state.key,
          rule: rule.name,
          kind: rule.kind,
          severity: rule.severity,
          subject: state.subject,
          ...(evaluation.tenant === undefined ? {} : { tenantId: evaluation.tenant }),
          status: state.status,
          state,
          updatedAt: now.toISOString(),
        });
        if (notification === undefined) continue;
        const payload = toWebhookPayload(notification, deps.dashboardUrl === undefined ? {} : { dashboardUrl: deps.dashboardUrl });
        await deps.alerts.insertEvent({
          id: notification.id,
          key: notification.key,
          rule: notification.rule,
          kind: notification.ruleKind,
          severity: notification.severity,
          subject: notification.subject,
          ...(notification.tenant === undefined ? {} : { tenantId: notification.tenant }),
          notification: notification.kind,
          summary: notification.summary,
          payload: { webhooks: notification.webhooks, body: payload },
          deliveries: [],
          createdAt: notification.at,
        });
        notifications.push(notification.id);
      }
    }
    return { rules: deps.policy.rules.length, evaluations, firing, notifications };
  };
}
