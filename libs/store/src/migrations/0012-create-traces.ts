import type { StoreMigration } from './store-migration.js';

/**
 * One row per chat request (provider answer, cache hit, failure or refusal): what operators
 * browse in `GET /v1/traces` and the dashboard, and what alerts and the weekly review read.
 * Prompt and response are stored as the tenant's content mode allows (redacted, hashes only, …).
 */
export const createTraces: StoreMigration = {
  name: '0012-create-traces',
  async up(db) {
    await db.schema
      .createTable('traces')
      // double precision, not real: PostgreSQL's real is 4 bytes.
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('user_id', 'text', (column) => column.notNull())
      .addColumn('key_id', 'text', (column) => column.notNull())
      .addColumn('route', 'text', (column) => column.notNull())
      .addColumn('requested_model', 'text', (column) => column.notNull())
      .addColumn('provider', 'text')
      .addColumn('model', 'text')
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('error_type', 'text')
      .addColumn('http_status', 'integer', (column) => column.notNull())
      .addColumn('latency_ms', 'double precision', (column) => column.notNull())
      .addColumn('ttft_ms', 'double precision')
      .addColumn('input_tokens', 'integer', (column) => column.notNull())
      .addColumn('output_tokens', 'integer', (column) => column.notNull())
      .addColumn('cached_tokens', 'integer', (column) => column.notNull())
      .addColumn('cost_nanos', 'bigint', (column) => column.notNull())
      .addColumn('cache_status', 'text', (column) => column.notNull())
      .addColumn('retries', 'integer', (column) => column.notNull())
      .addColumn('fallbacks', 'integer', (column) => column.notNull())
      .addColumn('groundedness', 'double precision')
      .addColumn('workflow_id', 'text')
      .addColumn('run_id', 'text')
      .addColumn('template_id', 'text')
      .addColumn('template_version', 'text')
      .addColumn('content_mode', 'text', (column) => column.notNull())
      .addColumn('prompt', 'text')
      .addColumn('response', 'text')
      .addColumn('prompt_hash', 'text', (column) => column.notNull())
      .addColumn('response_hash', 'text', (column) => column.notNull())
      .addColumn('attempts', 'text', (column) => column.notNull())
      .addColumn('redactions', 'text', (column) => column.notNull())
      .execute();
    // Lists are per tenant, newest first; dashboards and alerts scan a time range.
    await db.schema.createIndex('traces_tenant_time_index').on('traces').columns(['tenant_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('traces_time_index').on('traces').columns(['created_at', 'id']).execute();
  },
};
