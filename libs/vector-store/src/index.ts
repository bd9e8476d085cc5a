export type {
  CountFilter,
  DeleteByDocumentFilter,
  VectorMatch,
  VectorRecord,
  VectorSearchQuery,
  VectorSpace,
  VectorStore,
  VectorStoreKind,
} from './vector-store.js';
export { VectorStoreError, type VectorStoreErrorFacts, type VectorStoreErrorKind } from './vector-store-error.js';
export { createVectorStore, type VectorStoreSpec } from './create-vector-store.js';
export { vectorSpaceName } from './vector-space-name.js';
export { IDENTIFIER_PATTERN, SPACE_NAME_PATTERN, MAX_DOCUMENT_VERSION } from './validate-identifiers.js';
export { MAX_TOP_K } from './validate-store-input.js';

export { LanceDbVectorStore, type LanceDbVectorStoreOptions } from './lancedb/lancedb-vector-store.js';
export {
  DEFAULT_LANCEDB_INDEX_POLICY,
  planSearch,
  probesFor,
  type IndexAction,
  type SearchPlan,
  type LanceDbIndexPolicy,
  type VectorIndexState,
} from './lancedb/lancedb-index-policy.js';
export { QdrantVectorStore, type QdrantVectorStoreOptions } from './qdrant/qdrant-vector-store.js';
export { qdrantPointId } from './qdrant/qdrant-point-id.js';
