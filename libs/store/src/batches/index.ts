export type { BatchesTable, BatchLinesTable, BatchProviderJobsTable } from '../schema.js';
// BatchMode, BatchStatus and BatchLineCounts come from #libs/contracts.
export { BATCH_MODES, BATCH_STATUSES, FINAL_BATCH_STATUSES, type BatchError, type BatchInvalidLine, type BatchRecord, type BatchStatusPatch, type CreateBatchInput } from './batch-record.js';
export {
  BATCH_LINE_STATUSES,
  FINAL_BATCH_LINE_STATUSES,
  type BatchLineError,
  type BatchLineFailed,
  type BatchLineOutcome,
  type BatchLineRecord,
  type BatchLineRef,
  type BatchLineStatus,
  type BatchLineSucceeded,
  type BatchLinesQuery,
  type BatchResultLine,
  type BatchResultsQuery,
  type BatchSubmission,
  type CancelledBatchLine,
  type NewBatchLine,
} from './batch-line-record.js';
export type { BatchProviderJobKey, BatchProviderJobPatch, BatchProviderJobRecord, BatchProviderJobStatus, UpsertBatchProviderJobInput } from './batch-provider-job-record.js';
export { batchStatusesLeadingTo, isFinalBatchStatus } from './batch-status-transitions.js';
export { BATCH_CANCELLED_LINE_ERROR, BatchesRepository, MAX_BATCH_LINES_PER_READ, type BatchesRepositoryOptions } from './batches-repository.js';
