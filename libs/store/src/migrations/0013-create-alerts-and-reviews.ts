import type { StoreMigration } from './store-migration.js';

/**
 * Alert state per rule and subject (what fires now, since when, when it last notified), the
 * notifications sent (the `GET /v1/alerts` history), and the weekly reviews.
 */
export const createAlertsAndReviews: StoreMigration = {
  name: '0013-create-alerts-and-reviews',
  async up(db) {
    await db.schema
      .createTable('alert_states')
      .addColumn('key', 'text', (column) => column.primaryKey())
      .addColumn('rule', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('severity', 'text', (column) => column.notNull())
      .addColumn('subject', 'text', (column) => column.notNull())
      .addColumn('tenant_id', 'text')
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('alert_events')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('key', 'text', (column) => column.notNull())
      .addColumn('rule', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('severity', 'text', (column) => column.notNull())
      .addColumn('subject', 'text', (column) => column.notNull())
      .addColumn('tenant_id', 'text')
      .addColumn('notification', 'text', (column) => column.notNull())
      .addColumn('summary', 'text', (column) => column.notNull())
      .addColumn('payload', 'text', (column) => column.notNull())
      .addColumn('deliveries', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('alert_events_time_index').on('alert_events').columns(['created_at', 'id']).execute();
    await db.schema
      .createTable('reviews')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('period_start', 'text', (column) => column.notNull())
      .addColumn('period_end', 'text', (column) => column.notNull())
      .addColumn('markdown', 'text', (column) => column.notNull())
      .addColumn('sections', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('reviews_time_index').on('reviews').columns(['created_at', 'id']).execute();
  },
};
