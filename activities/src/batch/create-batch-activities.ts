import { createFinishBatchActivities, type FinishBatchDependencies } from './finish-batch.activities.js';
import { createProviderBatchActivities, type ProviderBatchDependencies } from './provider-batch.activities.js';
import { createRunQueuedSlice, type QueuedSliceDependencies } from './run-queued-slice.activity.js';

export type BatchDependencies = ProviderBatchDependencies & QueuedSliceDependencies & FinishBatchDependencies;

/** The activities of `batchWorkflow`. */
export function createBatchActivities(deps: BatchDependencies) {
  return {
    ...createProviderBatchActivities(deps),
    runQueuedSlice: createRunQueuedSlice(deps),
    ...createFinishBatchActivities(deps),
  };
}

/** The activity interface the batch workflow proxies (imported as a type only). */
export type BatchActivities = ReturnType<typeof createBatchActivities>;
