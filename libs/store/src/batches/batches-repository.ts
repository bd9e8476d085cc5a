import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConflictError } from '../conflict-error.js';
import { isUniqueViolation } from '../is-unique-violation.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor.js';
import { toSafeInteger } from '../ledger/nano-usd.js';
import { inWriteTransaction } from '../ledger/write-transaction.js';
import { pageLimit, type Page, type PageOptions } from '../page.js';
import type { BatchesTable, BatchProviderJobsTable, StoreSchema } from '../schema.js';
import type { StoreDialect } from '../store-dialect.js';
import {
  BATCH_LINE_STATUSES,
  FINAL_BATCH_LINE_STATUSES,
  type BatchLineError,
  type BatchLineOutcome,
  type BatchLineRecord,
  type BatchLineStatus,
  type BatchLinesQuery,
  type BatchResultLine,
  type BatchResultsQuery,
  type BatchSubmission,
  type CancelledBatchLine,
  type NewBatchLine,
} from './batch-line-record.js';
import type { BatchProviderJobKey, BatchProviderJobPatch, BatchProviderJobRecord, UpsertBatchProviderJobInput } from './batch-provider-job-record.js';
import { FINAL_BATCH_STATUSES, type BatchRecord, type BatchStatus, type BatchStatusPatch, type CreateBatchInput } from './batch-record.js';
import { NO_LINES, parseLineError, toBatch, toJob, toLine, type LineRow, type LineTotals } from './batch-rows.js';
import { checkNewLines, checkOutcome, FAIL_BY_CUSTOM_ID, FAIL_BY_INDEX, INSERT_LINES, newLineValues, SUCCEED_BY_CUSTOM_ID, SUCCEED_BY_INDEX } from './batch-statements.js';
import { batchStatusesLeadingTo } from './batch-status-transitions.js';

/** Options of `BatchesRepository`. */
export interface BatchesRepositoryOptions {
  /** The clock for default timestamps (default: the system clock). */
  readonly now?: () => Date;
}

// Rows per INSERT: a line binds 9 values, SQLite allows 32,766 per statement.
const LINES_PER_INSERT = 500;
// Values of one `line_index in (…)` list.
const INDICES_PER_STATEMENT = 1000;
/** Most lines one `lines` or `results` call returns. */
export const MAX_BATCH_LINES_PER_READ = 10_000;

/** What a cancelled line's results entry says unless `markCancelled` is told otherwise. */
export const BATCH_CANCELLED_LINE_ERROR: BatchLineError = { code: 'batch_cancelled', message: 'The batch was cancelled before this request ran.' };

/**
 * Batch jobs (docs/batches.md): the batch, its lines (request, outcome, cost) and the provider
 * batches submitted for it. Every write that a retried activity may repeat is idempotent:
 * status changes only move forward, an outcome never overwrites a success (nor a failure
 * with one of the same or an earlier round), and the line moves return only the lines moved.
 */
export class BatchesRepository {
  private readonly now: () => Date;

  constructor(
    private readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
    options: BatchesRepositoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Stores a batch and all its lines in one transaction (10,000 lines take well under a second
   * on SQLite). An id already stored throws ConflictError (field `id`); lines repeating a
   * `lineIndex`, or valid lines repeating a `customId`, throw ConflictError before anything is written.
   */
  async create(input: CreateBatchInput, lines: readonly NewBatchLine[]): Promise<BatchRecord> {
    const createdAt = input.createdAt ?? this.now().toISOString();
    const row: BatchesTable = {
      id: input.id ?? `batch_${randomUUID().replaceAll('-', '')}`,
      tenant_id: input.tenantId,
      user_id: input.userId ?? null,
      key_id: input.keyId ?? null,
      mode: input.mode,
      status: input.status ?? 'validating',
      endpoint: input.endpoint,
      completion_window: input.completionWindow,
      deadline_at: input.deadlineAt,
      webhook_url: input.webhookUrl ?? null,
      metadata: JSON.stringify(input.metadata ?? {}),
      invalid_errors: JSON.stringify(input.invalidLines ?? []),
      created_at: createdAt,
      started_at: null,
      completed_at: null,
      cancelled_at: null,
      error: null,
    };
    checkNewLines(row.id, row.tenant_id, lines);
    const lineRows = lines.map((line) => newLineValues(row.id, line, createdAt));
    try {
      await inWriteTransaction(this.db, this.dialect, async (trx) => {
        await trx.insertInto('batches').values(row).execute();
        for (let start = 0; start < lineRows.length; start += LINES_PER_INSERT) {
          const slice = lineRows.slice(start, start + LINES_PER_INSERT);
          await INSERT_LINES.execute(trx, this.dialect, slice.flat(), String(slice.length));
        }
      });
    } catch (error) {
      // The lines were checked above: a collision can only be the batch id.
      if (isUniqueViolation(error)) {
        throw new ConflictError({ entity: 'batch', tenantId: row.tenant_id, field: 'id', value: row.id, message: `batch ${row.id} already exists`, cause: error });
      }
      throw error;
    }
    const counts = { ...NO_LINES, total: lines.length, invalid: lines.filter((line) => line.status === 'invalid').length };
    return toBatch(row, { counts: { ...counts, pending: counts.total - counts.invalid }, costNanos: 0 });
  }

  /** The batch with its line counts and cost; with `tenantId`, another tenant's batch reads as absent. */
  async get(id: string, tenantId?: string): Promise<BatchRecord | undefined> {
    let select = this.db.selectFrom('batches').selectAll().where('id', '=', id);
    if (tenantId !== undefined) select = select.where('tenant_id', '=', tenantId);
    const row = await select.executeTakeFirst();
    if (row === undefined) return undefined;
    const totals = await this.lineTotals([id]);
    return toBatch(row, totals.get(id));
  }

  /** The tenant's batches, newest first, with their counts. */
  async list(tenantId: string, options: PageOptions = {}): Promise<Page<BatchRecord>> {
    const limit = pageLimit(options);
    let select = this.db.selectFrom('batches').selectAll().where('tenant_id', '=', tenantId);
    if (options.cursor !== undefined) {
      const after = decodeKeysetCursor(options.cursor);
      select = select.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
    }
    const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const pageRows = rows.slice(0, limit);
    const totals = await this.lineTotals(pageRows.map((row) => row.id));
    const items = pageRows.map((row) => toBatch(row, totals.get(row.id)));
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last === undefined ? { items } : { items, nextCursor: encodeKeysetCursor({ createdAt: last.created_at, id: last.id }) };
  }

  /**
   * Moves the batch to `status` if its current status allows it (a non-final status moves
   * forward, to `cancelling`, or to any final status; `finalizing → in_progress` for a resubmit
   * round; the same non-final status again is allowed). Returns false, writing nothing, for a
   * final batch, a disallowed move or an unknown id. Timestamps are written once (a repeat keeps
   * the first) and default to now: `startedAt` for `in_progress`, `cancelledAt` for `cancelled`,
   * `completedAt` for `completed`, `failed` and `expired`.
   */
  async updateStatus(id: string, status: BatchStatus, patch: BatchStatusPatch = {}): Promise<boolean> {
    const now = this.now().toISOString();
    const startedAt = patch.startedAt ?? (status === 'in_progress' ? now : undefined);
    const cancelledAt = patch.cancelledAt ?? (status === 'cancelled' ? now : undefined);
    const completedAt = patch.completedAt ?? (status === 'completed' || status === 'failed' || status === 'expired' ? now : undefined);
    const result = await this.db
      .updateTable('batches')
      .set((eb) => ({
        status,
        ...(startedAt === undefined ? {} : { started_at: eb.fn.coalesce('started_at', eb.val(startedAt)) }),
        ...(completedAt === undefined ? {} : { completed_at: eb.fn.coalesce('completed_at', eb.val(completedAt)) }),
        ...(cancelledAt === undefined ? {} : { cancelled_at: eb.fn.coalesce('cancelled_at', eb.val(cancelledAt)) }),
        ...(patch.error === undefined ? {} : { error: JSON.stringify(patch.error) }),
      }))
      .where('id', '=', id)
      .where('status', 'in', batchStatusesLeadingTo(status))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** A page of the batch's lines in input order: those after `afterIndex`, optionally of some statuses only. */
  async lines(batchId: string, query: BatchLinesQuery): Promise<BatchLineRecord[]> {
    if (query.statuses?.length === 0) return [];
    let select = this.db.selectFrom('batch_lines').selectAll().where('batch_id', '=', batchId);
    if (query.statuses !== undefined) select = select.where('status', 'in', query.statuses);
    if (query.afterIndex !== undefined) select = select.where('line_index', '>', query.afterIndex);
    if (query.settled !== undefined) select = select.where('settled', '=', query.settled ? 1 : 0);
    if (query.round !== undefined) select = select.where('round', '=', query.round);
    if (query.provider !== undefined) select = select.where('provider', '=', query.provider);
    if (query.model !== undefined) select = select.where('model', '=', query.model);
    const rows = await select.orderBy('line_index').limit(readLimit(query.limit)).execute();
    return rows.map(toLine);
  }

  /** The lines at these positions (absent ones are left out), in input order. */
  async linesByIndices(batchId: string, lineIndices: readonly number[]): Promise<BatchLineRecord[]> {
    const rows: LineRow[] = [];
    for (const slice of slices(unique(lineIndices))) {
      rows.push(...(await this.db.selectFrom('batch_lines').selectAll().where('batch_id', '=', batchId).where('line_index', 'in', slice).execute()));
    }
    return rows.sort((a, b) => a.line_index - b.line_index).map(toLine);
  }

  /**
   * Marks lines as sent in `round` to `provider`/`model` (one more attempt each). Only a
   * `pending` line of this or an earlier round, or a retryable `failed` line of an earlier
   * round, moves; returns the indices that moved, ascending (a repeated call moves none).
   */
  async markSubmitted(batchId: string, lineIndices: readonly number[], submission: BatchSubmission): Promise<number[]> {
    const { round, provider, model } = submission;
    const updatedAt = this.now().toISOString();
    return this.moveLines(lineIndices, (trx, slice) =>
      trx
        .updateTable('batch_lines')
        .set((eb) => ({ status: 'submitted', round, provider, model, attempts: eb('attempts', '+', 1), error: null, retryable: 0, updated_at: updatedAt }))
        .where('batch_id', '=', batchId)
        .where('line_index', 'in', slice)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('round', '<=', round)]),
            eb.and([eb('status', '=', 'failed'), eb('retryable', '=', 1), eb('round', '<', round)]),
          ]),
        )
        .returning('line_index')
        .execute(),
    );
  }

  /**
   * Puts lines back to `pending` for `round`: `pending` or `submitted` lines of an earlier round
   * (a provider job given up, its lines to run queued) and retryable `failed` lines of an earlier
   * round. Returns the indices that moved, ascending (a repeated call moves none).
   */
  async resetForResubmit(batchId: string, lineIndices: readonly number[], round: number): Promise<number[]> {
    const updatedAt = this.now().toISOString();
    return this.moveLines(lineIndices, (trx, slice) =>
      trx
        .updateTable('batch_lines')
        .set({ status: 'pending', round, error: null, retryable: 0, updated_at: updatedAt })
        .where('batch_id', '=', batchId)
        .where('line_index', 'in', slice)
        .where('round', '<', round)
        .where((eb) => eb.or([eb('status', 'in', ['pending', 'submitted']), eb.and([eb('status', '=', 'failed'), eb('retryable', '=', 1)])]))
        .returning('line_index')
        .execute(),
    );
  }

  /**
   * Records line outcomes in one transaction and returns the lines it changed (each once, as
   * they are now). Idempotent: a `succeeded` or `invalid` line never changes; a `failed` line
   * changes only for an outcome of a later round; a `pending`/`submitted` line takes a failure
   * of its round or a later one, and a success of any round; a `cancelled` line takes only a
   * success (the provider answered, and charged, before the cancel reached it). Outcomes naming
   * an unknown line are ignored.
   */
  async recordOutcomes(batchId: string, outcomes: readonly BatchLineOutcome[]): Promise<BatchLineRecord[]> {
    if (outcomes.length === 0) return [];
    outcomes.forEach(checkOutcome);
    const updatedAt = this.now().toISOString();
    const changed = await inWriteTransaction(this.db, this.dialect, async (trx) => {
      const byIndex = new Map<number, LineRow>();
      for (const outcome of outcomes) {
        const byCustomId = outcome.customId !== undefined;
        const target = byCustomId ? outcome.customId : outcome.lineIndex;
        const rows =
          outcome.outcome === 'succeeded'
            ? await (byCustomId ? SUCCEED_BY_CUSTOM_ID : SUCCEED_BY_INDEX).execute(trx, this.dialect, [
                'succeeded',
                JSON.stringify(outcome.response),
                null,
                0,
                outcome.inputTokens,
                outcome.outputTokens,
                outcome.cachedTokens ?? null,
                outcome.costNanoUsd,
                outcome.round,
                outcome.provider ?? null,
                outcome.model ?? null,
                updatedAt,
                batchId,
                target,
                outcome.round,
              ])
            : await (byCustomId ? FAIL_BY_CUSTOM_ID : FAIL_BY_INDEX).execute(trx, this.dialect, [
                'failed',
                null,
                JSON.stringify({ code: outcome.code, message: outcome.message }),
                outcome.retryable ? 1 : 0,
                null,
                null,
                null,
                outcome.costNanoUsd ?? null,
                outcome.round,
                outcome.provider ?? null,
                outcome.model ?? null,
                updatedAt,
                batchId,
                target,
                outcome.round,
                outcome.round,
              ]);
        for (const row of rows) byIndex.set(row.line_index, row);
      }
      return [...byIndex.values()];
    });
    return changed.sort((a, b) => a.line_index - b.line_index).map(toLine);
  }

  /**
   * Cancels every `pending` and `submitted` line, with `error` as its results entry; returns the
   * lines cancelled, ascending, with what they were (a repeated call cancels none).
   */
  async markCancelled(batchId: string, error: BatchLineError = BATCH_CANCELLED_LINE_ERROR): Promise<CancelledBatchLine[]> {
    const updatedAt = this.now().toISOString();
    const cancelled = await inWriteTransaction(this.db, this.dialect, async (trx) => {
      const open = await trx
        .selectFrom('batch_lines')
        .select(['line_index', 'status', 'round'])
        .where('batch_id', '=', batchId)
        .where('status', 'in', ['pending', 'submitted'])
        .execute();
      await trx
        .updateTable('batch_lines')
        .set({ status: 'cancelled', error: JSON.stringify({ code: error.code, message: error.message }), retryable: 0, updated_at: updatedAt })
        .where('batch_id', '=', batchId)
        .where('status', 'in', ['pending', 'submitted'])
        .execute();
      return open;
    });
    return cancelled
      .map((row) => ({ lineIndex: Number(row.line_index), previousStatus: row.status as CancelledBatchLine['previousStatus'], round: Number(row.round) }))
      .sort((a, b) => a.lineIndex - b.lineIndex);
  }

  /** Notes that these lines' ledger reservations were settled or released; returns how many changed. */
  async markSettled(batchId: string, lineIndices: readonly number[]): Promise<number> {
    const moved = await this.moveLines(lineIndices, (trx, slice) =>
      trx.updateTable('batch_lines').set({ settled: 1 }).where('batch_id', '=', batchId).where('line_index', 'in', slice).where('settled', '=', 0).returning('line_index').execute(),
    );
    return moved.length;
  }

  /**
   * Lines with an entry in the results file (`invalid`, `succeeded`, `failed`, `cancelled`), in
   * input order, after `afterIndex`: what `GET /v1/batches/:id/results` streams.
   */
  async results(batchId: string, query: BatchResultsQuery): Promise<BatchResultLine[]> {
    let select = this.db
      .selectFrom('batch_lines')
      .select(['line_index', 'custom_id', 'status', 'response', 'error'])
      .where('batch_id', '=', batchId)
      .where('status', 'in', FINAL_BATCH_LINE_STATUSES);
    if (query.afterIndex !== undefined) select = select.where('line_index', '>', query.afterIndex);
    const rows = await select.orderBy('line_index').limit(readLimit(query.limit)).execute();
    return rows.map((row) => {
      const status = row.status as BatchResultLine['status'];
      return {
        lineIndex: row.line_index,
        customId: row.custom_id,
        status,
        response: status === 'succeeded' && row.response !== null ? (JSON.parse(row.response) as unknown) : null,
        error: status === 'succeeded' ? null : (parseLineError(row.error) ?? { code: status === 'cancelled' ? BATCH_CANCELLED_LINE_ERROR.code : status, message: '' }),
      };
    });
  }

  /**
   * Inserts a provider job, or updates the stored one: status, line count and updated_at are
   * replaced; provider batch id, input file id and error are replaced only by a value given
   * (a retried submit cannot erase them); finished_at and created_at keep their first value.
   * Returns the job as stored.
   */
  async upsertJob(input: UpsertBatchProviderJobInput): Promise<BatchProviderJobRecord> {
    const now = this.now().toISOString();
    const row: BatchProviderJobsTable = {
      batch_id: input.batchId,
      round: input.round,
      provider: input.provider,
      model: input.model,
      provider_batch_id: input.providerBatchId ?? null,
      input_file_id: input.inputFileId ?? null,
      status: input.status,
      line_count: input.lineCount,
      error: input.error ?? null,
      created_at: now,
      updated_at: now,
      finished_at: input.finishedAt ?? null,
    };
    const stored = await this.db
      .insertInto('batch_provider_jobs')
      .values(row)
      .onConflict((conflict) =>
        conflict.columns(['batch_id', 'round', 'provider', 'model']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          line_count: eb.ref('excluded.line_count'),
          updated_at: eb.ref('excluded.updated_at'),
          provider_batch_id: eb.fn.coalesce('excluded.provider_batch_id', 'batch_provider_jobs.provider_batch_id'),
          input_file_id: eb.fn.coalesce('excluded.input_file_id', 'batch_provider_jobs.input_file_id'),
          error: eb.fn.coalesce('excluded.error', 'batch_provider_jobs.error'),
          finished_at: eb.fn.coalesce('batch_provider_jobs.finished_at', 'excluded.finished_at'),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toJob(stored);
  }

  /** One provider job. */
  async getJob(key: BatchProviderJobKey): Promise<BatchProviderJobRecord | undefined> {
    const row = await this.db
      .selectFrom('batch_provider_jobs')
      .selectAll()
      .where('batch_id', '=', key.batchId)
      .where('round', '=', key.round)
      .where('provider', '=', key.provider)
      .where('model', '=', key.model)
      .executeTakeFirst();
    return row === undefined ? undefined : toJob(row);
  }

  /** The batch's provider jobs by round, provider, model. */
  async jobs(batchId: string): Promise<BatchProviderJobRecord[]> {
    const rows = await this.db.selectFrom('batch_provider_jobs').selectAll().where('batch_id', '=', batchId).orderBy('round').orderBy('provider').orderBy('model').execute();
    return rows.map(toJob);
  }

  /** Changes the given fields of a provider job; false when there is no such job. */
  async updateJob(key: BatchProviderJobKey, patch: BatchProviderJobPatch): Promise<boolean> {
    const result = await this.db
      .updateTable('batch_provider_jobs')
      .set({
        updated_at: this.now().toISOString(),
        ...(patch.status === undefined ? {} : { status: patch.status }),
        ...(patch.providerBatchId === undefined ? {} : { provider_batch_id: patch.providerBatchId }),
        ...(patch.inputFileId === undefined ? {} : { input_file_id: patch.inputFileId }),
        ...(patch.lineCount === undefined ? {} : { line_count: patch.lineCount }),
        ...(patch.error === undefined ? {} : { error: patch.error }),
        ...(patch.finishedAt === undefined ? {} : { finished_at: patch.finishedAt }),
      })
      .where('batch_id', '=', key.batchId)
      .where('round', '=', key.round)
      .where('provider', '=', key.provider)
      .where('model', '=', key.model)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Retention: deletes batches in a final status created before `cutoff`, with their lines and
   * provider jobs; returns how many batches. Running batches are kept whatever their age.
   */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    const before = cutoff.toISOString();
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      const expired = trx.selectFrom('batches').select('id').where('created_at', '<', before).where('status', 'in', FINAL_BATCH_STATUSES);
      await trx.deleteFrom('batch_lines').where('batch_id', 'in', expired).execute();
      await trx.deleteFrom('batch_provider_jobs').where('batch_id', 'in', expired).execute();
      const result = await trx.deleteFrom('batches').where('created_at', '<', before).where('status', 'in', FINAL_BATCH_STATUSES).executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }

  /** Runs `update` over `lineIndices` in slices, in one transaction; the moved indices, ascending. */
  private async moveLines(
    lineIndices: readonly number[],
    update: (trx: Kysely<StoreSchema>, slice: readonly number[]) => Promise<{ line_index: number }[]>,
  ): Promise<number[]> {
    const indices = unique(lineIndices);
    if (indices.length === 0) return [];
    const moved = await inWriteTransaction(this.db, this.dialect, async (trx) => {
      const rows: number[] = [];
      for (const slice of slices(indices)) rows.push(...(await update(trx, slice)).map((row) => row.line_index));
      return rows;
    });
    return moved.sort((a, b) => a - b);
  }

  /** Line counts per status and summed cost of each batch in `batchIds`. */
  private async lineTotals(batchIds: readonly string[]): Promise<Map<string, LineTotals>> {
    const totals = new Map<string, LineTotals>();
    if (batchIds.length === 0) return totals;
    const rows = await this.db
      .selectFrom('batch_lines')
      .select((eb) => ['batch_id', 'status', eb.fn.countAll<number | string>().as('lines'), eb.fn.sum<number | string | null>('cost_nanos').as('cost')])
      .where('batch_id', 'in', batchIds)
      .groupBy(['batch_id', 'status'])
      .execute();
    for (const row of rows) {
      const current = totals.get(row.batch_id) ?? { counts: NO_LINES, costNanos: 0 };
      const lines = toSafeInteger(row.lines);
      const status = row.status as BatchLineStatus;
      totals.set(row.batch_id, {
        counts: { ...current.counts, total: current.counts.total + lines, ...(BATCH_LINE_STATUSES.includes(status) ? { [status]: current.counts[status] + lines } : {}) },
        costNanos: current.costNanos + toSafeInteger(row.cost),
      });
    }
    return totals;
  }
}

function readLimit(limit: number): number {
  if (!Number.isFinite(limit)) throw new RangeError(`a line limit must be a finite number, got ${limit}`);
  return Math.min(MAX_BATCH_LINES_PER_READ, Math.max(1, Math.floor(limit)));
}

function unique(values: readonly number[]): number[] {
  return [...new Set(values)];
}

function slices(values: readonly number[]): number[][] {
  const result: number[][] = [];
  for (let start = 0; start < values.length; start += INDICES_PER_STATEMENT) result.push(values.slice(start, start + INDICES_PER_STATEMENT));
  return result;
}
