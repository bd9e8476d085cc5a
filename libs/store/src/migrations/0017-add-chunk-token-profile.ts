import type { StoreMigration } from './store-migration.js';

/**
 * Each chunk's ingestion profile: its token counts in o200k_base and cl100k_base and the analysis
 * context compression reads (`profileChunk` of `#libs/context`), so a request that retrieves the
 * chunk neither counts nor analyses it again. Text, opaque to the store; null for chunks stored
 * before this migration (they are counted and analysed as before).
 */
export const addChunkTokenProfile: StoreMigration = {
  name: '0017-add-chunk-token-profile',
  async up(db) {
    await db.schema.alterTable('chunks').addColumn('token_profile', 'text').execute();
  },
};
