import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { CollectionsRepository } from './collections-repository.js';
import { createDatabase } from './create-database.js';
import { STORE_MIGRATIONS } from './migrations/store-migrations.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'ballast-store-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

test('a SQLite file is created with its directory, in WAL mode with foreign keys enforced', async () => {
  const store = await createDatabase({ url: `sqlite:${join(directory, 'nested', 'ballast.db')}` });
  try {
    expect(store.dialect).toBe('sqlite');
    expect(store.appliedMigrations).toEqual(STORE_MIGRATIONS.map((migration) => migration.name));
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    expect(journal.rows[0]?.journal_mode).toBe('wal');
    expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
  } finally {
    await store.close();
  }
});

test('reopening a SQLite file applies nothing and keeps the data', async () => {
  const url = `sqlite:${join(directory, 'ballast.db')}`;
  const first = await createDatabase({ url });
  const created = await new CollectionsRepository(first.db, first.dialect).create({
    tenantId: 'acme',
    name: 'handbook',
    embeddingModel: 'lexical-384',
    dimensions: 384,
    chunking: { targetTokens: 512, maxTokens: 1024, overlapTokens: 64 },
  });
  await first.close();

  const second = await createDatabase({ url });
  try {
    expect(second.appliedMigrations).toEqual([]);
    expect(await new CollectionsRepository(second.db, second.dialect).get('acme', created.id)).toEqual(created);
  } finally {
    await second.close();
  }
});

test('an unreachable Postgres fails with the connection error', async () => {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  await expect(createDatabase({ url: 'postgres://ballast@127.0.0.1:1/ballast' })).rejects.toThrow(/ECONNREFUSED|connect/);
});
