import { sql } from 'kysely';
import type { StoreMigration } from './store-migration.js';

/**
 * The reserve-then-settle ledger: one counter row per cap scope and period (spent + reserved
 * nano-dollars), one reservation row per request attempt. Amounts are integers (bigint), so
 * sums never drift the way floating-point dollars do.
 */
export const createSpendLedger: StoreMigration = {
  name: '0006-create-spend-ledger',
  async up(db) {
    await db.schema
      .createTable('spend_counters')
      .addColumn('scope', 'text', (column) => column.notNull())
      .addColumn('subject', 'text', (column) => column.notNull())
      .addColumn('period', 'text', (column) => column.notNull())
      .addColumn('spent_nanos', 'bigint', (column) => column.notNull().defaultTo(0))
      .addColumn('reserved_nanos', 'bigint', (column) => column.notNull().defaultTo(0))
      .addColumn('limit_nanos', 'bigint')
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('spend_counters_pk', ['scope', 'subject', 'period'])
      .execute();
    await db.schema
      .createTable('spend_reservations')
      .addColumn('request_id', 'text', (column) => column.notNull())
      .addColumn('attempt', 'integer', (column) => column.notNull())
      .addColumn('id', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('amount_nanos', 'bigint', (column) => column.notNull())
      .addColumn('actual_nanos', 'bigint')
      .addColumn('counters', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('expires_at', 'text', (column) => column.notNull())
      .addColumn('released_at', 'text')
      .addColumn('settled_at', 'text')
      // Idempotency: a retried reserve or settle of the same attempt finds this row. The key
      // is the primary key (no separate index on `id`): every index is one more write per request.
      .addPrimaryKeyConstraint('spend_reservations_pk', ['request_id', 'attempt'])
      .execute();
    // The reaper's scan: live reservations by expiry. Partial, so settled rows leave it.
    await db.schema
      .createIndex('spend_reservations_live_expires_index')
      .on('spend_reservations')
      .column('expires_at')
      .where(sql.ref('status'), '=', sql.lit('reserved'))
      .execute();
  },
};
