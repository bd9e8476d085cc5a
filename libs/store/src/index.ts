export type { StoreDialect } from './store-dialect.js';
export type { StoreSchema, CollectionsTable, DocumentsTable, ChunksTable } from './schema.js';
export { createDatabase, type CreateDatabaseOptions, type StoreDatabase } from './create-database.js';
export { parseDatabaseUrl, sqliteUrlForDataDir, type DatabaseLocation } from './parse-database-url.js';
export { openSqliteDatabase, SQLITE_BUSY_TIMEOUT_MS } from './open-sqlite-database.js';
export { migrateToLatest } from './migrate-to-latest.js';
export { STORE_MIGRATIONS } from './migrations/store-migrations.js';
export type { StoreMigration } from './migrations/store-migration.js';

export { ConflictError, type ConflictFacts } from './conflict-error.js';
export { NotFoundError, type NotFoundFacts } from './not-found-error.js';
export { InvalidCursorError } from './invalid-cursor-error.js';
export { isUniqueViolation } from './is-unique-violation.js';
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, pageLimit, type Page, type PageOptions } from './page.js';

export { CollectionsRepository, type CreateCollectionInput } from './collections-repository.js';
export { DocumentsRepository, type BeginVersionInput, type CreateDocumentInput, type ListDocumentsOptions, type ProgressUpdate } from './documents-repository.js';
export type { DocumentRecord } from './document-record.js';
export { ChunksRepository } from './chunks-repository.js';
export type { ChunkRecord } from './chunk-record.js';
export { searchChunksBm25, MAX_BM25_RESULTS, type Bm25SearchInput } from './search-chunks-bm25.js';
export { extractSearchTerms, toFts5Query, toTsQuery, MAX_SEARCH_TERMS } from './full-text-query.js';
export { ENGLISH_STOP_WORDS } from './english-stop-words.js';

export { BlobStore, assertBlobId, type BlobSource, type PutBlobOptions, type StoredBlob } from './blob-store.js';
export { BlobTooLargeError, InvalidBlobIdError } from './blob-errors.js';
