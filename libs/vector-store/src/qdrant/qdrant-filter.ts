import type { Schemas } from '@qdrant/js-client-rest';
import type { CountFilter, DeleteByDocumentFilter, VectorSearchQuery } from '../vector-store.js';

/** Payload keys of a point (snake_case like the LanceDB columns). */
export const PAYLOAD = {
  chunkId: 'chunk_id',
  tenantId: 'tenant_id',
  collectionId: 'collection_id',
  documentId: 'document_id',
  documentVersion: 'document_version',
} as const;

type Condition = Schemas['FieldCondition'];

function matchValue(key: string, value: string | number): Condition {
  return { key, match: { value } };
}

function matchAny(key: string, values: readonly string[]): Condition {
  return values.length === 1 ? matchValue(key, values[0] as string) : { key, match: { any: [...values] } };
}

/** The filter of a search: tenant AND collections [AND documents]. */
export function qdrantSearchFilter(query: Pick<VectorSearchQuery, 'tenantId' | 'collectionIds' | 'documentIds'>): Schemas['Filter'] {
  const must = [matchValue(PAYLOAD.tenantId, query.tenantId), matchAny(PAYLOAD.collectionId, query.collectionIds)];
  if (query.documentIds !== undefined) must.push(matchAny(PAYLOAD.documentId, query.documentIds));
  return { must };
}

/** The filter of `deleteByDocument`. */
export function qdrantDeleteFilter(filter: DeleteByDocumentFilter): Schemas['Filter'] {
  const must = [matchValue(PAYLOAD.tenantId, filter.tenantId), matchValue(PAYLOAD.documentId, filter.documentId)];
  if (filter.versionsBelow !== undefined) must.push({ key: PAYLOAD.documentVersion, range: { lt: filter.versionsBelow } });
  if (filter.version !== undefined) must.push(matchValue(PAYLOAD.documentVersion, filter.version));
  return { must };
}

/** The filter of `count`. */
export function qdrantCountFilter(filter: CountFilter): Schemas['Filter'] {
  const must = [matchValue(PAYLOAD.tenantId, filter.tenantId)];
  if (filter.collectionId !== undefined) must.push(matchValue(PAYLOAD.collectionId, filter.collectionId));
  if (filter.documentId !== undefined) must.push(matchValue(PAYLOAD.documentId, filter.documentId));
  return { must };
}
