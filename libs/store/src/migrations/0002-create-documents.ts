import { sql } from 'kysely';
import type { StoreMigration } from './store-migration.js';

/** Documents with their version counters and ingestion progress. */
export const createDocuments: StoreMigration = {
  name: '0002-create-documents',
  async up(db) {
    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('collection_id', 'text', (column) => column.notNull().references('collections.id').onDelete('cascade'))
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('media_type', 'text', (column) => column.notNull())
      .addColumn('source_name', 'text')
      .addColumn('content_hash', 'text')
      .addColumn('latest_version', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('active_version', 'integer')
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('chunks_total', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('chunks_embedded', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('error', 'text')
      .addColumn('bytes', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('pages', 'integer')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('documents_collection_created_index')
      .on('documents')
      .columns(['tenant_id', 'collection_id', 'created_at', 'id'])
      .execute();
    // A re-upload of the same file replaces the document; two live documents never share a
    // source name, even when two uploads race. Deleted tombstones do not count.
    await db.schema
      .createIndex('documents_source_name_unique')
      .unique()
      .on('documents')
      .columns(['collection_id', 'source_name'])
      .where(sql.ref('source_name'), 'is not', null)
      .where(sql.ref('status'), '<>', sql.lit('deleted'))
      .execute();
  },
};
