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

export type { ApiKeyRole } from './api-keys/api-key-role.js';
export { API_KEY_ROLES } from './api-keys/api-key-role.js';
export { API_KEY_PREFIX, API_KEY_SECRET_LENGTH, generateApiKeySecret, hashApiKey, isApiKeyShaped, visibleKeyParts } from './api-keys/api-key-secret.js';
export type { ApiKeyBudgets, ApiKeyLimits, ApiKeyRecord } from './api-keys/api-key-record.js';
export {
  ApiKeysRepository,
  type ApiKeyLookup,
  type ApiKeysRepositoryOptions,
  type CreateApiKeyInput,
  type CreatedApiKey,
  type ListApiKeysOptions,
  type RotateApiKeyOptions,
} from './api-keys/api-keys-repository.js';

export type { ApiKeysTable, SpendCountersTable, SpendReservationsTable, UsageEventsTable, RateLimitStateTable, RateLimitThrottlesTable, Int8 } from './schema.js';
export { inWriteTransaction } from './ledger/write-transaction.js';
export { NANOS_PER_USD, nanosToUsd, toSafeInteger, usdToNanos } from './ledger/nano-usd.js';
export { CAP_SCOPE_KINDS, capPeriod, type CapPeriod, type CapScope, type CapScopeKind, type CapState } from './ledger/cap-scope.js';
export { capScopesFor, GLOBAL_SUBJECT, type BudgetCaps, type SpendSubject } from './ledger/cap-scopes-for.js';
export type { ReservationStatus } from './ledger/reservation-status.js';
export type { AttemptKey, ReapOptions, ReleaseResult, ReserveAdmitted, ReserveInput, ReserveRefused, ReserveResult, SettleInput, SettleResult } from './ledger/spend-ledger-types.js';
export { SpendLedger, type SpendLedgerOptions } from './ledger/spend-ledger.js';
export type { ReservationRecord } from './ledger/reservation-record.js';
export type { CounterKey } from './ledger/spend-counters.js';

export type { UsageEvent } from './usage/usage-event.js';
export { UsageRepository, USAGE_GROUP_BYS, type UsageGroup, type UsageGroupBy, type UsageQuery } from './usage/usage-repository.js';
export { ConversationSummariesRepository, type ConversationSummary } from './conversations/conversation-summaries-repository.js';
export { CacheEntriesRepository, type StoredCacheEntry } from './cache/cache-entries-repository.js';
export type { TracesTable } from './schema.js';
export { TRACE_STATUSES, type PromptTemplateRef, type TraceAttempt, type TraceContentMode, type TraceRecord, type TraceStatus, type TraceSummaryRecord } from './traces/trace-record.js';
export { TracesRepository, type TraceListQuery, type TraceScope } from './traces/traces-repository.js';
export { TraceAnalytics, type CostlyTraceRef, type GroupTotals, type LatencySamples, type TraceRange, type TraceTotals } from './traces/trace-analytics.js';
export { AlertsRepository, type AlertDelivery, type AlertIdentity, type AlertScope, type StoredAlertEvent, type StoredAlertState } from './alerts/alerts-repository.js';
export { ReviewsRepository, type StoredReview } from './alerts/reviews-repository.js';
export * from './batches/index.js';
export { EvalRunsRepository, type EvalRunScope, type EvalRunsTable } from './evals/eval-runs-repository.js';
export type { EvalRunCompletion, EvalRunRecord, EvalRunStatus, EvalRunTrigger, NewEvalRun } from './evals/eval-run-record.js';
