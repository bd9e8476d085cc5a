import { randomUUID } from 'node:crypto';
import type { StoreDatabase } from '../create-database.js';
import { forEachStoreBackend } from '../ledger/testing/each-store-backend.js';
import { CacheEntriesRepository, type StoredCacheEntry } from './cache-entries-repository.js';

forEachStoreBackend('cache entries', (backend) => {
  describe(`cache entries: ${backend.name}`, () => {
    let database: StoreDatabase;
    beforeEach(async () => {
      database = await backend.createDatabase();
    });
    afterEach(async () => {
      await database.close();
    });

    const entry = (overrides: Partial<StoredCacheEntry>): StoredCacheEntry => ({
      route: `route-${randomUUID()}`,
      id: `req-${randomUUID()}`,
      tenantId: 'tenant-a',
      exactKey: 'key-1',
      question: 'What is the refund window?',
      answer: JSON.stringify({ choices: [{ message: { content: '30 days' } }] }),
      sourceDocumentIds: ['doc-1'],
      createdAt: '2031-01-01T00:00:00.000Z',
      expiresAt: '2031-01-01T01:00:00.000Z',
      ...overrides,
    });

    test('stores entries with their vectors and finds live ones by exact key, newest first', async () => {
      const entries = new CacheEntriesRepository(database.db);
      const vector = new Float32Array([0.6, -0.8, 0]);
      const older = entry({ namespace: 'ns', vector });
      const newer = entry({ route: older.route, createdAt: '2031-01-01T00:10:00.000Z' });
      await entries.save(older);
      await entries.save(newer);
      await entries.save({ ...older, question: 'a retried admission keeps the first' });

      const found = await entries.findLive(older.route, 'key-1', new Date('2031-01-01T00:30:00.000Z'));
      expect(found?.id).toBe(newer.id);
      const live = await entries.listLive(older.route, new Date('2031-01-01T00:30:00.000Z'), 10);
      expect(live.map((stored) => stored.id)).toEqual([newer.id, older.id]);
      expect(live[1]).toMatchObject({ namespace: 'ns', question: older.question, sourceDocumentIds: ['doc-1'] });
      expect(Array.from(live[1]?.vector ?? [])).toEqual([expect.closeTo(0.6, 6), expect.closeTo(-0.8, 6), 0]);

      expect(await entries.findLive(older.route, 'key-1', new Date('2031-01-01T02:00:00.000Z'))).toBeUndefined();
      expect(await entries.deleteExpired(new Date('2031-01-01T02:00:00.000Z'))).toBeGreaterThanOrEqual(2);
      expect(await entries.listLive(older.route, new Date('2031-01-01T00:30:00.000Z'), 10)).toEqual([]);
    });
  });
});
