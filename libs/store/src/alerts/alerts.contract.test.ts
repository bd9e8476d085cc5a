import type { StoreDatabase } from '../create-database.js';
import { forEachStoreBackend, freshStorePerTest } from '../ledger/testing/each-store-backend.js';
import { AlertsRepository, type StoredAlertEvent } from './alerts-repository.js';
import { ReviewsRepository } from './reviews-repository.js';

forEachStoreBackend('alerts and reviews', (backend) => {
  describe(`alerts and reviews: ${backend.name}`, () => {
    let database: StoreDatabase;
    let tenant: string;
    freshStorePerTest(backend, (store) => {
      ({ database, tenant } = store);
    });

    test('keeps one state per key, replaced on save, and scopes tenant alerts', async () => {
      const alerts = new AlertsRepository(database.db);
      const key = `cost:${tenant}`;
      const identity = { key, rule: 'cost', kind: 'cost-anomaly', severity: 'warning', subject: tenant, tenantId: tenant };
      await alerts.saveState({ ...identity, status: 'firing', state: { since: 'a' }, updatedAt: '2031-01-01T00:00:00.000Z' });
      await alerts.saveState({ ...identity, status: 'ok', state: { since: 'b' }, updatedAt: '2031-01-01T00:01:00.000Z' });
      await alerts.saveState({ key: `latency-${tenant}`, rule: 'latency', kind: 'latency', severity: 'critical', subject: 'all', status: 'firing', state: {}, updatedAt: '2031-01-01T00:01:00.000Z' });

      const mine = await alerts.states<{ since: string }>({ tenantId: tenant });
      expect(mine).toEqual([{ ...identity, status: 'ok', state: { since: 'b' }, updatedAt: '2031-01-01T00:01:00.000Z' }]);
      const all = await alerts.states();
      expect(all.map((state) => state.key)).toEqual(expect.arrayContaining([key, `latency-${tenant}`]));
    });

    test('records each notification once, updates deliveries, and pages newest first', async () => {
      const alerts = new AlertsRepository(database.db);
      const event = (index: number): StoredAlertEvent => ({
        id: `evt-${tenant}-${index}`,
        key: `cost:${tenant}`,
        rule: 'cost',
        kind: 'cost-anomaly',
        severity: 'warning',
        subject: tenant,
        tenantId: tenant,
        notification: index % 2 === 0 ? 'firing' : 'resolved',
        summary: `event ${index}`,
        payload: { text: `event ${index}` },
        deliveries: [],
        createdAt: new Date(Date.UTC(2031, 0, 1, 0, index)).toISOString(),
      });
      for (let index = 0; index < 5; index += 1) expect(await alerts.insertEvent(event(index))).toBe(true);
      expect(await alerts.insertEvent(event(0))).toBe(false);
      await alerts.setDeliveries(event(4).id, [{ webhook: 'ops', status: 200, at: '2031-01-01T00:04:01.000Z' }]);

      const first = await alerts.events({ tenantId: tenant }, { limit: 3 });
      expect(first.items.map((item) => item.summary)).toEqual(['event 4', 'event 3', 'event 2']);
      expect(first.items[0]?.deliveries).toEqual([{ webhook: 'ops', status: 200, at: '2031-01-01T00:04:01.000Z' }]);
      const second = await alerts.events({ tenantId: tenant }, { limit: 3, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) });
      expect(second.items.map((item) => item.summary)).toEqual(['event 1', 'event 0']);
      expect((await alerts.events({ tenantId: `${tenant}-other` })).items).toEqual([]);
    });

    test('stores one review per period, newest first', async () => {
      const reviews = new ReviewsRepository(database.db);
      const id = `review-${tenant}`;
      await reviews.save({ id, createdAt: '2031-01-08T00:00:00.000Z', periodStart: '2031-01-01T00:00:00.000Z', periodEnd: '2031-01-08T00:00:00.000Z', markdown: '# first', sections: { a: 1 } });
      await reviews.save({ id, createdAt: '2031-01-08T00:05:00.000Z', periodStart: '2031-01-01T00:00:00.000Z', periodEnd: '2031-01-08T00:00:00.000Z', markdown: '# rerun', sections: { a: 2 } });
      expect((await reviews.get(id))?.markdown).toBe('# rerun');
      expect((await reviews.list(100)).filter((review) => review.id === id)).toHaveLength(1);
    });
  });
});
