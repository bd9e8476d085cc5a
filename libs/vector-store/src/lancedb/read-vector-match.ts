import type { VectorMatch } from '../vector-store.js';
import { VectorStoreError } from '../vector-store-error.js';

/**
 * A LanceDB result row as a VectorMatch. Vectors are unit length and searched by squared
 * Euclidean distance, which for unit vectors is 2 − 2·cosine; rounding can push it a hair outside
 * [0, 4], so the score is clamped to [-1, 1].
 */
export function readVectorMatch(row: unknown, space: string): VectorMatch {
  const fields = row as Record<string, unknown>;
  const { id, document_id: documentId, collection_id: collectionId, document_version: documentVersion, _distance: distance } = fields;
  if (
    typeof id !== 'string' ||
    typeof documentId !== 'string' ||
    typeof collectionId !== 'string' ||
    typeof documentVersion !== 'number' ||
    typeof distance !== 'number'
  ) {
    throw new VectorStoreError(`LanceDB returned a row of unexpected shape in space "${space}": ${JSON.stringify(Object.keys(fields))}`, {
      kind: 'backend',
      store: 'lancedb',
      space,
    });
  }
  return { id, documentId, collectionId, documentVersion, score: Math.max(-1, Math.min(1, 1 - distance / 2)) };
}
