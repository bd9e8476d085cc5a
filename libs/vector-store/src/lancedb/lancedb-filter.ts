import { IDENTIFIER_PATTERN } from '../validate-identifiers.js';
import type { CountFilter, DeleteByDocumentFilter, VectorSearchQuery } from '../vector-store.js';

/**
 * LanceDB filters are SQL text. They are built here only, from ids that passed
 * IDENTIFIER_PATTERN (no quotes, spaces or operators can appear) and from integers; string
 * literals are still escaped so the builder stays safe if the pattern is ever widened.
 */

/** Column names of a vector table. */
export const COLUMN = {
  id: 'id',
  tenantId: 'tenant_id',
  collectionId: 'collection_id',
  documentId: 'document_id',
  documentVersion: 'document_version',
  vector: 'vector',
} as const;

/** A single-quoted SQL string literal of an identifier (quotes doubled). */
export function sqlString(value: string): string {
  if (!IDENTIFIER_PATTERN.test(value)) throw new Error(`refusing to put a non-identifier into a LanceDB filter: ${JSON.stringify(value)}`);
  return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL integer literal; refuses anything but a safe integer. */
export function sqlInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`refusing to put a non-integer into a LanceDB filter: ${String(value)}`);
  return String(value);
}

function equals(column: string, value: string): string {
  return `${column} = ${sqlString(value)}`;
}

function inList(column: string, values: readonly string[]): string {
  return values.length === 1 ? equals(column, values[0] as string) : `${column} IN (${values.map(sqlString).join(', ')})`;
}

/** The filter of a search: tenant AND collections [AND documents]. */
export function searchFilter(query: Pick<VectorSearchQuery, 'tenantId' | 'collectionIds' | 'documentIds'>): string {
  const parts = [equals(COLUMN.tenantId, query.tenantId), inList(COLUMN.collectionId, query.collectionIds)];
  if (query.documentIds !== undefined) parts.push(inList(COLUMN.documentId, query.documentIds));
  return parts.join(' AND ');
}

/** The filter of `deleteByDocument`. */
export function deleteFilter(filter: DeleteByDocumentFilter): string {
  const parts = [equals(COLUMN.tenantId, filter.tenantId), equals(COLUMN.documentId, filter.documentId)];
  if (filter.versionsBelow !== undefined) parts.push(`${COLUMN.documentVersion} < ${sqlInteger(filter.versionsBelow)}`);
  if (filter.version !== undefined) parts.push(`${COLUMN.documentVersion} = ${sqlInteger(filter.version)}`);
  return parts.join(' AND ');
}

/** The filter of `count`. */
export function countFilter(filter: CountFilter): string {
  const parts = [equals(COLUMN.tenantId, filter.tenantId)];
  if (filter.collectionId !== undefined) parts.push(equals(COLUMN.collectionId, filter.collectionId));
  if (filter.documentId !== undefined) parts.push(equals(COLUMN.documentId, filter.documentId));
  return parts.join(' AND ');
}
