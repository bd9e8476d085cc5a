import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ChatMessage } from '#libs/contracts';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor.js';
import { nanosToUsd, toSafeInteger, usdToNanos } from '../ledger/nano-usd.js';
import { pageLimit, type Page, type PageOptions } from '../page.js';
import type { StoreSchema, TraceContentsTable, TracesTable } from '../schema.js';
import type { TraceAttempt, TraceContentMode, TraceRecord, TraceStatus, TraceSummaryRecord } from './trace-record.js';

/** Whose traces: one tenant's, or every tenant's (admins; the caller checks the role). */
export type TraceScope = { readonly tenantId: string } | 'all-tenants';

/** Filters of a trace list; every one optional. */
export interface TraceListQuery extends PageOptions {
  readonly scope: TraceScope;
  readonly status?: TraceStatus;
  readonly route?: string;
  /** The answering model (or the requested one when nobody answered). */
  readonly model?: string;
  readonly userId?: string;
  /** Inclusive. */
  readonly since?: Date;
  /** Exclusive. */
  readonly until?: Date;
}

// Rows per INSERT statement: SQLite allows 32,766 bound parameters, a trace binds 30.
const ROWS_PER_STATEMENT = 200;

/** Stored traces: written in batches by the trace recorder, read by the API and the dashboard. */
export class TracesRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  /** Writes traces in one transaction; a trace whose id is already stored is left as it was. */
  async insertMany(records: readonly TraceRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (let start = 0; start < records.length; start += ROWS_PER_STATEMENT) {
        const slice = records.slice(start, start + ROWS_PER_STATEMENT);
        await trx.insertInto('traces').values(slice.map(toRow)).onConflict((conflict) => conflict.column('id').doNothing()).execute();
        await trx.insertInto('trace_contents').values(slice.map(toContentRow)).onConflict((conflict) => conflict.column('id').doNothing()).execute();
      }
    });
  }

  /** Newest first, without content (read one trace with `get`). */
  async list(query: TraceListQuery): Promise<Page<TraceSummaryRecord>> {
    const limit = pageLimit(query);
    let select = this.db.selectFrom('traces').selectAll();
    if (query.scope !== 'all-tenants') select = select.where('tenant_id', '=', query.scope.tenantId);
    if (query.status !== undefined) select = select.where('status', '=', query.status);
    if (query.route !== undefined) select = select.where('route', '=', query.route);
    if (query.model !== undefined) {
      const model = query.model;
      select = select.where((eb) => eb.or([eb('model', '=', model), eb.and([eb('model', 'is', null), eb('requested_model', '=', model)])]));
    }
    if (query.userId !== undefined) select = select.where('user_id', '=', query.userId);
    if (query.since !== undefined) select = select.where('created_at', '>=', query.since.toISOString());
    if (query.until !== undefined) select = select.where('created_at', '<', query.until.toISOString());
    if (query.cursor !== undefined) {
      const after = decodeKeysetCursor(query.cursor);
      select = select.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
    }
    const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toSummary);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last === undefined ? { items } : { items, nextCursor: encodeKeysetCursor({ createdAt: last.created_at, id: last.id }) };
  }

  /** One trace with its content, if it exists in the scope (another tenant's id reads as absent). */
  async get(id: string, scope: TraceScope): Promise<TraceRecord | undefined> {
    let select = this.db.selectFrom('traces').selectAll().where('id', '=', id);
    if (scope !== 'all-tenants') select = select.where('tenant_id', '=', scope.tenantId);
    const row = await select.executeTakeFirst();
    if (row === undefined) return undefined;
    const content = await this.db.selectFrom('trace_contents').selectAll().where('id', '=', id).executeTakeFirst();
    return {
      ...toSummary(row),
      prompt: content?.prompt == null ? null : (JSON.parse(content.prompt) as ChatMessage[]),
      response: content?.response ?? null,
      attempts: content === undefined ? [] : (JSON.parse(content.attempts) as TraceAttempt[]),
      redactions: content === undefined ? {} : (JSON.parse(content.redactions) as Record<string, number>),
    };
  }

  /** Deletes traces created before `cutoff`, with their content; returns how many. */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const expired = trx.selectFrom('traces').select('id').where('created_at', '<', cutoff.toISOString());
      await trx.deleteFrom('trace_contents').where('id', 'in', expired).execute();
      const result = await trx.deleteFrom('traces').where('created_at', '<', cutoff.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }
}

function toRow(record: TraceRecord): Insertable<TracesTable> {
  return {
    id: record.id,
    created_at: record.createdAt,
    tenant_id: record.tenantId,
    user_id: record.userId,
    key_id: record.keyId,
    route: record.route,
    requested_model: record.requestedModel,
    provider: record.provider ?? null,
    model: record.model ?? null,
    status: record.status,
    error_type: record.errorType ?? null,
    http_status: record.httpStatus,
    latency_ms: record.latencyMs,
    ttft_ms: record.ttftMs ?? null,
    input_tokens: record.inputTokens,
    output_tokens: record.outputTokens,
    cached_tokens: record.cachedTokens,
    cost_nanos: usdToNanos(record.costUsd),
    cache_status: record.cacheStatus,
    retries: record.retries,
    fallbacks: record.fallbacks,
    groundedness: record.groundedness ?? null,
    workflow_id: record.workflowId ?? null,
    run_id: record.runId ?? null,
    template_id: record.promptTemplate?.id ?? null,
    template_version: record.promptTemplate?.version ?? null,
    content_mode: record.contentMode,
    prompt_hash: record.promptHash,
    response_hash: record.responseHash,
  };
}

function toContentRow(record: TraceRecord): TraceContentsTable {
  return {
    id: record.id,
    prompt: record.prompt === null ? null : JSON.stringify(record.prompt),
    response: record.response,
    attempts: JSON.stringify(record.attempts),
    redactions: JSON.stringify(record.redactions),
  };
}

function toSummary(row: Selectable<TracesTable>): TraceSummaryRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    tenantId: row.tenant_id,
    userId: row.user_id,
    keyId: row.key_id,
    route: row.route,
    requestedModel: row.requested_model,
    ...(row.provider === null ? {} : { provider: row.provider }),
    ...(row.model === null ? {} : { model: row.model }),
    status: row.status as TraceStatus,
    ...(row.error_type === null ? {} : { errorType: row.error_type }),
    httpStatus: row.http_status,
    latencyMs: Number(row.latency_ms),
    ...(row.ttft_ms === null ? {} : { ttftMs: Number(row.ttft_ms) }),
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    cachedTokens: row.cached_tokens,
    costUsd: nanosToUsd(toSafeInteger(row.cost_nanos)),
    cacheStatus: row.cache_status,
    retries: row.retries,
    fallbacks: row.fallbacks,
    ...(row.groundedness === null ? {} : { groundedness: Number(row.groundedness) }),
    ...(row.workflow_id === null ? {} : { workflowId: row.workflow_id }),
    ...(row.run_id === null ? {} : { runId: row.run_id }),
    ...(row.template_id === null ? {} : { promptTemplate: { id: row.template_id, version: row.template_version ?? '' } }),
    contentMode: row.content_mode as TraceContentMode,
    promptHash: row.prompt_hash,
    responseHash: row.response_hash,
  };
}
