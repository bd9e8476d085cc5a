import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { createDatabase, parseDatabaseUrl, STORE_MIGRATIONS, type DatabaseLocation, type StoreDatabase } from '#libs/store';
import { checkWritableDirectory } from './check-writable-directory.js';
import { errorMessage, withTimeout, type CheckResult, type DoctorCheck } from './doctor-check.js';

/** Kysely's record of applied migrations (see libs/store migrate-to-latest). */
const MIGRATION_TABLE = 'ballast_migration';

/** The store: the SQLite file is writable or PostgreSQL answers, and its schema is up to date. */
export const checkStore: DoctorCheck = async ({ config, timeoutMs }) => {
  const url = config.storage.databaseUrl ?? `sqlite:${join(resolve(config.dataDir), 'ballast.db')}`;
  let location: DatabaseLocation;
  try {
    location = parseDatabaseUrl(url);
  } catch (error) {
    return [{ name: 'store', status: 'fail', detail: errorMessage(error), fix: 'set BALLAST_DATABASE_URL (storage.databaseUrl) to sqlite:<path> or postgres://user@host:port/database' }];
  }
  if (location.dialect === 'sqlite') {
    if (location.filename === ':memory:') return [{ name: 'store', status: 'warn', detail: 'in memory: everything is lost on exit and not shared between processes', fix: 'use sqlite:<path> or postgres://…' }];
    const file = resolve(location.filename);
    const exists = await stat(file).then(() => true, () => false);
    if (!exists) {
      const directory = await checkWritableDirectory('store', dirname(file), 'set BALLAST_DATABASE_URL to a writable location');
      return [directory.status === 'pass' ? { ...directory, detail: `SQLite ${file} does not exist yet; created and migrated on first start (${directory.detail})` } : directory];
    }
    try {
      await access(file, constants.W_OK);
    } catch (error) {
      return [{ name: 'store', status: 'fail', detail: `SQLite ${file} is not writable: ${errorMessage(error)}`, fix: 'give the user running Ballast write access to the file and its directory' }];
    }
  }
  const where = location.dialect === 'sqlite' ? `SQLite ${resolve(location.filename)}` : `PostgreSQL ${redactPassword(location.connectionString)}`;
  let database: StoreDatabase | undefined;
  try {
    database = await withTimeout(createDatabase({ url, migrate: false, maxConnections: 1 }), timeoutMs);
    const applied = await withTimeout(appliedMigrations(database), timeoutMs);
    return [{ name: 'store', status: 'pass', detail: `${where} is reachable and writable` }, migrationResult(applied)];
  } catch (error) {
    return [
      {
        name: 'store',
        status: 'fail',
        detail: `cannot open ${where}: ${errorMessage(error)}`,
        fix: location.dialect === 'postgres' ? 'check BALLAST_DATABASE_URL (host, port, user, password, database) and that the server accepts connections' : 'check the file is a SQLite database Ballast created',
      },
    ];
  } finally {
    await database?.close().catch(() => undefined);
  }
};

async function appliedMigrations(database: StoreDatabase): Promise<readonly string[]> {
  const tables = await database.db.introspection.getTables();
  if (!tables.some((table) => table.name === MIGRATION_TABLE)) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(database.db);
  return rows.rows.map((row) => row.name);
}

/** Compares what the database has applied with the migrations this build knows. */
export function migrationResult(applied: readonly string[]): CheckResult {
  const name = 'store migrations';
  const known = new Set(STORE_MIGRATIONS.map((migration) => migration.name));
  const unknown = applied.filter((migration) => !known.has(migration));
  if (unknown.length > 0) {
    return { name, status: 'fail', detail: `the database has migrations this Ballast does not know (${unknown.join(', ')}): a newer version migrated it`, fix: 'run the Ballast version that migrated it, or a newer one' };
  }
  const pending = STORE_MIGRATIONS.filter((migration) => !applied.includes(migration.name)).map((migration) => migration.name);
  if (pending.length === 0) return { name, status: 'pass', detail: `up to date (${applied.length} applied)` };
  return {
    name,
    status: 'warn',
    detail: `${pending.length} pending: ${pending.join(', ')}`,
    fix: 'start the API or a worker once: they apply pending migrations on start (several at once are safe)',
  };
}

function redactPassword(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}
