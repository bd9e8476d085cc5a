import { createHash } from 'node:crypto';

/** Separates a space's name from the collection part of its per-collection tables. */
const SHARD_MARKER = '.c-';

/**
 * The table holding one collection's vectors of a space. Each collection gets its own table (and
 * IVF index) so that a search filtered to one collection probes partitions trained on that
 * collection alone: with one shared table, a query about content of another collection probed
 * partitions full of that other collection's rows and missed up to a fifth of the right answers
 * (bench/results/retrieval.md). Collection ids may hold `:`, which table names may not, so the
 * name carries a hash of the id.
 */
export function collectionTableName(space: string, collectionId: string): string {
  return `${space}${SHARD_MARKER}${createHash('sha256').update(collectionId).digest('hex').slice(0, 24)}`;
}

/** Whether `table` is one of `space`'s per-collection tables. */
export function isCollectionTableOf(space: string, table: string): boolean {
  return table.startsWith(`${space}${SHARD_MARKER}`) && /^[0-9a-f]{24}$/.test(table.slice(space.length + SHARD_MARKER.length));
}
