import type { Selectable } from 'kysely';
import { nanosToUsd, toSafeInteger } from '../ledger/nano-usd.js';
import type { BatchesTable, BatchLinesTable, BatchProviderJobsTable } from '../schema.js';
import type { BatchLineError, BatchLineRecord } from './batch-line-record.js';
import type { BatchProviderJobRecord } from './batch-provider-job-record.js';
import type { BatchError, BatchInvalidLine, BatchLineCounts, BatchRecord } from './batch-record.js';

/** A `batch_lines` row as read. */
export type LineRow = Selectable<BatchLinesTable>;

/** A batch's line counts and summed cost, aggregated from its lines. */
export interface LineTotals {
  readonly counts: BatchLineCounts;
  readonly costNanos: number;
}

export const NO_LINES: BatchLineCounts = { total: 0, invalid: 0, pending: 0, submitted: 0, succeeded: 0, failed: 0, cancelled: 0 };

export function toBatch(row: Selectable<BatchesTable>, totals: LineTotals = { counts: NO_LINES, costNanos: 0 }): BatchRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    ...(row.user_id === null ? {} : { userId: row.user_id }),
    ...(row.key_id === null ? {} : { keyId: row.key_id }),
    mode: row.mode,
    status: row.status,
    endpoint: row.endpoint,
    completionWindow: row.completion_window,
    deadlineAt: row.deadline_at,
    ...(row.webhook_url === null ? {} : { webhookUrl: row.webhook_url }),
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    invalidLines: JSON.parse(row.invalid_errors) as BatchInvalidLine[],
    createdAt: row.created_at,
    ...(row.started_at === null ? {} : { startedAt: row.started_at }),
    ...(row.completed_at === null ? {} : { completedAt: row.completed_at }),
    ...(row.cancelled_at === null ? {} : { cancelledAt: row.cancelled_at }),
    ...(row.error === null ? {} : { error: JSON.parse(row.error) as BatchError }),
    lineCounts: totals.counts,
    costNanoUsd: totals.costNanos,
    costUsd: nanosToUsd(totals.costNanos),
  };
}

export function toLine(row: LineRow): BatchLineRecord {
  return {
    batchId: row.batch_id,
    lineIndex: Number(row.line_index),
    customId: row.custom_id,
    status: row.status,
    request: row.request === null ? null : (JSON.parse(row.request) as unknown),
    response: row.response === null ? null : (JSON.parse(row.response) as unknown),
    error: parseLineError(row.error),
    retryable: Number(row.retryable) === 1,
    provider: row.provider,
    model: row.model,
    round: Number(row.round),
    attempts: Number(row.attempts),
    inputTokens: row.input_tokens === null ? null : Number(row.input_tokens),
    outputTokens: row.output_tokens === null ? null : Number(row.output_tokens),
    cachedTokens: row.cached_tokens === null ? null : Number(row.cached_tokens),
    costNanoUsd: row.cost_nanos === null ? null : toSafeInteger(row.cost_nanos),
    settled: Number(row.settled) === 1,
    updatedAt: row.updated_at,
  };
}

export function toJob(row: Selectable<BatchProviderJobsTable>): BatchProviderJobRecord {
  return {
    batchId: row.batch_id,
    round: Number(row.round),
    provider: row.provider,
    model: row.model,
    ...(row.provider_batch_id === null ? {} : { providerBatchId: row.provider_batch_id }),
    ...(row.input_file_id === null ? {} : { inputFileId: row.input_file_id }),
    status: row.status,
    lineCount: Number(row.line_count),
    ...(row.error === null ? {} : { error: row.error }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
  };
}

export function parseLineError(text: string | null): BatchLineError | null {
  if (text === null) return null;
  const parsed = JSON.parse(text) as BatchLineError;
  return { code: parsed.code, message: parsed.message };
}
