import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ObservabilityActivities } from '#activities';

const { evaluateAlerts } = proxyActivities<ObservabilityActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds', maximumAttempts: 5 },
});

const { deliverAlertNotification } = proxyActivities<ObservabilityActivities>({
  startToCloseTimeout: '1 minute',
  // A webhook that is down is retried for about ten minutes, then the notification stays recorded as undelivered.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 8 },
});

/** What one scheduled round did (visible as the workflow's result in the Temporal UI). */
export interface AlertRoundResult {
  readonly evaluations: number;
  readonly firing: number;
  readonly notified: number;
  readonly undelivered: number;
}

/**
 * One round of alert evaluation, started by the `ballast-alerts` Schedule: evaluate every rule as
 * of the scheduled time, then deliver each new notification (each delivery retried on its own).
 */
export async function evaluateAlertsWorkflow(): Promise<AlertRoundResult> {
  const at = new Date(workflowInfo().startTime).toISOString();
  const round = await evaluateAlerts({ at });
  const deliveries = await Promise.allSettled(round.notifications.map((id) => deliverAlertNotification(id)));
  return {
    evaluations: round.evaluations,
    firing: round.firing,
    notified: round.notifications.length,
    undelivered: deliveries.filter((delivery) => delivery.status === 'rejected').length,
  };
}
