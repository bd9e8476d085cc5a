import { Index } from '@lancedb/lancedb';
import type { Table } from '@lancedb/lancedb';
import { COLUMN } from './lancedb-filter.js';

/**
 * Scalar indexes on the filter columns, created once when the vector index is first trained
 * (below that size scanning the columns is as fast); `optimize` keeps them current. Every search
 * prefilters on tenant and collection: bitmap indexes answer those equality filters several
 * milliseconds faster than BTree ones on the benchmark (bench/results/retrieval.md) and suit
 * their cardinality (tenants × collections of one embedding space). Document ids are many, so
 * deletes and counts by document get a BTree.
 */
export async function createScalarIndexes(table: Table): Promise<void> {
  const existing = new Set((await table.listIndices()).flatMap((index) => index.columns));
  const wanted = [
    { column: COLUMN.tenantId, config: Index.bitmap() },
    { column: COLUMN.collectionId, config: Index.bitmap() },
    { column: COLUMN.documentId, config: Index.btree() },
  ];
  for (const { column, config } of wanted) {
    if (!existing.has(column)) await table.createIndex(column, { config });
  }
}
