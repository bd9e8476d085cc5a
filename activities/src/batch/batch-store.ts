import type { BatchProviderJobStatus } from '#libs/store';
import type { BatchLineCounts, BatchMode, BatchStatus, ChatRequest, TokenUsage } from '#libs/contracts';

/** A batch as its activities need it. */
export interface StoredBatch {
  readonly id: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly keyId: string | undefined;
  readonly mode: BatchMode;
  readonly status: BatchStatus;
  readonly deadlineAt: Date;
  readonly webhookUrl: string | undefined;
  readonly counts: BatchLineCounts;
  readonly costUsd: number;
}

/** One line with its validated chat request. */
export interface StoredBatchLine {
  readonly batchId: string;
  readonly lineIndex: number;
  readonly customId: string;
  readonly request: ChatRequest;
  /** The provider round the line was last submitted in (0: never). */
  readonly round: number;
  readonly error?: { readonly code: string; readonly message: string; readonly retryable: boolean };
}

export interface LineSuccess {
  readonly response: unknown;
  readonly provider: string;
  readonly model: string;
  readonly usage: TokenUsage;
  readonly costUsd: number;
  /** Provider round that answered (queued lines: absent). */
  readonly round?: number;
}

export interface LineFailure {
  readonly code: string;
  readonly message: string;
  /** A later provider round may resubmit it. */
  readonly retryable: boolean;
  readonly round?: number;
}

/** A provider batch's state as last seen. */
export type ProviderJobStatus = BatchProviderJobStatus;

/** One submission of lines to one provider's batch API. */
export interface ProviderJob {
  readonly jobKey: string;
  readonly batchId: string;
  readonly round: number;
  readonly provider: string;
  readonly model: string;
  readonly providerBatchId: string | undefined;
  readonly status: ProviderJobStatus;
  readonly lineCount: number;
}

/**
 * What batch activities read and write. Outcomes are idempotent: a line that already succeeded
 * never changes again, so replayed results download or settle nothing twice.
 */
export interface BatchStore {
  get(batchId: string): Promise<StoredBatch | undefined>;
  setStatus(batchId: string, status: BatchStatus, facts?: { readonly startedAt?: Date; readonly completedAt?: Date; readonly cancelledAt?: Date; readonly error?: string }): Promise<void>;
  /** Pending lines after `afterIndex`, in index order. */
  pendingLines(batchId: string, afterIndex: number, limit: number): Promise<StoredBatchLine[]>;
  /** Lines with this status, in index order (`afterIndex` keyset). */
  linesWithStatus(batchId: string, status: 'pending' | 'submitted' | 'failed', afterIndex: number, limit: number): Promise<StoredBatchLine[]>;
  markSubmitted(batchId: string, lineIndices: readonly number[], job: { readonly round: number; readonly provider: string; readonly model: string }): Promise<void>;
  /** Lines submitted in a job's round to its provider and model, by custom id. */
  submittedLines(batchId: string, job: Pick<ProviderJob, 'round' | 'provider' | 'model'>): Promise<StoredBatchLine[]>;
  /** True when the line changed (false: it already had a final outcome). */
  recordSucceeded(batchId: string, lineIndex: number, success: LineSuccess): Promise<boolean>;
  recordFailed(batchId: string, lineIndex: number, failure: LineFailure): Promise<boolean>;
  /** Lines of earlier rounds back to pending for `round` (a later round or queued mode takes them). */
  returnToPending(batchId: string, lineIndices: readonly number[], round: number): Promise<void>;
  /** Every line not yet final becomes cancelled; returns those that had been submitted (their holds are to be freed). */
  cancelOpenLines(batchId: string): Promise<Array<Pick<StoredBatchLine, 'batchId' | 'lineIndex' | 'round'>>>;
  saveJob(job: ProviderJob): Promise<void>;
  job(batchId: string, jobKey: string): Promise<ProviderJob | undefined>;
}
