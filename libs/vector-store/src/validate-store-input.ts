import { assertDocumentVersion, assertIdentifier } from './validate-identifiers.js';
import { toFloat32Vector } from './validate-vector.js';
import type { CountFilter, DeleteByDocumentFilter, VectorRecord, VectorSearchQuery } from './vector-store.js';
import { VectorStoreError } from './vector-store-error.js';

/** The largest `topK` a search accepts; retrieval never needs more and engines slow down past it. */
export const MAX_TOP_K = 1000;

/** A record after validation: its vector is a Float32Array of the space's dimensions. */
export interface ValidRecord extends VectorRecord {
  readonly vector: Float32Array;
}

/** A search query after validation: collections deduplicated, vector checked. */
export interface ValidSearchQuery extends VectorSearchQuery {
  readonly vector: Float32Array;
  readonly collectionIds: readonly string[];
  readonly documentIds?: readonly string[];
}

function invalid(message: string, space: string, field: string): VectorStoreError {
  return new VectorStoreError(message, { kind: 'invalid-input', space, field });
}

/**
 * Validates records for `space`; a (tenantId, id) given twice keeps its last occurrence, so a
 * batch behaves like the same upserts made one after another.
 */
export function validateRecords(space: string, dimensions: number, records: readonly VectorRecord[]): ValidRecord[] {
  if (!Array.isArray(records)) throw invalid('records must be an array', space, 'records');
  const byKey = new Map<string, ValidRecord>();
  records.forEach((record: VectorRecord, index) => {
    const field = `records[${index}]`;
    if (typeof record !== 'object' || record === null) throw invalid(`${field} must be an object`, space, field);
    assertIdentifier(record.id, `${field}.id`);
    assertIdentifier(record.tenantId, `${field}.tenantId`);
    assertIdentifier(record.collectionId, `${field}.collectionId`);
    assertIdentifier(record.documentId, `${field}.documentId`);
    assertDocumentVersion(record.documentVersion, `${field}.documentVersion`);
    const vector = toFloat32Vector(record.vector, { space, dimensions, field: `${field}.vector` });
    const key = `${record.tenantId}\u0000${record.id}`;
    byKey.delete(key);
    byKey.set(key, {
      id: record.id,
      tenantId: record.tenantId,
      collectionId: record.collectionId,
      documentId: record.documentId,
      documentVersion: record.documentVersion,
      vector,
    });
  });
  return [...byKey.values()];
}

function identifierList(values: unknown, space: string, field: string): string[] {
  if (!Array.isArray(values) || values.length === 0) throw invalid(`${field} must be a non-empty array of ids`, space, field);
  values.forEach((value: unknown, index) => assertIdentifier(value, `${field}[${index}]`));
  return [...new Set(values as string[])];
}

/** Validates a search: tenant and a non-empty collection list are mandatory. */
export function validateSearchQuery(space: string, dimensions: number, query: VectorSearchQuery): ValidSearchQuery {
  if (typeof query !== 'object' || query === null) throw invalid('query must be an object', space, 'query');
  assertIdentifier(query.tenantId, 'query.tenantId');
  const collectionIds = identifierList(query.collectionIds, space, 'query.collectionIds');
  const documentIds = query.documentIds === undefined ? undefined : identifierList(query.documentIds, space, 'query.documentIds');
  if (!Number.isInteger(query.topK) || query.topK < 1 || query.topK > MAX_TOP_K) {
    throw invalid(`query.topK must be an integer from 1 to ${MAX_TOP_K}, got ${String(query.topK)}`, space, 'query.topK');
  }
  if (query.minScore !== undefined && (typeof query.minScore !== 'number' || !Number.isFinite(query.minScore))) {
    throw invalid(`query.minScore must be a finite number, got ${String(query.minScore)}`, space, 'query.minScore');
  }
  const vector = toFloat32Vector(query.vector, { space, dimensions, field: 'query.vector' });
  return { ...query, collectionIds, documentIds, vector };
}

/** Validates a delete: tenant and document are mandatory, versions are integers. */
export function validateDeleteFilter(space: string, filter: DeleteByDocumentFilter): DeleteByDocumentFilter {
  if (typeof filter !== 'object' || filter === null) throw invalid('filter must be an object', space, 'filter');
  assertIdentifier(filter.tenantId, 'filter.tenantId');
  assertIdentifier(filter.documentId, 'filter.documentId');
  if (filter.versionsBelow !== undefined) assertDocumentVersion(filter.versionsBelow, 'filter.versionsBelow');
  if (filter.version !== undefined) assertDocumentVersion(filter.version, 'filter.version');
  return filter;
}

/** Validates a count: tenant is mandatory. */
export function validateCountFilter(space: string, filter: CountFilter): CountFilter {
  if (typeof filter !== 'object' || filter === null) throw invalid('filter must be an object', space, 'filter');
  assertIdentifier(filter.tenantId, 'filter.tenantId');
  if (filter.collectionId !== undefined) assertIdentifier(filter.collectionId, 'filter.collectionId');
  if (filter.documentId !== undefined) assertIdentifier(filter.documentId, 'filter.documentId');
  return filter;
}
