import { sql } from 'kysely';
import type { StoreMigration } from './store-migration.js';

/**
 * Moves the bulky part of a trace (prompt, answer, attempts, redaction counts) to its own table
 * and indexes the list filters. Dashboards and alerts scan a time range of `traces`; with the text
 * inline each row filled a page and a 30-day dashboard over 100k traces read ~400 MB (see
 * bench/results/observability.md). Lists filtered by user or status scanned the whole range.
 */
export const splitTraceContents: StoreMigration = {
  name: '0014-split-trace-contents',
  async up(db) {
    await db.schema
      .createTable('trace_contents')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('prompt', 'text')
      .addColumn('response', 'text')
      .addColumn('attempts', 'text', (column) => column.notNull())
      .addColumn('redactions', 'text', (column) => column.notNull())
      .execute();
    await sql`insert into trace_contents (id, prompt, response, attempts, redactions) select id, prompt, response, attempts, redactions from traces`.execute(db);
    for (const column of ['prompt', 'response', 'attempts', 'redactions']) {
      await db.schema.alterTable('traces').dropColumn(column).execute();
    }
    await db.schema.createIndex('traces_tenant_user_time_index').on('traces').columns(['tenant_id', 'user_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('traces_tenant_status_time_index').on('traces').columns(['tenant_id', 'status', 'created_at', 'id']).execute();
    await db.schema.createIndex('traces_user_time_index').on('traces').columns(['user_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('traces_status_time_index').on('traces').columns(['status', 'created_at', 'id']).execute();
  },
};
