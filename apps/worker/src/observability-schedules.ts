import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { ResolvedConfig } from '#libs/config';
import { upsertSchedule } from './upsert-schedule.js';

/** Schedule ids: one of each per namespace, shared by every worker. */
export const ALERTS_SCHEDULE_ID = 'ballast-alerts';
export const WEEKLY_REVIEW_SCHEDULE_ID = 'ballast-weekly-review';

/** The Schedules the configuration asks for (alerts need at least one rule). */
export function observabilitySchedules(config: ResolvedConfig): { alerts?: ScheduleOptions; review?: ScheduleOptions } {
  const { alerts, review } = config.observability;
  const taskQueue = config.temporal.taskQueue;
  return {
    ...(alerts.enabled && alerts.rules.length > 0
      ? {
          alerts: {
            scheduleId: ALERTS_SCHEDULE_ID,
            spec: { intervals: [{ every: alerts.evaluateEvery }] },
            action: { type: 'startWorkflow', workflowType: 'evaluateAlertsWorkflow', taskQueue, args: [], workflowId: `${ALERTS_SCHEDULE_ID}-round` },
            // A round still running when the next is due makes the next one wait its turn, not pile up.
            policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
            memo: { summary: `evaluate ${alerts.rules.length} alert rule(s) every ${alerts.evaluateEvery}` },
          },
        }
      : {}),
    ...(review.enabled
      ? {
          review: {
            scheduleId: WEEKLY_REVIEW_SCHEDULE_ID,
            spec: { calendars: [{ dayOfWeek: review.dayOfWeek, hour: review.hourUtc, minute: 0 }] },
            action: { type: 'startWorkflow', workflowType: 'weeklyReviewWorkflow', taskQueue, args: [{}], workflowId: `${WEEKLY_REVIEW_SCHEDULE_ID}-run` },
            policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
          },
        }
      : {}),
  };
}

/**
 * Creates or updates the alert and weekly-review Schedules to match the configuration, and
 * deletes one the configuration no longer asks for. Safe to call from every worker at start.
 */
export async function ensureObservabilitySchedules(client: Client, config: ResolvedConfig): Promise<void> {
  const wanted = observabilitySchedules(config);
  await upsertSchedule(client, ALERTS_SCHEDULE_ID, wanted.alerts);
  await upsertSchedule(client, WEEKLY_REVIEW_SCHEDULE_ID, wanted.review);
}
