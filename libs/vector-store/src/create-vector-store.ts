import { LanceDbVectorStore, type LanceDbVectorStoreOptions } from './lancedb/lancedb-vector-store.js';
import { QdrantVectorStore, type QdrantVectorStoreOptions } from './qdrant/qdrant-vector-store.js';
import type { VectorStore } from './vector-store.js';

/** Which vector store to open and its settings. */
export type VectorStoreSpec = ({ readonly kind: 'lancedb' } & LanceDbVectorStoreOptions) | ({ readonly kind: 'qdrant' } & QdrantVectorStoreOptions);

/** Opens a VectorStore; nothing connects until the first call. */
export function createVectorStore(spec: VectorStoreSpec): VectorStore {
  switch (spec.kind) {
    case 'lancedb':
      return new LanceDbVectorStore(spec);
    case 'qdrant':
      return new QdrantVectorStore(spec);
    default:
      throw new Error(`unknown vector store kind: ${String((spec as { kind?: unknown }).kind)}`);
  }
}
