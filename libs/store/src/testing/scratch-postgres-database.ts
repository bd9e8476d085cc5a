import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database created for one test run, on a server the tests may share with others. */
export interface ScratchPostgresDatabase {
  /** Same server and credentials as the given URL, the scratch database's name. */
  readonly url: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * Creates `ballast_test_<random>` on the server `serverUrl` points at (the connecting role
 * needs CREATEDB), so contract tests never touch existing data and start from an empty schema.
 */
export async function createScratchPostgresDatabase(serverUrl: string): Promise<ScratchPostgresDatabase> {
  const name = `ballast_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
