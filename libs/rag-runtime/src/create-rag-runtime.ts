import { join, resolve } from 'node:path';
import type { ResolvedConfig } from '#libs/config';
import { BlobStore, ChunksRepository, CollectionsRepository, createDatabase, DocumentsRepository } from '#libs/store';
import { createVectorStore, type VectorStore } from '#libs/vector-store';
import { EmbeddingRegistry } from './embedding-registry.js';

/** The document store, blob store, vector store and embedding models one process uses. */
export interface RagRuntime {
  readonly collections: CollectionsRepository;
  readonly documents: DocumentsRepository;
  readonly chunks: ChunksRepository;
  readonly blobs: BlobStore;
  readonly vectors: VectorStore;
  readonly embeddings: EmbeddingRegistry;
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
