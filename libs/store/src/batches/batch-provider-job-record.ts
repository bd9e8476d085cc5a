/**
 * A provider batch's state as Ballast last saw it: `pending` before the submit, `submitted` once
 * the provider accepted it (before the first poll), then what the provider's poll reports.
 */
export type BatchProviderJobStatus = 'pending' | 'submitted' | 'in_progress' | 'finalizing' | 'completed' | 'failed' | 'cancelling' | 'cancelled' | 'expired';

/** One provider job per batch, round, provider and model. */
export interface BatchProviderJobKey {
  readonly batchId: string;
  readonly round: number;
  readonly provider: string;
  readonly model: string;
}

/** A stored provider job. */
export interface BatchProviderJobRecord extends BatchProviderJobKey {
  /** The provider's batch id; absent until submitted. */
  readonly providerBatchId?: string;
  readonly inputFileId?: string;
  readonly status: BatchProviderJobStatus;
  readonly lineCount: number;
  readonly error?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt?: string;
}

/** What `upsertJob` writes. */
export interface UpsertBatchProviderJobInput extends BatchProviderJobKey {
  readonly providerBatchId?: string;
  readonly inputFileId?: string;
  readonly status: BatchProviderJobStatus;
  readonly lineCount: number;
  readonly error?: string;
  readonly finishedAt?: string;
}

/** What `updateJob` changes; absent fields are kept. */
export interface BatchProviderJobPatch {
  readonly providerBatchId?: string;
  readonly inputFileId?: string;
  readonly status?: BatchProviderJobStatus;
  readonly lineCount?: number;
  readonly error?: string;
  readonly finishedAt?: string;
}
