import { createDeliverAlertNotification } from './deliver-alert.activity.js';
import { createEvaluateAlerts } from './evaluate-alerts.activity.js';
import type { ObservabilityDependencies } from './observability-dependencies.js';
import { createWriteWeeklyReview } from './write-weekly-review.activity.js';

/** The alert and weekly-review activities. */
export function createObservabilityActivities(deps: ObservabilityDependencies) {
  return {
    evaluateAlerts: createEvaluateAlerts(deps),
    deliverAlertNotification: createDeliverAlertNotification(deps),
    writeWeeklyReview: createWriteWeeklyReview(deps),
  };
}

/** The activity interface the observability workflows proxy (imported as a type only). */
export type ObservabilityActivities = ReturnType<typeof createObservabilityActivities>;
