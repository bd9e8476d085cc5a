import type { Kysely } from 'kysely';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor.js';
import { pageLimit, type Page, type PageOptions } from '../page.js';
import type { StoreSchema } from '../schema.js';
import type { EvalRunCompletion, EvalRunRecord, EvalRunStatus, EvalRunTrigger, NewEvalRun } from './eval-run-record.js';

/** The `eval_runs` table (migration 0018), kept beside its repository. */
export interface EvalRunsTable {
  id: string;
  tenant_id: string;
  suite: string;
  status: string;
  trigger: string;
  queries: number;
  created_at: string;
  completed_at: string | null;
  pass_rate: number | null;
  mean_groundedness: number | null;
  total_cost_usd: number | null;
  gate: string | null;
  report_json: string | null;
  report_markdown: string | null;
  report_html: string | null;
  error: string | null;
}

type EvalRunRow = EvalRunsTable;

/** Which runs a reader sees: one tenant's, or every tenant's (admins). */
export type EvalRunScope = { readonly tenantId: string } | 'all-tenants';

/**
 * Eval runs. Every write a retried activity may repeat is idempotent: `create` keeps the first
 * row, `complete` and `markFailed` only move a run that is still running (a completed run stays
 * as it was first stored).
 */
export class EvalRunsRepository {
  private readonly db: Kysely<{ eval_runs: EvalRunsTable }>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = db.withTables<{ eval_runs: EvalRunsTable }>() as unknown as Kysely<{ eval_runs: EvalRunsTable }>;
  }

  /** Records a run as running; a run already recorded is left as it is. */
  async create(run: NewEvalRun): Promise<void> {
    await this.db
      .insertInto('eval_runs')
      .values({ id: run.id, tenant_id: run.tenantId, suite: run.suite, status: 'running', trigger: run.trigger, queries: run.queries, created_at: run.createdAt })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }

  /** Stores a run's result; false when it was not running (already stored, or unknown). */
  async complete(id: string, completion: EvalRunCompletion): Promise<boolean> {
    const result = await this.db
      .updateTable('eval_runs')
      .set({
        status: 'completed',
        completed_at: completion.completedAt,
        pass_rate: completion.passRate,
        mean_groundedness: completion.meanGroundedness,
        total_cost_usd: completion.totalCostUsd,
        gate: completion.gate,
        report_json: completion.reportJson,
        report_markdown: completion.reportMarkdown,
        report_html: completion.reportHtml,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markFailed(id: string, error: string, at: string): Promise<void> {
    await this.db.updateTable('eval_runs').set({ status: 'failed', error, completed_at: at }).where('id', '=', id).where('status', '=', 'running').execute();
  }

  async get(id: string, scope: EvalRunScope): Promise<EvalRunRecord | undefined> {
    let select = this.db.selectFrom('eval_runs').selectAll().where('id', '=', id);
    if (scope !== 'all-tenants') select = select.where('tenant_id', '=', scope.tenantId);
    const row = await select.executeTakeFirst();
    return row === undefined ? undefined : toRecord(row, true);
  }

  /** Runs newest first, without their report texts (read one run for those). */
  async list(scope: EvalRunScope, options: PageOptions & { suite?: string } = {}): Promise<Page<EvalRunRecord>> {
    const limit = pageLimit(options);
    let select = this.db
      .selectFrom('eval_runs')
      .select(['id', 'tenant_id', 'suite', 'status', 'trigger', 'queries', 'created_at', 'completed_at', 'pass_rate', 'mean_groundedness', 'total_cost_usd', 'gate', 'error']);
    if (scope !== 'all-tenants') select = select.where('tenant_id', '=', scope.tenantId);
    if (options.suite !== undefined) select = select.where('suite', '=', options.suite);
    if (options.cursor !== undefined) {
      const after = decodeKeysetCursor(options.cursor);
      select = select.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
    }
    const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map((row) => toRecord({ ...row, report_json: null, report_markdown: null, report_html: null }, false));
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last === undefined ? { items } : { items, nextCursor: encodeKeysetCursor({ createdAt: last.created_at, id: last.id }) };
  }
}

function toRecord(row: EvalRunRow, withReports: boolean): EvalRunRecord {
  const base = {
    id: row.id,
    tenantId: row.tenant_id,
    suite: row.suite,
    trigger: row.trigger as EvalRunTrigger,
    queries: Number(row.queries),
    createdAt: row.created_at,
    status: row.status as EvalRunStatus,
    ...(row.error === null ? {} : { error: row.error }),
  };
  if (row.status !== 'completed' || row.completed_at === null) return base;
  return {
    ...base,
    completion: {
      completedAt: row.completed_at,
      passRate: Number(row.pass_rate ?? 0),
      meanGroundedness: row.mean_groundedness === null ? null : Number(row.mean_groundedness),
      totalCostUsd: Number(row.total_cost_usd ?? 0),
      gate: row.gate === 'fail' ? 'fail' : 'pass',
      reportJson: withReports ? (row.report_json ?? '') : '',
      reportMarkdown: withReports ? (row.report_markdown ?? '') : '',
      reportHtml: withReports ? (row.report_html ?? '') : '',
    },
  };
}
