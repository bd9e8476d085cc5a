import { randomUUID } from 'node:crypto';
import type { StoreDatabase } from '../../create-database.js';
import { SpendLedger } from '../../ledger/spend-ledger.js';
import type { StoreBackend } from '../../ledger/testing/each-store-backend.js';
import { UsageRepository } from '../usage-repository.js';

/** The behaviour every SQL backend of usage reporting must show. */
export function runUsageContract(backend: StoreBackend): void {
  describe(`usage contract: ${backend.name}`, () => {
    let store: StoreDatabase;
    let usage: UsageRepository;

    beforeEach(async () => {
      store = await backend.createDatabase();
      usage = new UsageRepository(store.db, store.dialect);
    });
    afterEach(async () => {
      await store.close();
    });

    const newTenant = () => `tenant-${randomUUID()}`;
    const JAN_1 = new Date('2031-01-01T00:00:00.000Z');
    const JAN_3 = new Date('2031-01-03T00:00:00.000Z');

    async function seed(tenantId: string): Promise<void> {
      const events = [
        { userId: 'ana', keyId: 'key_a', model: 'gpt-4o', costNanos: 1_500_000_000, inputTokens: 100, outputTokens: 50, occurredAt: '2031-01-01T08:00:00.000Z' },
        { userId: 'ana', keyId: 'key_a', model: 'gpt-4o-mini', costNanos: 250_000_000, inputTokens: 10, outputTokens: 5, cachedTokens: 4, occurredAt: '2031-01-01T23:59:59.999Z' },
        { userId: 'bo', keyId: 'key_b', model: 'gpt-4o', costNanos: 100_000_000, outputTokens: 7, occurredAt: '2031-01-02T12:00:00.000Z' },
        { keyId: 'key_c', model: 'claude-haiku', costNanos: 30_000_000, occurredAt: '2031-01-02T13:00:00.000Z' },
        // Outside [from, to): the end is exclusive.
        { userId: 'ana', keyId: 'key_a', model: 'gpt-4o', costNanos: 9_000_000_000, occurredAt: '2031-01-03T00:00:00.000Z' },
      ];
      for (const event of events) {
        expect(await usage.record({ requestId: `req-${randomUUID()}`, attempt: 1, tenantId, provider: 'openai', ...event })).toBe(true);
      }
    }

    test('spend and tokens group by user, key, model and UTC day within [from, to)', async () => {
      const tenantId = newTenant();
      await seed(tenantId);
      await seed(newTenant());
      const query = (groupBy: 'user' | 'key' | 'model' | 'day') => usage.query({ scope: { tenantId }, groupBy, from: JAN_1, to: JAN_3 });

      expect(await query('user')).toEqual([
        { group: null, requests: 1, costUsd: 0.03, cacheHits: 0, savedCostUsd: 0 },
        { group: 'ana', requests: 2, costUsd: 1.75, inputTokens: 110, outputTokens: 55, cachedTokens: 4, cacheHits: 0, savedCostUsd: 0 },
        { group: 'bo', requests: 1, costUsd: 0.1, outputTokens: 7, cacheHits: 0, savedCostUsd: 0 },
      ]);
      expect((await query('key')).map((group) => [group.group, group.costUsd])).toEqual([
        ['key_a', 1.75],
        ['key_b', 0.1],
        ['key_c', 0.03],
      ]);
      expect((await query('model')).map((group) => [group.group, group.requests, group.costUsd])).toEqual([
        ['claude-haiku', 1, 0.03],
        ['gpt-4o', 2, 1.6],
        ['gpt-4o-mini', 1, 0.25],
      ]);
      expect((await query('day')).map((group) => [group.group, group.requests, group.costUsd])).toEqual([
        ['2031-01-01', 2, 1.75],
        ['2031-01-02', 2, 0.13],
      ]);
    });

    test('a tenant sees only its own usage; all-tenants sums every tenant', async () => {
      const tenantA = newTenant();
      const tenantB = newTenant();
      const at = new Date('2032-06-01T10:00:00.000Z');
      await usage.record({ requestId: `req-${randomUUID()}`, attempt: 1, tenantId: tenantA, provider: 'openai', model: 'only-in-this-test', costNanos: 1_000_000, occurredAt: at.toISOString() });
      await usage.record({ requestId: `req-${randomUUID()}`, attempt: 1, tenantId: tenantB, provider: 'openai', model: 'only-in-this-test', costNanos: 2_000_000, occurredAt: at.toISOString() });
      const window = { groupBy: 'model' as const, from: at, to: new Date(at.getTime() + 1) };
      expect(await usage.query({ scope: { tenantId: tenantA }, ...window })).toEqual([{ group: 'only-in-this-test', requests: 1, costUsd: 0.001, cacheHits: 0, savedCostUsd: 0 }]);
      expect(await usage.query({ scope: { tenantId: newTenant() }, ...window })).toEqual([]);
      expect((await usage.query({ scope: 'all-tenants', ...window })).find((group) => group.group === 'only-in-this-test')).toEqual({
        group: 'only-in-this-test',
        requests: 2,
        costUsd: 0.003,
        cacheHits: 0,
        savedCostUsd: 0,
      });
    });

    test('the ledger’s settle writes the usage event, once per attempt', async () => {
      const tenantId = newTenant();
      const at = new Date('2033-02-02T02:02:02.000Z');
      const ledger = new SpendLedger(store.db, store.dialect, { now: () => at });
      const requestId = `req-${randomUUID()}`;
      await ledger.reserve({ requestId, attempt: 1, scopes: [], amountUsd: 1, expiresAt: new Date(at.getTime() + 60_000) });
      const settle = { requestId, attempt: 1, actualUsd: 0.012345, tenantId, userId: 'ana', keyId: 'key_a', provider: 'anthropic', model: 'claude', inputTokens: 1_000, outputTokens: 300 };
      await ledger.settle(settle);
      await ledger.settle(settle);
      expect(await usage.query({ scope: { tenantId }, groupBy: 'user', from: at, to: new Date(at.getTime() + 1) })).toEqual([
        { group: 'ana', requests: 1, costUsd: 0.012345, inputTokens: 1_000, outputTokens: 300, cacheHits: 0, savedCostUsd: 0 },
      ]);
      expect(await usage.record({ requestId, attempt: 1, tenantId, provider: 'anthropic', model: 'claude', costNanos: 1, occurredAt: at.toISOString() })).toBe(false);
    });

    test('answers from the response cache count as requests of cost 0 with what they saved', async () => {
      const tenantId = newTenant();
      const at = new Date('2034-03-03T03:03:03.000Z');
      await usage.record({ requestId: `req-${randomUUID()}`, attempt: 1, tenantId, provider: 'openai', model: 'gpt-4o', costNanos: 2_000_000, inputTokens: 100, outputTokens: 40, occurredAt: at.toISOString() });
      for (const status of ['hit-exact', 'hit-semantic'] as const) {
        await usage.record({
          requestId: `req-${randomUUID()}`,
          attempt: 0,
          tenantId,
          provider: 'cache',
          model: 'gpt-4o',
          costNanos: 0,
          occurredAt: at.toISOString(),
          cache: { status, savedCostNanos: 2_000_000, savedInputTokens: 100, savedOutputTokens: 40 },
        });
      }
      expect(await usage.query({ scope: { tenantId }, groupBy: 'model', from: at, to: new Date(at.getTime() + 1) })).toEqual([
        { group: 'gpt-4o', requests: 3, costUsd: 0.002, inputTokens: 100, outputTokens: 40, cacheHits: 2, savedCostUsd: 0.004, savedInputTokens: 200, savedOutputTokens: 80 },
      ]);
    });
  });
}
