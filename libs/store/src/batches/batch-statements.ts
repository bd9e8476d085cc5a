import { sql } from 'kysely';
import { ConflictError } from '../conflict-error.js';
import { ReusableStatement, valueRows } from '../ledger/reusable-statement.js';
import type { BatchLineOutcome, NewBatchLine } from './batch-line-record.js';
import type { LineRow } from './batch-rows.js';

/**
 * One outcome UPDATE (compiled once per dialect): values are status, response, error,
 * retryable, input/output/cached tokens, cost, round, provider, model, updated_at, batch id,
 * the line's index or custom id, then the guard's rounds.
 */
function outcomeStatement(outcome: 'succeeded' | 'failed', target: 'line_index' | 'custom_id'): ReusableStatement<LineRow> {
  return new ReusableStatement<LineRow>(`record ${outcome} by ${target}`, (v) => {
    const guard =
      outcome === 'succeeded'
        ? sql`(status in ('pending', 'submitted', 'cancelled') or (status = 'failed' and round < ${v[14]}))`
        : sql`((status in ('pending', 'submitted') and round <= ${v[14]}) or (status = 'failed' and round < ${v[15]}))`;
    return sql<LineRow>`update batch_lines set status = ${v[0]}, response = ${v[1]}, error = ${v[2]}, retryable = ${v[3]},
      input_tokens = ${v[4]}, output_tokens = ${v[5]}, cached_tokens = ${v[6]}, cost_nanos = ${v[7]}, round = ${v[8]},
      provider = coalesce(${v[9]}, provider), model = coalesce(${v[10]}, model), updated_at = ${v[11]}
      where batch_id = ${v[12]} and ${sql.ref(target)} = ${v[13]} and status <> 'invalid' and ${guard}
      returning *`;
  });
}

export const SUCCEED_BY_INDEX = outcomeStatement('succeeded', 'line_index');
export const SUCCEED_BY_CUSTOM_ID = outcomeStatement('succeeded', 'custom_id');
export const FAIL_BY_INDEX = outcomeStatement('failed', 'line_index');
export const FAIL_BY_CUSTOM_ID = outcomeStatement('failed', 'custom_id');

/** Refuses new lines that could not be stored as one batch (negative or repeated indices, repeated custom ids). */
export function checkNewLines(batchId: string, tenantId: string, lines: readonly NewBatchLine[]): void {
  const indices = new Set<number>();
  const customIds = new Set<string>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.lineIndex) || line.lineIndex < 0) {
      throw new RangeError(`batch ${batchId}: line index must be an integer ≥ 0, got ${line.lineIndex}`);
    }
    if (indices.has(line.lineIndex)) {
      throw new ConflictError({ entity: 'batch line', tenantId, field: 'lineIndex', value: String(line.lineIndex), message: `batch ${batchId} has line ${line.lineIndex} twice` });
    }
    indices.add(line.lineIndex);
    if (line.status === 'pending') {
      if (customIds.has(line.customId)) {
        throw new ConflictError({ entity: 'batch line', tenantId, field: 'customId', value: line.customId, message: `batch ${batchId} has custom_id "${line.customId}" on two valid lines` });
      }
      customIds.add(line.customId);
    }
  }
}

/** Refuses outcomes with counts that are not whole non-negative numbers. */
export function checkOutcome(outcome: BatchLineOutcome): void {
  const counts: [string, number | undefined][] = [
    ['round', outcome.round],
    ['costNanoUsd', outcome.costNanoUsd],
    ...(outcome.outcome === 'succeeded'
      ? ([
          ['inputTokens', outcome.inputTokens],
          ['outputTokens', outcome.outputTokens],
          ['cachedTokens', outcome.cachedTokens],
        ] as [string, number | undefined][])
      : []),
  ];
  for (const [name, value] of counts) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new RangeError(`batch line outcome: ${name} must be an integer ≥ 0, got ${value}`);
    }
  }
}

/** Columns `create` writes, in the order of `newLineValues`. */
const NEW_LINE_COLUMNS = ['batch_id', 'line_index', 'custom_id', 'status', 'request', 'error', 'provider', 'model', 'updated_at'] as const;

/**
 * Multi-row insert of new lines, compiled once per dialect and row count: building a 500-row
 * INSERT with the query builder costs more than SQLite takes to run it.
 */
export const INSERT_LINES = new ReusableStatement<never>(
  'insert batch lines',
  (values) => sql<never>`insert into batch_lines (${sql.join(NEW_LINE_COLUMNS.map((column) => sql.ref(column)))}) values ${valueRows(values, NEW_LINE_COLUMNS.length)}`,
);

/** A new line's values for `INSERT_LINES` (the other columns take their defaults or null). */
export function newLineValues(batchId: string, line: NewBatchLine, updatedAt: string): unknown[] {
  const valid = line.status === 'pending';
  return [
    batchId,
    line.lineIndex,
    line.customId,
    line.status,
    valid ? JSON.stringify(line.request) : null,
    valid ? null : JSON.stringify({ code: line.error.code, message: line.error.message }),
    valid ? (line.provider ?? null) : null,
    valid ? (line.model ?? null) : null,
    updatedAt,
  ];
}
