import { Index } from '@lancedb/lancedb';
import type { Table } from '@lancedb/lancedb';
import { COLUMN } from './lancedb-filter.js';

/**
 * BTree indexes on the filter columns, created once when the vector index is first trained:
 * every search prefilters on tenant and collection, and deletes and counts filter on the
 * document. Below that size a scan of the columns is as fast. `optimize` keeps them current.
 */
export async function createScalarIndexes(table: Table): Promise<void> {
  const existing = new Set((await table.listIndices()).flatMap((index) => index.columns));
  for (const column of [COLUMN.tenantId, COLUMN.collectionId, COLUMN.documentId]) {
    if (!existing.has(column)) await table.createIndex(column, { config: Index.btree() });
  }
}
