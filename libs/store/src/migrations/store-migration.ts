import type { Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * One schema change. Both dialects run the same list; a migration branches on `dialect` only
 * where the engines differ (full-text search, rowid aliases). Applied migrations are recorded
 * by name, so names never change once released.
 */
export interface StoreMigration {
  /** Sortable and permanent, e.g. `0001-create-collections`. */
  readonly name: string;
  /** Typed against no schema: a migration sees the tables as they were when it was written. */
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}
