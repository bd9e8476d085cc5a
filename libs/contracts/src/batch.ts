/** `provider`: the provider's batch API at its discount; `queued`: Ballast runs each line as a chat workflow off-peak. */
export type BatchMode = 'provider' | 'queued';

export type BatchStatus = 'validating' | 'in_progress' | 'finalizing' | 'completed' | 'failed' | 'cancelling' | 'cancelled' | 'expired';

/** A daily UTC stretch (`HH:MM`) when queued lines may run; `end` before `start` spans midnight. */
export interface BatchWindow {
  readonly start: string;
  readonly end: string;
}

/** The configuration a batch workflow runs with, fixed when it starts (so replays decide the same). */
export interface BatchWorkflowSettings {
  readonly pollIntervalMs: number;
  readonly maxPollIntervalMs: number;
  readonly resubmitRounds: number;
  readonly switchToQueuedBeforeMs: number;
  readonly queued: { readonly concurrency: number; readonly sliceSize: number; readonly windows: readonly BatchWindow[] };
}

/** Where a batch workflow picks up after continue-as-new. */
export interface BatchResumeState {
  readonly phase: 'provider' | 'queued';
  /** Provider submission round (1 = first submission). */
  readonly round: number;
  /** Queued mode: lines up to this index have been run. */
  readonly afterIndex: number;
}

/** Only ids and settings: the lines and their results live in the store. */
export interface BatchWorkflowInput {
  readonly batchId: string;
  readonly mode: BatchMode;
  /** ISO time by which the batch should be done (`completion_window` after creation). */
  readonly deadlineAt: string;
  readonly settings: BatchWorkflowSettings;
  readonly resume?: BatchResumeState;
}

/** Line counts of a batch by status. */
export interface BatchLineCounts {
  readonly total: number;
  readonly invalid: number;
  readonly pending: number;
  readonly submitted: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly cancelled: number;
}

export interface BatchOutcome {
  readonly batchId: string;
  readonly status: BatchStatus;
  readonly counts: BatchLineCounts;
  readonly costUsd: number;
}

export function batchWorkflowId(batchId: string): string {
  return `batch-${batchId}`;
}

/** The request id of one line: its chat workflow (queued mode) and its ledger entries use it. */
export function batchLineRequestId(batchId: string, lineIndex: number): string {
  return `${batchId}_l${lineIndex}`;
}
