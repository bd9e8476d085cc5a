import { join } from 'node:path';
import { createScratchPostgresDatabase, type ScratchPostgresDatabase } from '../../libs/store/src/testing/scratch-postgres-database.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../libs/store/src/testing/start-throwaway-postgres.js';

/** The store several processes of a test share. */
export interface SharedStore {
  /** `postgres://…` (scratch database) or `sqlite:<dataDir>/ballast.db`. */
  readonly url: string;
  readonly kind: 'postgres' | 'sqlite';
  stop(): Promise<void>;
}

/**
 * PostgreSQL when DATABASE_URL is a postgres:// URL or BALLAST_TEST_POSTGRES=1 (a throwaway
 * cluster, as the SQL contract tests start; CI sets it), else one SQLite file under `dataDir`
 * (WAL and a busy timeout let several processes share it).
 */
export async function startSharedStore(dataDir: string): Promise<SharedStore> {
  // Test wiring, not application configuration: which Postgres the test runs against.
  const databaseUrl = process.env['DATABASE_URL']?.startsWith('postgres') ? process.env['DATABASE_URL'] : undefined;
  if (databaseUrl === undefined && process.env['BALLAST_TEST_POSTGRES'] !== '1') {
    return { url: `sqlite:${join(dataDir, 'ballast.db')}`, kind: 'sqlite', stop: () => Promise.resolve() };
  }
  let server: ThrowawayPostgres | undefined;
  if (databaseUrl === undefined) server = await startThrowawayPostgres();
  const scratch: ScratchPostgresDatabase = await createScratchPostgresDatabase(databaseUrl ?? server?.url ?? '');
  return {
    url: scratch.url,
    kind: 'postgres',
    async stop() {
      await scratch.drop();
      await server?.stop();
    },
  };
}
