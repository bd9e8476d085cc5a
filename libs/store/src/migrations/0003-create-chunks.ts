import type { StoreMigration } from './store-migration.js';

/** Chunks of every document version; their text feeds BM25 search (next migration). */
export const createChunks: StoreMigration = {
  name: '0003-create-chunks',
  async up(db, dialect) {
    let table = db.schema.createTable('chunks');
    if (dialect === 'sqlite') {
      // FTS5's external-content table needs a stable integer rowid: an INTEGER PRIMARY KEY
      // alias survives VACUUM, an implicit rowid may be renumbered by it.
      table = table.addColumn('seq', 'integer', (column) => column.primaryKey()).addColumn('id', 'text', (column) => column.notNull().unique());
    } else {
      table = table.addColumn('id', 'text', (column) => column.primaryKey());
    }
    await table
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('collection_id', 'text', (column) => column.notNull())
      .addColumn('document_id', 'text', (column) => column.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('position', 'integer', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('token_count', 'integer', (column) => column.notNull())
      .addColumn('section', 'text')
      .addColumn('page', 'integer')
      .addColumn('content_hash', 'text', (column) => column.notNull())
      .execute();
    // One chunk per position of a version: a re-run of chunking can never add a second one.
    await db.schema.createIndex('chunks_document_version_position_unique').unique().on('chunks').columns(['document_id', 'version', 'position']).execute();
  },
};
