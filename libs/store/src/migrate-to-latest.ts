import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { STORE_MIGRATIONS } from './migrations/store-migrations.js';
import type { StoreDialect } from './store-dialect.js';

/** Tables where Kysely records applied migrations; prefixed so a shared Postgres database stays readable. */
const MIGRATION_TABLE = 'ballast_migration';
const MIGRATION_LOCK_TABLE = 'ballast_migration_lock';

/**
 * Applies every migration not yet applied and returns their names (empty when up to date).
 * Safe when several processes start at once: Postgres serialises them with Kysely's advisory
 * lock, SQLite with one `BEGIN IMMEDIATE` transaction around the whole run (which also makes
 * a failed run leave the schema untouched).
 */
export async function migrateToLatest<Database>(db: Kysely<Database>, dialect: StoreDialect): Promise<readonly string[]> {
  const migrations: Record<string, Migration> = Object.fromEntries(
    STORE_MIGRATIONS.map((migration) => [migration.name, { up: (database: Kysely<unknown>) => migration.up(database, dialect) }]),
  );
  const migratorFor = (database: Kysely<Database>) =>
    new Migrator({
      db: database,
      provider: { getMigrations: () => Promise.resolve(migrations) },
      migrationTableName: MIGRATION_TABLE,
      migrationLockTableName: MIGRATION_LOCK_TABLE,
    });

  if (dialect === 'postgres') {
    return namesOrThrow(await migratorFor(db).migrateToLatest());
  }
  // Holding Kysely's one SQLite connection for the whole run keeps other work of this process
  // (another migrateToLatest included) out of the transaction; BEGIN IMMEDIATE keeps other
  // processes out.
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    let resultSet: MigrationResultSet;
    try {
      resultSet = await migratorFor(connection).migrateToLatest();
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
    await (resultSet.error === undefined ? sql`commit` : sql`rollback`).execute(connection);
    return namesOrThrow(resultSet);
  });
}

function namesOrThrow(resultSet: MigrationResultSet): readonly string[] {
  if (resultSet.error !== undefined) {
    const failed = resultSet.results?.find((result) => result.status === 'Error')?.migrationName;
    const reason = resultSet.error instanceof Error ? resultSet.error.message : String(resultSet.error);
    throw new Error(`store migration ${failed ?? '(before any migration ran)'} failed: ${reason}`, { cause: resultSet.error });
  }
  return (resultSet.results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
