import { randomUUID } from 'node:crypto';
import { createDatabase, type StoreDatabase } from '../../create-database.js';
import { createScratchPostgresDatabase, type ScratchPostgresDatabase } from '../../testing/scratch-postgres-database.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../testing/start-throwaway-postgres.js';

/** One SQL backend a contract suite runs against. */
export interface StoreBackend {
  /** Suite title, e.g. `sqlite (in memory)`. */
  readonly name: string;
  /**
   * Opens the store, migrated. Called before every test. SQLite starts empty each time;
   * Postgres reuses one scratch database, so tests isolate themselves with fresh ids.
   */
  readonly createDatabase: () => Promise<StoreDatabase>;
}

/**
 * Declares `suite` for every SQL backend: SQLite in memory always; Postgres too when
 * DATABASE_URL is a postgres:// URL or BALLAST_TEST_POSTGRES=1 (a throwaway cluster started
 * for the file), as the store contract does. Otherwise a skipped test says how to enable it.
 */
export function forEachStoreBackend(title: string, suite: (backend: StoreBackend) => void): void {
  suite({ name: 'sqlite (in memory)', createDatabase: () => createDatabase({ url: 'sqlite::memory:' }) });

  // Test wiring, not application configuration: which Postgres to run the contract against.
  const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
  const startPostgres = process.env.BALLAST_TEST_POSTGRES === '1';
  if (databaseUrl === undefined && !startPostgres) {
    test.skip(`${title} on postgres: set DATABASE_URL=postgres://… or BALLAST_TEST_POSTGRES=1 to run it`, () => undefined);
    return;
  }
  describe('postgres', () => {
    let server: ThrowawayPostgres | undefined;
    let scratch: ScratchPostgresDatabase | undefined;

    beforeAll(async () => {
      if (databaseUrl === undefined) {
        server = await startThrowawayPostgres();
      }
      scratch = await createScratchPostgresDatabase(databaseUrl ?? server?.url ?? '');
    }, 120_000);
    afterAll(async () => {
      await scratch?.drop();
      await server?.stop();
    });

    suite({
      name: databaseUrl === undefined ? 'postgres (throwaway cluster)' : 'postgres (DATABASE_URL)',
      createDatabase: () => {
        if (scratch === undefined) {
          throw new Error('the scratch Postgres database was not created (see beforeAll)');
        }
        return createDatabase({ url: scratch.url, maxConnections: 5 });
      },
    });
  });
}

/**
 * Before each test of a contract suite: the backend's store, migrated, and a tenant id of the
 * test's own (Postgres keeps one database for the file, so tenants keep the tests apart);
 * the store is closed after the test.
 */
export function freshStorePerTest(backend: StoreBackend, use: (store: { readonly database: StoreDatabase; readonly tenant: string }) => void): void {
  let database: StoreDatabase | undefined;
  beforeEach(async () => {
    database = await backend.createDatabase();
    use({ database, tenant: `tenant-${randomUUID()}` });
  });
  afterEach(async () => {
    await database?.close();
  });
}
