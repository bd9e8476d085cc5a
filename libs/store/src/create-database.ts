import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate-to-latest.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { parseDatabaseUrl } from './parse-database-url.js';
import type { StoreSchema } from './schema.js';
import type { StoreDialect } from './store-dialect.js';

/** Options of `createDatabase`. */
export interface CreateDatabaseOptions {
  /** `sqlite:<path>`, `sqlite::memory:` or `postgres://user@host:port/database`. */
  readonly url: string;
  /** Apply pending migrations before returning (default true). */
  readonly migrate?: boolean;
  /** Postgres pool size (default 10). SQLite always uses one connection. */
  readonly maxConnections?: number;
}

/** An open store database. */
export interface StoreDatabase {
  readonly db: Kysely<StoreSchema>;
  readonly dialect: StoreDialect;
  /** Names of the migrations this call applied (empty when the schema was up to date). */
  readonly appliedMigrations: readonly string[];
  /** Closes the SQLite file or ends the Postgres pool. */
  close(): Promise<void>;
}

/** Opens the store at `url` and brings its schema up to date. */
export async function createDatabase(options: CreateDatabaseOptions): Promise<StoreDatabase> {
  const location = parseDatabaseUrl(options.url);
  let db: Kysely<StoreSchema>;
  if (location.dialect === 'sqlite') {
    db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: openSqliteDatabase(location.filename) }) });
  } else {
    const pool = new pg.Pool({ connectionString: location.connectionString, max: options.maxConnections ?? 10 });
    // An idle connection that breaks (server restart, network) is discarded by the pool and
    // the next query opens a new one; without a listener the 'error' event would crash the process.
    pool.on('error', () => undefined);
    db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  }

  let appliedMigrations: readonly string[] = [];
  try {
    if (options.migrate ?? true) {
      appliedMigrations = await migrateToLatest(db, location.dialect);
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect: location.dialect, appliedMigrations, close: () => db.destroy() };
}
