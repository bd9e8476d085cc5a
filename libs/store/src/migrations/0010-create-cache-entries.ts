import type { StoreMigration } from './store-migration.js';

/**
 * Response-cache entries, so answers outlive an API restart and one replica's answer serves
 * another's exact repeats. The in-memory index of each API process is loaded from here.
 */
export const createCacheEntries: StoreMigration = {
  name: '0010-create-cache-entries',
  async up(db) {
    await db.schema
      .createTable('cache_entries')
      .addColumn('route', 'text', (column) => column.notNull())
      .addColumn('id', 'text', (column) => column.notNull())
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('exact_key', 'text', (column) => column.notNull())
      .addColumn('namespace', 'text')
      .addColumn('question', 'text', (column) => column.notNull())
      .addColumn('answer', 'text', (column) => column.notNull())
      .addColumn('source_document_ids', 'text', (column) => column.notNull())
      .addColumn('vector', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('expires_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('cache_entries_pk', ['route', 'id'])
      .execute();
    await db.schema.createIndex('cache_entries_key_index').on('cache_entries').columns(['route', 'exact_key']).execute();
    await db.schema.createIndex('cache_entries_expiry_index').on('cache_entries').column('expires_at').execute();
  },
};
