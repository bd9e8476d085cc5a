import type { StoreMigration } from './store-migration.js';

/** Collections, unique by name within a tenant. */
export const createCollections: StoreMigration = {
  name: '0001-create-collections',
  async up(db) {
    await db.schema
      .createTable('collections')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('embedding_model', 'text', (column) => column.notNull())
      .addColumn('dimensions', 'integer', (column) => column.notNull())
      .addColumn('chunking', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addUniqueConstraint('collections_tenant_name_unique', ['tenant_id', 'name'])
      .execute();
    // Keyset pagination walks (created_at, id) within a tenant.
    await db.schema.createIndex('collections_tenant_created_index').on('collections').columns(['tenant_id', 'created_at', 'id']).execute();
  },
};
