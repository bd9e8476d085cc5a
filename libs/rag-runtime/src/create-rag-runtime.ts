import { join, resolve } from 'node:path';
import { ApiKeyTenants } from '#libs/access';
import type { ResolvedConfig } from '#libs/config';
import { MemoryRateLimiter, SqlRateLimiter, type RateLimiter } from '#libs/limits';
import { ApiKeysRepository, BlobStore, ChunksRepository, CollectionsRepository, createDatabase, DocumentsRepository, SpendLedger, UsageRepository } from '#libs/store';
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
  close(): Promise<void>;
}

/** Opens (and migrates) everything under `dataDir` by default, or what `storage:` names. */
export async function createRagRuntime(config: ResolvedConfig): Promise<RagRuntime> {
  const dataDir = resolve(config.dataDir);
  const { storage } = config;
  const database = await createDatabase({ url: storage.databaseUrl ?? `sqlite:${join(dataDir, 'ballast.db')}` });
  const vectors =
    storage.vectorStore.kind === 'qdrant'
      ? createVectorStore({ kind: 'qdrant', url: requireQdrantUrl(storage.vectorStore.url), ...(storage.vectorStore.apiKey ? { apiKey: storage.vectorStore.apiKey } : {}) })
      : createVectorStore({ kind: 'lancedb', directory: storage.vectorStore.directory ?? join(dataDir, 'vectors') });
  return {
    collections: new CollectionsRepository(database.db, database.dialect),
    documents: new DocumentsRepository(database.db, database.dialect),
    chunks: new ChunksRepository(database.db, database.dialect),
    blobs: new BlobStore(storage.blobDirectory ?? join(dataDir, 'blobs')),
    vectors,
    embeddings: new EmbeddingRegistry(config),
    apiKeys: new ApiKeysRepository(database.db, database.dialect),
    apiKeyTenants: new ApiKeyTenants(database.db),
    ledger: new SpendLedger(database.db, database.dialect),
    usage: new UsageRepository(database.db, database.dialect),
    rateLimiter: config.rateLimits.store === 'memory' ? new MemoryRateLimiter() : new SqlRateLimiter(database.db, database.dialect),
    async close() {
      await vectors.close();
      await database.close();
    },
  };
}

function requireQdrantUrl(url: string | undefined): string {
  if (!url) throw new Error('storage.vectorStore.kind is qdrant but no URL is set: set QDRANT_URL');
  return url;
}
