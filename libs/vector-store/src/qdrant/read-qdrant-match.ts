import type { Schemas } from '@qdrant/js-client-rest';
import type { VectorMatch } from '../vector-store.js';
import { VectorStoreError } from '../vector-store-error.js';
import { PAYLOAD } from './qdrant-filter.js';

/**
 * A scored Qdrant point as a VectorMatch. A point of another tenant would mean the filter was
 * not applied; that is refused loudly rather than returned.
 */
export function readQdrantMatch(point: Schemas['ScoredPoint'], tenantId: string, space: string): VectorMatch {
  const payload = (point.payload ?? {}) as Record<string, unknown>;
  const id = payload[PAYLOAD.chunkId];
  const documentId = payload[PAYLOAD.documentId];
  const collectionId = payload[PAYLOAD.collectionId];
  const documentVersion = payload[PAYLOAD.documentVersion];
  if (typeof id !== 'string' || typeof documentId !== 'string' || typeof collectionId !== 'string' || typeof documentVersion !== 'number') {
    throw new VectorStoreError(`Qdrant point ${String(point.id)} in space "${space}" lacks Ballast payload fields`, {
      kind: 'backend',
      store: 'qdrant',
      space,
      isRetryable: false,
    });
  }
  if (payload[PAYLOAD.tenantId] !== tenantId) {
    throw new VectorStoreError(`Qdrant returned point ${String(point.id)} of another tenant for a search of tenant "${tenantId}"`, {
      kind: 'backend',
      store: 'qdrant',
      space,
      isRetryable: false,
    });
  }
  return { id, documentId, collectionId, documentVersion, score: point.score };
}
