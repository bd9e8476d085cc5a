export { createChatWorker, routeTableFor, type ChatWorkerOptions } from './create-worker.js';
export { ensureSearchAttributes } from './ensure-search-attributes.js';
export { prebuiltBundlePath, workflowBundleOptions, workflowCodeOptions, workflowInterceptorModules, workflowSourceOptions } from './workflow-bundle.js';
export { ALERTS_SCHEDULE_ID, ensureObservabilitySchedules, observabilitySchedules, WEEKLY_REVIEW_SCHEDULE_ID } from './observability-schedules.js';
export { redactingLogger } from './redacting-logger.js';
export { ensureEvalSchedule, EVAL_SCHEDULE_ID, evalSchedule } from './eval-schedule.js';
