import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from '../schema.js';
import type { StoreDialect } from '../store-dialect.js';

/** Postgres SQLSTATEs a transaction may simply be run again after: deadlock, serialization failure. */
const RETRYABLE_POSTGRES_CODES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

/**
 * Runs `work` in one read-write transaction and returns its result; a throw rolls everything
 * back. SQLite: `BEGIN IMMEDIATE` on the process's one connection, held for the whole callback,
 * so the write lock is taken before the first read (a deferred `BEGIN` could read, then fail
 * to upgrade when another process wrote meanwhile) and no other query of this process runs
 * in between. Postgres: a READ COMMITTED transaction on a pooled connection, run again (up to
 * three times) if the server aborts it as a deadlock victim. `work` must use only the handle it
 * is given: on SQLite, the outer `db` waits for the connection this transaction holds.
 */
export async function inWriteTransaction<T>(db: Kysely<StoreSchema>, dialect: StoreDialect, work: (trx: Kysely<StoreSchema>) => Promise<T>): Promise<T> {
  if (dialect === 'sqlite') {
    return db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      let result: T;
      try {
        result = await work(connection);
        await sql`commit`.execute(connection);
      } catch (error) {
        await sql`rollback`.execute(connection).catch(() => undefined);
        throw error;
      }
      return result;
    });
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE_POSTGRES_CODES.has(String((error as { code?: unknown }).code))) {
        throw error;
      }
    }
  }
}
