/** Shapes of retrieval-augmented generation shared by the API, workflows and activities. */

/** How documents of a collection are cut into chunks. */
export interface ChunkingSettings {
  /** Chunks aim for this many tokens (of the collection's tokenizer). */
  readonly targetTokens: number;
  /** Hard upper bound; a longer sentence is split on words. */
  readonly maxTokens: number;
  /** Tokens repeated from the end of one chunk at the start of the next. */
  readonly overlapTokens: number;
}

/** A collection: a tenant's set of documents, embedded with one model. */
export interface CollectionInfo {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly embeddingModel: string;
  readonly dimensions: number;
  readonly chunking: ChunkingSettings;
  readonly createdAt: string;
}

export type DocumentStatus = 'queued' | 'parsing' | 'embedding' | 'ready' | 'failed' | 'deleting' | 'deleted';

/** Media types Ballast can parse. */
export const SUPPORTED_MEDIA_TYPES = ['text/plain', 'text/markdown', 'text/html', 'application/pdf'] as const;
export type SupportedMediaType = (typeof SUPPORTED_MEDIA_TYPES)[number];

/** Input of `ingestDocumentWorkflow`: ids only; the content waits in the blob store. */
export interface IngestDocumentInput {
  readonly tenantId: string;
  readonly collectionId: string;
  readonly documentId: string;
  /** Version being ingested; readers keep seeing the previous one until it is activated. */
  readonly version: number;
  readonly blobId: string;
  readonly mediaType: SupportedMediaType;
  /** Chunks embedded per activity (each activity heartbeats between provider calls). */
  readonly batchSize?: number;
  /** Set by continue-as-new: chunks before this position are already embedded. */
  readonly resumeFrom?: number;
}

/** Progress of one document's ingestion. */
export interface IngestProgress {
  readonly documentId: string;
  readonly version: number;
  readonly status: DocumentStatus;
  readonly chunksTotal: number;
  readonly chunksEmbedded: number;
  readonly error?: string;
}

/** Retrieval options of a chat request (the `ballast.retrieval` field). */
export interface RetrievalSettings {
  readonly collections: readonly string[];
  readonly topK: number;
  /** Fuse vector search with BM25 by reciprocal rank fusion. */
  readonly hybrid: boolean;
  /** Maximal marginal relevance: 0 = off, 1 = only diversity. */
  readonly mmrLambda?: number;
  /** Chunks scoring below this are dropped (cosine similarity for pure vector search). */
  readonly minScore?: number;
}

/** One retrieved chunk as it enters workflow history: ids and a score, never text. */
export interface RetrievedChunkRef {
  readonly chunkId: string;
  readonly documentId: string;
  readonly collectionId: string;
  readonly score: number;
}

/** What `[n]` in an answer points to. */
export interface Citation {
  /** The number used in the prompt and the answer: `[1]` is index 1. */
  readonly index: number;
  readonly documentId: string;
  readonly collectionId: string;
  readonly title: string;
  readonly section?: string;
  readonly page?: number;
  readonly chunkId: string;
  readonly score: number;
}
