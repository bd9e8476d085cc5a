/**
 * The VectorStore port: where chunk embeddings live and how they are found again. Adapters
 * (LanceDB embedded, Qdrant) translate it to their engine; all of them pass
 * `testing/vector-store-contract.ts`.
 *
 * A record is identified by (tenantId, id): the same chunk id under two tenants is two records,
 * so no tenant can overwrite or delete another tenant's vectors, whatever ids it produces.
 */

/** Which engine serves the vectors. */
export type VectorStoreKind = 'lancedb' | 'qdrant';

/** A vector space: one per embedding model and dimension count (vectors of different models never mix). */
export interface VectorSpace {
  /** Table/collection name: letters, digits, `_`, `-`, `.` (see `vectorSpaceName`). */
  readonly name: string;
  /** Length of every vector stored in the space. */
  readonly dimensions: number;
}

/** One chunk's embedding with the facts needed to filter and cite it. */
export interface VectorRecord {
  /** Chunk id, deterministic from (document, version, position, content hash). */
  readonly id: string;
  /** The embedding; any non-zero vector of the space's dimensions (cosine ignores its length). */
  readonly vector: Float32Array | readonly number[];
  readonly tenantId: string;
  readonly collectionId: string;
  readonly documentId: string;
  /** Version of the document the chunk was cut from (a non-negative integer). */
  readonly documentVersion: number;
}

/** A nearest-neighbour query. Tenant and collections are mandatory: there is no unscoped search. */
export interface VectorSearchQuery {
  /** Only this tenant's records can match. */
  readonly tenantId: string;
  /** At least one collection id; records of other collections never match. */
  readonly collectionIds: readonly string[];
  /** The query embedding, of the space's dimensions. */
  readonly vector: Float32Array | readonly number[];
  /** Maximum number of matches (1..1000). */
  readonly topK: number;
  /** Matches with a lower cosine similarity are dropped. */
  readonly minScore?: number;
  /** When given (non-empty), only these documents can match. */
  readonly documentIds?: readonly string[];
}

/** One search result: ids and a score, never text. */
export interface VectorMatch {
  /** The chunk id given at upsert. */
  readonly id: string;
  readonly documentId: string;
  readonly collectionId: string;
  readonly documentVersion: number;
  /** Cosine similarity in [-1, 1]; higher is closer. */
  readonly score: number;
}

/** Which of a document's vectors `deleteByDocument` removes. */
export interface DeleteByDocumentFilter {
  readonly tenantId: string;
  readonly documentId: string;
  /** Remove only versions strictly below this one (what a re-upload leaves behind). */
  readonly versionsBelow?: number;
  /** Remove only this version (a failed ingest). Combined with `versionsBelow` both must hold. */
  readonly version?: number;
}

/** Which records `count` counts; always within one tenant. */
export interface CountFilter {
  readonly tenantId: string;
  readonly collectionId?: string;
  readonly documentId?: string;
}

/** Stores chunk embeddings per vector space and finds the nearest ones within a tenant's collections. */
export interface VectorStore {
  readonly kind: VectorStoreKind;
  /** Creates the space if missing; throws a `dimension-mismatch` VectorStoreError if it exists with other dimensions. */
  ensureSpace(space: VectorSpace): Promise<void>;
  /** Inserts or replaces records by (tenantId, id); repeating a call changes nothing. */
  upsert(space: string, records: readonly VectorRecord[]): Promise<void>;
  /** The `topK` records most similar to `query.vector`, best first, within the tenant's collections. */
  search(space: string, query: VectorSearchQuery): Promise<VectorMatch[]>;
  /** Removes a document's vectors (all versions, one version, or the versions below one). */
  deleteByDocument(space: string, filter: DeleteByDocumentFilter): Promise<void>;
  /** Number of records matching the filter. */
  count(space: string, filter: CountFilter): Promise<number>;
  /** Releases connections; waits for writes and index maintenance in flight. */
  close(): Promise<void>;
}
