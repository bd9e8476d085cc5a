import { createDatabase } from './create-database.js';
import { createScratchPostgresDatabase, type ScratchPostgresDatabase } from './testing/scratch-postgres-database.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './testing/start-throwaway-postgres.js';
import { runStoreContract } from './testing/store-contract.js';

runStoreContract({ name: 'sqlite (in memory)', createDatabase: () => createDatabase({ url: 'sqlite::memory:' }) });

// Test wiring, not application configuration: which Postgres to run the contract against.
const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const startPostgres = process.env.BALLAST_TEST_POSTGRES === '1';

if (databaseUrl !== undefined || startPostgres) {
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

    runStoreContract({
      name: databaseUrl === undefined ? 'postgres (throwaway cluster)' : 'postgres (DATABASE_URL)',
      createDatabase: () => {
        if (scratch === undefined) {
          throw new Error('the scratch Postgres database was not created (see beforeAll)');
        }
        return createDatabase({ url: scratch.url, maxConnections: 5 });
      },
    });
  });
} else {
  test.skip('postgres store contract: set DATABASE_URL=postgres://… or BALLAST_TEST_POSTGRES=1 to run it', () => undefined);
}
