import type { StoreMigration } from './store-migration.js';

/**
 * Requests answered from the response cache are usage too: they cost nothing, and what they
 * saved (the cached answer's tokens and price) is what the cache is worth.
 */
export const addCacheHitsToUsage: StoreMigration = {
  name: '0011-add-cache-hits-to-usage',
  async up(db) {
    await db.schema.alterTable('usage_events').addColumn('cache_status', 'text').execute();
    await db.schema.alterTable('usage_events').addColumn('saved_cost_nanos', 'bigint', (column) => column.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('usage_events').addColumn('saved_input_tokens', 'integer').execute();
    await db.schema.alterTable('usage_events').addColumn('saved_output_tokens', 'integer').execute();
  },
};
