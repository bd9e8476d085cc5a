import { join, resolve } from 'node:path';
import { ApiKeyTenants } from '#libs/access';
import type { ResolvedConfig } from '#libs/config';
import { EgressLimiter, MemoryRateLimiter, SqlRateLimiter, SqlThrottleStore, type RateLimiter } from '#libs/limits';
import { AlertsRepository, ApiKeysRepository, BatchesRepository, BlobStore, CacheEntriesRepository, ConversationSummariesRepository, ChunksRepository, CollectionsRepository, createDatabase, DocumentsRepository, EvalRunsRepository, ReviewsRepository, SpendLedger, TraceAnalytics, TracesRepository, UsageRepository } from '#libs/store';
import { createVectorStore, type VectorStore } from '#libs/vector-store';
import { EmbeddingRegistry } from './embedding-registry.js';

/**
 * The stores one process uses: documents, blobs, vectors and embedding models, and the access
 * stores (managed API keys, spend ledger, usage, per-key rate limits) on the same database.
 */
export interface RagRuntime {
  readonly collections: CollectionsRepository;
  readonly documents: DocumentsRepository;
  readonly chunks: ChunksRepository;
  readonly blobs: BlobStore;
  readonly vectors: VectorStore;
  readonly embeddings: EmbeddingRegistry;
  /** Managed API keys (hashed); looked up on every request, never cached. */
  readonly apiKeys: ApiKeysRepository;
  /** Which tenant owns a managed key, for the admin API. */
  readonly apiKeyTenants: ApiKeyTenants;
  /** Reserve-then-settle spend against budget caps. */
  readonly ledger: SpendLedger;
  /** Settled usage, grouped for reports. */
  readonly usage: UsageRepository;
  /** Per-key RPM/TPM: in the store (shared by replicas) or in memory, per `rateLimits.store`. */
  readonly rateLimiter: RateLimiter;
  /** Response-cache entries, shared by API replicas and kept across restarts. */
  readonly cacheEntries: CacheEntriesRepository;
  /** Request traces (written in batches by the API) and their aggregates. */
  readonly traces: TracesRepository;
  readonly traceAnalytics: TraceAnalytics;
  /** Alert states and notifications; weekly reviews. */
  readonly alerts: AlertsRepository;
  readonly reviews: ReviewsRepository;
  /** Batch jobs: batches, their lines and provider jobs (docs/batches.md). */
  readonly batches: BatchesRepository;
  /** Golden-query eval runs and their reports (docs/eval.md). */
  readonly evalRuns: EvalRunsRepository;
  /** Rolling summaries of conversation turns dropped from the window. */
  readonly conversations: ConversationSummariesRepository;
  /** Per-provider egress limits from `providers[].limits`, shared through the database by every worker. */
  readonly egress: EgressLimiter;
  close(): Promise<void>;
}

/** How often expired spend reservations are released. */
const LEDGER_REAP_INTERVAL_MS = 30_000;

/** Opens (and migrates) everything under `dataDir` by default, or what `storage:` names. */
export async function createRagRuntime(config: ResolvedConfig): Promise<RagRuntime> {
  const dataDir = resolve(config.dataDir);
  const { storage } = config;
  const database = await createDatabase({ url: storage.databaseUrl ?? `sqlite:${join(dataDir, 'ballast.db')}` });
  const vectors =
    storage.vectorStore.kind === 'qdrant'
      ? createVectorStore({ kind: 'qdrant', url: requireQdrantUrl(storage.vectorStore.url), ...(storage.vectorStore.apiKey ? { apiKey: storage.vectorStore.apiKey } : {}) })
      : createVectorStore({ kind: 'lancedb', directory: storage.vectorStore.directory ?? join(dataDir, 'vectors') });
  const ledger = new SpendLedger(database.db, database.dialect);
  // Holds of attempts whose worker died before settling are freed after they expire (idempotent,
  // so every process running it is harmless).
  const reaper = setInterval(() => void ledger.reapExpired().catch(() => undefined), LEDGER_REAP_INTERVAL_MS);
  reaper.unref();
  return {
    collections: new CollectionsRepository(database.db, database.dialect),
    documents: new DocumentsRepository(database.db, database.dialect),
    chunks: new ChunksRepository(database.db, database.dialect),
    blobs: new BlobStore(storage.blobDirectory ?? join(dataDir, 'blobs')),
    vectors,
    embeddings: new EmbeddingRegistry(config),
    apiKeys: new ApiKeysRepository(database.db, database.dialect),
    apiKeyTenants: new ApiKeyTenants(database.db),
    ledger,
    conversations: new ConversationSummariesRepository(database.db),
    cacheEntries: new CacheEntriesRepository(database.db),
    traces: new TracesRepository(database.db),
    traceAnalytics: new TraceAnalytics(database.db),
    alerts: new AlertsRepository(database.db),
    reviews: new ReviewsRepository(database.db),
    batches: new BatchesRepository(database.db, database.dialect),
    evalRuns: new EvalRunsRepository(database.db),
    usage: new UsageRepository(database.db, database.dialect),
    rateLimiter: config.rateLimits.store === 'memory' ? new MemoryRateLimiter() : new SqlRateLimiter(database.db, database.dialect),
    egress: new EgressLimiter({
      // Buckets are named `egress:<provider>`, apart from the per-key buckets of the same table.
      limiter: new SqlRateLimiter(database.db, database.dialect),
      throttles: new SqlThrottleStore(database.db, database.dialect),
      limits: Object.fromEntries(config.providers.filter((provider) => provider.limits !== undefined).map((provider) => [provider.name, provider.limits ?? {}])),
    }),
    async close() {
      clearInterval(reaper);
      await vectors.close();
      await database.close();
    },
  };
}

function requireQdrantUrl(url: string | undefined): string {
  if (!url) throw new Error('storage.vectorStore.kind is qdrant but no URL is set: set QDRANT_URL');
  return url;
}
