import type { StoreMigration } from './store-migration.js';

/** API keys, stored as a sha256 of the secret; looked up by that hash on every request. */
export const createApiKeys: StoreMigration = {
  name: '0005-create-api-keys',
  async up(db) {
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('user_id', 'text')
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('role', 'text', (column) => column.notNull())
      .addColumn('secret_hash', 'text', (column) => column.notNull().unique())
      .addColumn('prefix', 'text', (column) => column.notNull())
      .addColumn('last4', 'text', (column) => column.notNull())
      .addColumn('daily_budget_nanos', 'bigint')
      .addColumn('monthly_budget_nanos', 'bigint')
      .addColumn('rpm', 'integer')
      .addColumn('tpm', 'integer')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('rotated_from_id', 'text')
      .addColumn('lineage_id', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('api_keys_tenant_created_index').on('api_keys').columns(['tenant_id', 'created_at', 'id']).execute();
  },
};
