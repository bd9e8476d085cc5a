import type { BatchRecord, BatchResultLine } from '#libs/store';

const seconds = (iso: string | undefined) => (iso === undefined ? null : Math.floor(Date.parse(iso) / 1000));

/** A stored batch → the batch object of `GET /v1/batches/:id` (OpenAI's fields plus `mode`, `cost_usd` and `ballast`). */
export function toWireBatch(batch: BatchRecord, links: { workflowId: string; temporalUiUrl: string }) {
  const counts = batch.lineCounts;
  return {
    id: batch.id,
    object: 'batch' as const,
    mode: batch.mode,
    status: batch.status,
    endpoint: batch.endpoint,
    completion_window: batch.completionWindow,
    created_at: seconds(batch.createdAt),
    in_progress_at: seconds(batch.startedAt),
    expires_at: seconds(batch.deadlineAt),
    completed_at: seconds(batch.completedAt),
    cancelled_at: seconds(batch.cancelledAt),
    request_counts: {
      total: counts.total,
      completed: counts.succeeded,
      failed: counts.failed,
      invalid: counts.invalid,
      cancelled: counts.cancelled,
      pending: counts.pending + counts.submitted,
    },
    cost_usd: batch.costUsd,
    errors: { object: 'list' as const, data: batch.invalidLines.map((line) => ({ line: line.line, custom_id: line.customId, code: line.code, message: line.message })) },
    error: batch.error ?? null,
    metadata: batch.metadata,
    ballast: { workflow_id: links.workflowId, temporal_ui_url: links.temporalUiUrl },
  };
}

/** One line of the results file, in OpenAI's batch output format. */
export function toWireResultLine(batchId: string, line: BatchResultLine): string {
  const id = `${batchId}_l${line.lineIndex}`;
  if (line.status === 'succeeded') {
    return JSON.stringify({ id, custom_id: line.customId, response: { status_code: 200, request_id: id, body: line.response }, error: null });
  }
  return JSON.stringify({ id, custom_id: line.customId, response: null, error: line.error ?? { code: line.status, message: `line ${line.status}` } });
}
