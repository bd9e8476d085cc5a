import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../conflict-error.js';
import type { StoreDatabase } from '../../create-database.js';
import type { StoreBackend } from '../../ledger/testing/each-store-backend.js';
import { NotFoundError } from '../../not-found-error.js';
import { hashApiKey } from '../api-key-secret.js';
import { ApiKeysRepository } from '../api-keys-repository.js';

/** The behaviour every SQL backend of the API-key repository must show. */
export function runApiKeysContract(backend: StoreBackend): void {
  describe(`api keys contract: ${backend.name}`, () => {
    let store: StoreDatabase;
    let clock: Date;
    let keys: ApiKeysRepository;

    beforeEach(async () => {
      store = await backend.createDatabase();
      clock = new Date('2030-03-01T09:00:00.000Z');
      keys = new ApiKeysRepository(store.db, store.dialect, { now: () => clock });
    });
    afterEach(async () => {
      await store.close();
    });

    const newTenant = () => `tenant-${randomUUID()}`;
    const later = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };

    test('a created key is returned in plaintext once and stored only as its hash', async () => {
      const tenantId = newTenant();
      const { key, plaintext } = await keys.create({ tenantId, userId: 'ana', name: 'ci', role: 'user', budgets: { dailyUsd: 5, monthlyUsd: 100.25 }, limits: { rpm: 60, tpm: 90_000 } });
      expect(plaintext).toMatch(/^sk-ballast-[0-9A-Za-z]{40}$/);
      expect(key).toEqual({
        id: key.id,
        tenantId,
        userId: 'ana',
        name: 'ci',
        role: 'user',
        prefix: plaintext.slice(0, 15),
        last4: plaintext.slice(-4),
        budgets: { dailyUsd: 5, monthlyUsd: 100.25 },
        limits: { rpm: 60, tpm: 90_000 },
        createdAt: clock.toISOString(),
        lineageId: key.id,
      });
      const rows = await store.db.selectFrom('api_keys').selectAll().where('tenant_id', '=', tenantId).execute();
      expect(JSON.stringify(rows)).not.toContain(plaintext);
      expect(rows[0]?.secret_hash).toBe(hashApiKey(plaintext));

      expect(await keys.findByPlaintext(plaintext)).toEqual({ status: 'active', key });
      expect(await keys.findByPlaintext(`${plaintext.slice(0, -1)}${plaintext.endsWith('a') ? 'b' : 'a'}`)).toEqual({ status: 'not-found' });
      expect(await keys.findByPlaintext('Bearer nonsense')).toEqual({ status: 'not-found' });
    });

    test('revocation takes effect on the very next lookup, only for the owning tenant', async () => {
      const tenantId = newTenant();
      const { key, plaintext } = await keys.create({ tenantId, name: 'server', role: 'tenant-admin' });
      expect(await keys.revoke(newTenant(), key.id)).toBeUndefined();
      expect((await keys.findByPlaintext(plaintext)).status).toBe('active');

      later(1_000);
      const revoked = await keys.revoke(tenantId, key.id);
      expect(revoked?.revokedAt).toBe(clock.toISOString());
      expect(await keys.findByPlaintext(plaintext)).toMatchObject({ status: 'revoked', key: { id: key.id } });
      later(1_000);
      expect((await keys.revoke(tenantId, key.id))?.revokedAt).toBe(revoked?.revokedAt);
    });

    test('listing shows a tenant its own keys without secrets, live ones unless asked, page by page', async () => {
      const tenantId = newTenant();
      const created = [];
      for (let index = 0; index < 5; index += 1) {
        later(1);
        created.push((await keys.create({ tenantId, name: `key ${index}`, role: 'user' })).key);
      }
      await keys.create({ tenantId: newTenant(), name: 'elsewhere', role: 'user' });
      await keys.revoke(tenantId, created[1]?.id ?? '');

      const first = await keys.list(tenantId, { limit: 3 });
      expect(first.items.map((key) => key.name)).toEqual(['key 0', 'key 2', 'key 3']);
      const second = await keys.list(tenantId, { limit: 3, ...(first.nextCursor === undefined ? {} : { cursor: first.nextCursor }) });
      expect(second.items.map((key) => key.name)).toEqual(['key 4']);
      expect(second.nextCursor).toBeUndefined();
      expect((await keys.list(tenantId, { includeRevoked: true })).items).toHaveLength(5);
      for (const key of first.items) {
        expect(Object.keys(key)).not.toEqual(expect.arrayContaining(['secretHash']));
        expect(JSON.stringify(key)).not.toMatch(/sk-ballast-[0-9A-Za-z]{40}/);
      }
    });

    test('rotation issues a new secret with the same settings and lineage; the old one works through the grace period only', async () => {
      const tenantId = newTenant();
      const original = await keys.create({ tenantId, userId: 'bo', name: 'app', role: 'user', budgets: { dailyUsd: 2 }, limits: { rpm: 10 } });
      const rotated = await keys.rotate(tenantId, original.key.id, { graceMs: 60_000 });
      expect(rotated.plaintext).not.toBe(original.plaintext);
      expect(rotated.key).toMatchObject({ userId: 'bo', name: 'app', role: 'user', budgets: { dailyUsd: 2 }, limits: { rpm: 10 }, rotatedFromId: original.key.id, lineageId: original.key.id });
      expect((await keys.findByPlaintext(rotated.plaintext)).status).toBe('active');
      expect((await keys.findByPlaintext(original.plaintext)).status).toBe('active');

      later(60_000);
      expect((await keys.findByPlaintext(original.plaintext)).status).toBe('revoked');
      expect((await keys.findByPlaintext(rotated.plaintext)).status).toBe('active');

      const error = await keys.rotate(tenantId, original.key.id).catch((caught: unknown) => caught);
      expect(ConflictError.isInstance(error)).toBe(true);
      expect(NotFoundError.isInstance(await keys.rotate(newTenant(), rotated.key.id).catch((caught: unknown) => caught))).toBe(true);

      // Without a grace period the old secret stops at once; the lineage survives a second rotation.
      const again = await keys.rotate(tenantId, rotated.key.id);
      expect((await keys.findByPlaintext(rotated.plaintext)).status).toBe('revoked');
      expect(again.key.lineageId).toBe(original.key.id);
    });

    test('invalid roles and limits are refused before anything is stored', async () => {
      const tenantId = newTenant();
      await expect(keys.create({ tenantId, name: 'x', role: 'root' as never })).rejects.toThrow(RangeError);
      await expect(keys.create({ tenantId, name: 'x', role: 'user', limits: { rpm: 0 } })).rejects.toThrow(/positive integer/);
      await expect(keys.create({ tenantId, name: 'x', role: 'user', budgets: { dailyUsd: -1 } })).rejects.toThrow(RangeError);
      expect((await keys.list(tenantId, { includeRevoked: true })).items).toEqual([]);
    });
  });
}
