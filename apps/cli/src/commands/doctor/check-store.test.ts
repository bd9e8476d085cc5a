import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDatabase, STORE_MIGRATIONS } from '#libs/store';
import { checkStore, migrationResult } from './check-store.js';
import { doctorTestContext } from './doctor-test-config.js';

describe('checkStore', () => {
  it('passes for a SQLite file not created yet, without creating it', async () => {
    const context = doctorTestContext();
    const [result] = await checkStore(context);
    expect(result).toMatchObject({ name: 'store', status: 'pass' });
    expect(result?.detail).toContain('does not exist yet');
    expect(existsSync(join(context.config.dataDir, 'ballast.db'))).toBe(false);
  });

  it('passes a migrated SQLite store and reports its migrations up to date', async () => {
    const context = doctorTestContext();
    const database = await createDatabase({ url: `sqlite:${join(context.config.dataDir, 'ballast.db')}` });
    await database.close();
    expect(await checkStore(context)).toEqual([
      expect.objectContaining({ name: 'store', status: 'pass', detail: expect.stringContaining('reachable and writable') }),
      { name: 'store migrations', status: 'pass', detail: `up to date (${STORE_MIGRATIONS.length} applied)` },
    ]);
  });

  it('warns about pending migrations of a store an older Ballast migrated', async () => {
    const context = doctorTestContext();
    const database = await createDatabase({ url: `sqlite:${join(context.config.dataDir, 'ballast.db')}` });
    const last = STORE_MIGRATIONS.at(-1)?.name ?? '';
    await sql`delete from ballast_migration where name = ${last}`.execute(database.db);
    await database.close();
    const [, migrations] = await checkStore(context);
    expect(migrations).toMatchObject({ status: 'warn', detail: `1 pending: ${last}`, fix: expect.stringContaining('apply pending migrations on start') });
  });

  it('fails when a newer Ballast migrated the store', () => {
    const result = migrationResult([...STORE_MIGRATIONS.map((migration) => migration.name), '9999-from-the-future']);
    expect(result).toMatchObject({ status: 'fail', detail: expect.stringContaining('9999-from-the-future') });
  });

  it('fails for a file that is not a SQLite database', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ballast-doctor-'));
    writeFileSync(join(directory, 'ballast.db'), 'not a database, but long enough to be read as a header '.repeat(10));
    const [result] = await checkStore(doctorTestContext({ dataDir: directory }));
    expect(result).toMatchObject({ name: 'store', status: 'fail', detail: expect.stringContaining('cannot open SQLite') });
  });

  it('fails for an unreachable PostgreSQL, with the password hidden and the fix', async () => {
    const context = doctorTestContext({ storage: { databaseUrl: 'postgres://ballast:secret@127.0.0.1:1/ballast' } });
    const [result] = await checkStore(context);
    expect(result).toMatchObject({ name: 'store', status: 'fail', fix: expect.stringContaining('BALLAST_DATABASE_URL') });
    expect(result?.detail).toContain('cannot open PostgreSQL postgres://ballast:***@127.0.0.1:1/ballast');
    expect(result?.detail).not.toContain('secret');
  });

  it('fails for a URL of an unsupported scheme', async () => {
    const [result] = await checkStore(doctorTestContext({ storage: { databaseUrl: 'mysql://localhost/x' } }));
    expect(result).toMatchObject({ status: 'fail', detail: expect.stringContaining('scheme "mysql:" is not supported') });
  });
});
