import type { StoreMigration } from './store-migration.js';

/** One row per settled request attempt: the source of usage reports. */
export const createUsageEvents: StoreMigration = {
  name: '0007-create-usage-events',
  async up(db) {
    await db.schema
      .createTable('usage_events')
      .addColumn('request_id', 'text', (column) => column.notNull())
      .addColumn('attempt', 'integer', (column) => column.notNull())
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('user_id', 'text')
      .addColumn('key_id', 'text')
      .addColumn('provider', 'text', (column) => column.notNull())
      .addColumn('model', 'text', (column) => column.notNull())
      .addColumn('input_tokens', 'integer')
      .addColumn('output_tokens', 'integer')
      .addColumn('cached_tokens', 'integer')
      .addColumn('cost_nanos', 'bigint', (column) => column.notNull())
      .addColumn('occurred_at', 'text', (column) => column.notNull())
      // A settle replayed after a crash can never record the same attempt twice.
      .addPrimaryKeyConstraint('usage_events_pk', ['request_id', 'attempt'])
      .execute();
    await db.schema.createIndex('usage_events_tenant_occurred_index').on('usage_events').columns(['tenant_id', 'occurred_at']).execute();
    // Admin reports across tenants scan by time only.
    await db.schema.createIndex('usage_events_occurred_index').on('usage_events').column('occurred_at').execute();
  },
};
