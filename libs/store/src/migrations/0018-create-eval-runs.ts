import type { StoreMigration } from './store-migration.js';

/**
 * Golden-query evaluation runs (docs/eval.md): one row per run of a suite, with the figures the
 * dashboard charts (pass rate, groundedness, cost) in columns and the reports as text. The
 * per-query results live in the JSON report: a run is read whole, never queried by query.
 */
export const createEvalRuns: StoreMigration = {
  name: '0018-create-eval-runs',
  async up(db) {
    await db.schema
      .createTable('eval_runs')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('suite', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('trigger', 'text', (column) => column.notNull())
      .addColumn('queries', 'integer', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('completed_at', 'text')
      .addColumn('pass_rate', 'double precision')
      .addColumn('mean_groundedness', 'double precision')
      .addColumn('total_cost_usd', 'double precision')
      .addColumn('gate', 'text')
      .addColumn('report_json', 'text')
      .addColumn('report_markdown', 'text')
      .addColumn('report_html', 'text')
      .addColumn('error', 'text')
      .execute();
    // A tenant's runs newest first, keyset-paged by (created_at, id); trends read the same order.
    await db.schema.createIndex('eval_runs_tenant_time_index').on('eval_runs').columns(['tenant_id', 'created_at desc', 'id desc']).execute();
  },
};
