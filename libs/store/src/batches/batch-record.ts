import type { BatchLineCounts, BatchMode, BatchStatus } from '#libs/contracts';

// The batch's mode, status and line counts are the wire contracts' (libs/contracts/src/batch.ts).
export type { BatchLineCounts, BatchMode, BatchStatus };

export const BATCH_MODES: readonly BatchMode[] = ['provider', 'queued'];

export const BATCH_STATUSES: readonly BatchStatus[] = ['validating', 'in_progress', 'finalizing', 'completed', 'failed', 'cancelling', 'cancelled', 'expired'];

/** Statuses a batch never leaves. */
export const FINAL_BATCH_STATUSES: readonly BatchStatus[] = ['completed', 'failed', 'cancelled', 'expired'];

/** Why a batch as a whole failed (or a line: see `BatchLineError`). */
export interface BatchError {
  readonly code: string;
  readonly message: string;
}

/** An input line rejected at validation, as the batch object's `errors.data` lists it. */
export interface BatchInvalidLine {
  /** 1-based line number of the input (as OpenAI reports it). */
  readonly line: number;
  readonly customId: string | null;
  readonly code: string;
  readonly message: string;
}

/** What a new batch needs (its lines are passed alongside). */
export interface CreateBatchInput {
  /** `batch_…`; generated when absent. */
  readonly id?: string;
  readonly tenantId: string;
  readonly userId?: string;
  readonly keyId?: string;
  readonly mode: BatchMode;
  /** Default `validating`. */
  readonly status?: BatchStatus;
  /** Always `/v1/chat/completions` today. */
  readonly endpoint: string;
  /** As requested, e.g. `24h`. */
  readonly completionWindow: string;
  /** ISO-8601: creation plus the completion window (the batch object's `expires_at`). */
  readonly deadlineAt: string;
  readonly webhookUrl?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /** The rejected lines to report (the caller may keep only the first ones). */
  readonly invalidLines?: readonly BatchInvalidLine[];
  /** ISO-8601; default now. */
  readonly createdAt?: string;
}

/** A stored batch with its line counts and what its lines cost so far. */
export interface BatchRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly userId?: string;
  readonly keyId?: string;
  readonly mode: BatchMode;
  readonly status: BatchStatus;
  readonly endpoint: string;
  readonly completionWindow: string;
  readonly deadlineAt: string;
  readonly webhookUrl?: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly invalidLines: readonly BatchInvalidLine[];
  readonly createdAt: string;
  readonly startedAt?: string;
  readonly completedAt?: string;
  readonly cancelledAt?: string;
  readonly error?: BatchError;
  readonly lineCounts: BatchLineCounts;
  /** Sum of the lines' costs, in nano-dollars (exact) and in dollars. */
  readonly costNanoUsd: number;
  readonly costUsd: number;
}

/** What `updateStatus` writes besides the status. Timestamps already set are kept. */
export interface BatchStatusPatch {
  readonly startedAt?: string;
  readonly completedAt?: string;
  readonly cancelledAt?: string;
  readonly error?: BatchError;
}
