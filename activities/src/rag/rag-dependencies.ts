import type { EmbeddingModel } from '#libs/rag';
import type { BlobStore, ChunksRepository, CollectionsRepository, DocumentsRepository } from '#libs/store';
import type { VectorStore } from '#libs/vector-store';

/** Resolves a collection's embedding model by name, and the vector space its vectors live in. */
export interface EmbeddingRegistry {
  get(modelName: string): EmbeddingModel;
  /** One vector space per model and dimension count, e.g. `lexical-embedding-v1_384`. */
  spaceFor(modelName: string, dimensions: number): string;
  /** The model new collections get, also used for per-request (ephemeral) documents. */
  defaultModelName(): string;
}

/** What ingestion and retrieval activities touch. */
export interface RagDependencies {
  readonly collections: CollectionsRepository;
  readonly documents: DocumentsRepository;
  readonly chunks: ChunksRepository;
  readonly blobs: BlobStore;
  readonly vectors: VectorStore;
  readonly embeddings: EmbeddingRegistry;
}
