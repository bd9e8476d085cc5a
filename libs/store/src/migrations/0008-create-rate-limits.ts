import type { StoreMigration } from './store-migration.js';

/**
 * Shared rate-limit state for limits that hold across replicas and workers: one GCRA
 * timestamp per bucket and rule, and the adaptive level of egress buckets after upstream 429s.
 */
export const createRateLimits: StoreMigration = {
  name: '0008-create-rate-limits',
  async up(db) {
    await db.schema
      .createTable('rate_limit_state')
      .addColumn('bucket', 'text', (column) => column.notNull())
      .addColumn('rule', 'text', (column) => column.notNull())
      .addColumn('tat_ms', 'double precision', (column) => column.notNull())
      .addPrimaryKeyConstraint('rate_limit_state_pk', ['bucket', 'rule'])
      .execute();
    await db.schema
      .createTable('rate_limit_throttles')
      .addColumn('bucket', 'text', (column) => column.primaryKey())
      .addColumn('level', 'double precision', (column) => column.notNull())
      .addColumn('cut_at_ms', 'double precision', (column) => column.notNull())
      .addColumn('paused_until_ms', 'double precision', (column) => column.notNull())
      .execute();
  },
};
