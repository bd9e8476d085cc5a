import type { StoreMigration } from './store-migration.js';

/**
 * Rolling summaries of conversation turns dropped from the context window: one row per
 * (tenant, conversation, covered prefix), so a later request finds the longest prefix it shares
 * and only summarises the turns dropped since.
 */
export const createConversationSummaries: StoreMigration = {
  name: '0009-create-conversation-summaries',
  async up(db) {
    await db.schema
      .createTable('conversation_summaries')
      .addColumn('tenant_id', 'text', (column) => column.notNull())
      .addColumn('conversation_key', 'text', (column) => column.notNull())
      .addColumn('covered_messages', 'integer', (column) => column.notNull())
      .addColumn('covered_hash', 'text', (column) => column.notNull())
      .addColumn('summary', 'text', (column) => column.notNull())
      .addColumn('tokens', 'integer', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('conversation_summaries_pk', ['tenant_id', 'conversation_key', 'covered_hash'])
      .execute();
    await db.schema
      .createIndex('conversation_summaries_lookup_index')
      .on('conversation_summaries')
      .columns(['tenant_id', 'conversation_key', 'covered_messages'])
      .execute();
  },
};
