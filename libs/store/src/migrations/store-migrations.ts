import { createCollections } from './0001-create-collections.js';
import { createDocuments } from './0002-create-documents.js';
import { createChunks } from './0003-create-chunks.js';
import { createChunkSearch } from './0004-create-chunk-search.js';
import type { StoreMigration } from './store-migration.js';

/** Every migration, oldest first. Append only. */
export const STORE_MIGRATIONS: readonly StoreMigration[] = [createCollections, createDocuments, createChunks, createChunkSearch];
