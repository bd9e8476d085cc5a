import type { ApiError } from '../../http/ballast-api.js';
import { formatDuration, formatTable } from '../../progress/format.js';
import type { BatchLineError, BatchObject, BatchRequestCounts } from './batch-api.js';

/** `title: detail` of a problem+json refusal; only the message when there is no separate title. */
export function describeApiError(error: ApiError): string {
  return error.title && error.title !== error.message ? `${error.title}: ${error.message}` : error.message;
}

/** `$0.00042`, `$0.0123`, `$12.50`. */
export function formatUsd(usd: number): string {
  const value = Number.isFinite(usd) ? Math.max(0, usd) : 0;
  if (value === 0) return '$0.00';
  return `$${value.toFixed(value >= 1 ? 2 : value >= 0.01 ? 4 : 6)}`;
}

/** `2025-11-27 10:40:00 UTC` for Unix seconds; `-` for none. */
export function formatTimestamp(unixSeconds: number | null): string {
  if (unixSeconds === null) return '-';
  return new Date(unixSeconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** Requests that have finished, one way or the other (what the progress bar counts). */
export function finishedCount(counts: BatchRequestCounts): number {
  return counts.completed + counts.failed;
}

/** Requests that will run: all but the invalid ones. */
export function runnableCount(counts: BatchRequestCounts): number {
  return Math.max(0, counts.total - counts.invalid);
}

/** `40 total: 12 completed, 2 failed, 1 invalid, 25 pending, 0 cancelled` */
export function formatCounts(counts: BatchRequestCounts): string {
  return `${counts.total} total: ${counts.completed} completed, ${counts.failed} failed, ${counts.invalid} invalid, ${counts.pending} pending, ${counts.cancelled} cancelled`;
}

/** A table of invalid lines: line number, custom_id and reason. */
export function formatLineErrors(errors: readonly BatchLineError[]): string {
  return formatTable(
    ['LINE', 'CUSTOM_ID', 'ERROR'],
    errors.map((error) => [error.line === null ? '-' : String(error.line), error.custom_id ?? '-', [error.code, error.message].filter(Boolean).join(': ')]),
    ['right', 'left', 'left'],
  );
}

/** What `submit` prints: id, status and the invalid lines. */
export function formatSubmitted(batch: BatchObject): string {
  const { total, invalid } = batch.request_counts;
  const lines = [`Submitted batch ${batch.id}: ${batch.status} (${batch.mode || 'default'} mode; ${plural(total, 'line')}, ${invalid} invalid)`];
  if (batch.errors.length > 0) lines.push('', `Invalid lines (left out):`, formatLineErrors(batch.errors));
  if (invalid > batch.errors.length) lines.push(`… and ${invalid - batch.errors.length} more invalid (the API lists the first ${batch.errors.length})`);
  return `${lines.join('\n')}\n`;
}

/** What `status` and `cancel` print. */
export function formatBatchDetails(batch: BatchObject): string {
  const rows: Array<[string, string]> = [
    ['Batch', batch.id],
    ['Status', `${batch.status}${batch.mode ? ` (${batch.mode} mode${batch.completion_window ? `, window ${batch.completion_window}` : ''})` : ''}`],
    ['Requests', formatCounts(batch.request_counts)],
    ['Cost', formatUsd(batch.cost_usd)],
    ['Created', formatTimestamp(batch.created_at)],
    ['Expires', formatTimestamp(batch.expires_at)],
  ];
  if (batch.completed_at !== null) rows.push(['Completed', formatTimestamp(batch.completed_at)]);
  if (batch.cancelled_at !== null) rows.push(['Cancelled', formatTimestamp(batch.cancelled_at)]);
  const metadata = Object.entries(batch.metadata);
  if (metadata.length > 0) rows.push(['Metadata', metadata.map(([key, value]) => `${key}=${value}`).join(' ')]);
  if (batch.workflowId) rows.push(['Workflow', batch.workflowId]);
  if (batch.temporalUiUrl) rows.push(['Temporal UI', batch.temporalUiUrl]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
  if (batch.errors.length > 0) lines.push('', 'Invalid lines:', formatLineErrors(batch.errors));
  return `${lines.join('\n')}\n`;
}

/**
 * The line after waiting: `Batch batch_1 completed in 3m 05s: 37 completed, 2 failed, 1 invalid; cost $0.0123`
 * and where the results are.
 */
export function formatFinalSummary(batch: BatchObject, nowMs: number): string {
  const { completed, failed, invalid, cancelled, pending } = batch.request_counts;
  const endedAt = batch.completed_at ?? batch.cancelled_at;
  const tookMs = batch.created_at === null ? undefined : (endedAt !== null ? endedAt * 1000 : nowMs) - batch.created_at * 1000;
  const counts = [`${completed} completed`, `${failed} failed`, `${invalid} invalid`];
  if (cancelled > 0) counts.push(`${cancelled} cancelled`);
  if (pending > 0) counts.push(`${pending} pending`);
  const took = tookMs === undefined ? '' : ` in ${formatDuration(tookMs)}`;
  const lines = [`Batch ${batch.id} ${batch.status}${took}: ${counts.join(', ')}; cost ${formatUsd(batch.cost_usd)}`];
  if (completed + failed + invalid + cancelled > 0) lines.push(`Results: ballast batch results ${batch.id} -o ${batch.id}.jsonl`);
  return `${lines.join('\n')}\n`;
}

/** How to pick up following a batch that was left. */
export function resumeHint(batch: BatchObject): string {
  return `Stopped waiting; batch ${batch.id} goes on (${batch.status}). Resume with: ballast batch status ${batch.id} --wait\n`;
}

/** The table of `list`. */
export function formatBatchList(batches: readonly BatchObject[], hasMore: boolean): string {
  if (batches.length === 0) return 'No batches.\n';
  const table = formatTable(
    ['ID', 'STATUS', 'MODE', 'DONE', 'INVALID', 'COST', 'CREATED'],
    batches.map((batch) => [
      batch.id,
      batch.status,
      batch.mode || '-',
      `${finishedCount(batch.request_counts)}/${runnableCount(batch.request_counts)}`,
      String(batch.request_counts.invalid),
      formatUsd(batch.cost_usd),
      formatTimestamp(batch.created_at),
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
  );
  return `${table}\n${hasMore ? '(more batches: raise --limit)\n' : ''}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
