import type { VectorMatch } from '../vector-store.js';
import { VectorStoreError } from '../vector-store-error.js';

/**
 * A LanceDB result row as a VectorMatch. The cosine distance LanceDB reports is 1 − similarity;
 * rounding can push it a hair outside [0, 2], so the score is clamped to [-1, 1].
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
  return { id, documentId, collectionId, documentVersion, score: Math.max(-1, Math.min(1, 1 - distance)) };
}
