import { FINAL_BATCH_STATUSES, type BatchStatus } from './batch-record.js';

/**
 * Where each non-final status may go (besides staying where it is, and besides any final
 * status, which every non-final one may reach). `finalizing → in_progress` is a resubmit round.
 */
const NEXT: Readonly<Record<'validating' | 'in_progress' | 'finalizing' | 'cancelling', readonly BatchStatus[]>> = {
  validating: ['in_progress', 'finalizing', 'cancelling'],
  in_progress: ['finalizing', 'cancelling'],
  finalizing: ['in_progress', 'cancelling'],
  cancelling: [],
};

/** True for completed, failed, cancelled and expired. */
export function isFinalBatchStatus(status: BatchStatus): boolean {
  return FINAL_BATCH_STATUSES.includes(status);
}

/** The statuses from which a batch may move to `target` (a non-final `target` includes itself). */
export function batchStatusesLeadingTo(target: BatchStatus): BatchStatus[] {
  const from = (Object.keys(NEXT) as (keyof typeof NEXT)[]).filter((status) => isFinalBatchStatus(target) || status === target || NEXT[status].includes(target));
  return from;
}
