import { sql } from 'kysely';
import type { StoreMigration } from './store-migration.js';

/**
 * Batch jobs (docs/batches.md): the batch, one row per input line (request, outcome, cost), and
 * one row per provider batch submitted for it. Workflow history carries only ids and counts.
 * Flags are integers 0/1 (SQLite has no boolean); costs are nano-dollars (bigint).
 */
export const createBatches: StoreMigration = {
  name: '0016-create-batches',
  async up(db) {
    await db.schema
      .createTable('batches')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('user_id', 'text')
      .addColumn('key_id', 'text')
      .addColumn('mode', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('endpoint', 'text', (column) => column.notNull())
      .addColumn('completion_window', 'text', (column) => column.notNull())
      .addColumn('deadline_at', 'text', (column) => column.notNull())
      .addColumn('webhook_url', 'text')
      .addColumn('metadata', 'text', (column) => column.notNull())
      .addColumn('invalid_errors', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('started_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('error', 'text')
      .execute();
    // A tenant's batches newest first, keyset-paged by (created_at, id).
    await db.schema.createIndex('batches_tenant_time_index').on('batches').columns(['tenant_id', 'created_at desc', 'id desc']).execute();
    // Retention scans by age.
    await db.schema.createIndex('batches_time_index').on('batches').columns(['created_at', 'id']).execute();

    await db.schema
      .createTable('batch_lines')
      .addColumn('batch_id', 'text', (column) => column.notNull())
      .addColumn('line_index', 'integer', (column) => column.notNull())
      .addColumn('custom_id', 'text')
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('request', 'text')
      .addColumn('response', 'text')
      .addColumn('error', 'text')
      .addColumn('retryable', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('provider', 'text')
      .addColumn('model', 'text')
      .addColumn('round', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('input_tokens', 'integer')
      .addColumn('output_tokens', 'integer')
      .addColumn('cached_tokens', 'integer')
      .addColumn('cost_nanos', 'bigint')
      .addColumn('settled', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('batch_lines_pk', ['batch_id', 'line_index'])
      .execute();
    // Work lists (pending, submitted, retryable failures) and counts per status, in input order.
    await db.schema.createIndex('batch_lines_status_index').on('batch_lines').columns(['batch_id', 'status', 'line_index']).execute();
    // custom_id is unique among a batch's valid lines; an invalid line may repeat one (that is why it is invalid).
    await db.schema
      .createIndex('batch_lines_custom_id_index')
      .on('batch_lines')
      .columns(['batch_id', 'custom_id'])
      .unique()
      .where(sql.ref('status'), '<>', sql.lit('invalid'))
      .execute();

    await db.schema
      .createTable('batch_provider_jobs')
      .addColumn('batch_id', 'text', (column) => column.notNull())
      .addColumn('round', 'integer', (column) => column.notNull())
      .addColumn('provider', 'text', (column) => column.notNull())
      .addColumn('model', 'text', (column) => column.notNull())
      .addColumn('provider_batch_id', 'text')
      .addColumn('input_file_id', 'text')
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('line_count', 'integer', (column) => column.notNull())
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addColumn('finished_at', 'text')
      .addPrimaryKeyConstraint('batch_provider_jobs_pk', ['batch_id', 'round', 'provider', 'model'])
      .execute();
  },
};
