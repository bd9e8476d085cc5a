import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ObservabilityActivities } from '#activities';

const { writeWeeklyReview } = proxyActivities<ObservabilityActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** Writes the review of the 7 days before the scheduled time (the `ballast-weekly-review` Schedule), or before `periodEnd`. */
export async function weeklyReviewWorkflow(input: { periodEnd?: string } = {}): Promise<{ id: string; groups: number }> {
  const periodEnd = input.periodEnd ?? new Date(workflowInfo().startTime).toISOString();
  return writeWeeklyReview({ periodEnd });
}
