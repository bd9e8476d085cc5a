import { randomUUID } from 'node:crypto';
import type { StoreDatabase } from '../create-database.js';
import { forEachStoreBackend, freshStorePerTest } from '../ledger/testing/each-store-backend.js';
import { EvalRunsRepository } from './eval-runs-repository.js';
import type { EvalRunCompletion } from './eval-run-record.js';

const completion = (passRate: number): EvalRunCompletion => ({
  completedAt: '2031-01-01T00:05:00.000Z',
  passRate,
  meanGroundedness: 0.75,
  totalCostUsd: 0.0123,
  gate: passRate >= 0.8 ? 'pass' : 'fail',
  reportJson: `{"passRate":${passRate}}`,
  reportMarkdown: '# report',
  reportHtml: '<h1>report</h1>',
});

forEachStoreBackend('eval runs', (backend) => {
  describe(`eval runs: ${backend.name}`, () => {
    let database: StoreDatabase;
    let tenant: string;
    freshStorePerTest(backend, (store) => {
      ({ database, tenant } = store);
    });

    test('a run is created once, completed once, and read back with its reports only by its tenant', async () => {
      const runs = new EvalRunsRepository(database.db);
      const id = `eval-${randomUUID()}`;
      const run = { id, tenantId: tenant, suite: 'demo', trigger: 'api' as const, queries: 3, createdAt: '2031-01-01T00:00:00.000Z' };
      await runs.create(run);
      await runs.create({ ...run, suite: 'other' });
      expect(await runs.get(id, { tenantId: tenant })).toEqual({ ...run, status: 'running' });

      expect(await runs.complete(id, completion(0.9))).toBe(true);
      expect(await runs.complete(id, completion(0.1))).toBe(false);
      await runs.markFailed(id, 'too late', '2031-01-01T00:06:00.000Z');
      expect(await runs.get(id, { tenantId: tenant })).toEqual({ ...run, status: 'completed', completion: completion(0.9) });
      expect(await runs.get(id, { tenantId: 'someone-else' })).toBeUndefined();
      expect((await runs.get(id, 'all-tenants'))?.status).toBe('completed');
    });

    test('lists newest first without reports, pages by cursor, filters by suite, and records failures', async () => {
      const runs = new EvalRunsRepository(database.db);
      for (const minute of [1, 2, 3]) {
        await runs.create({ id: `run-${tenant}-${minute}`, tenantId: tenant, suite: minute === 2 ? 'other' : 'demo', trigger: 'schedule', queries: 1, createdAt: `2031-01-01T00:0${minute}:00.000Z` });
      }
      await runs.complete(`run-${tenant}-1`, completion(0.5));
      await runs.markFailed(`run-${tenant}-3`, 'suite vanished', '2031-01-01T00:09:00.000Z');

      const first = await runs.list({ tenantId: tenant }, { limit: 2 });
      expect(first.items.map((item) => item.id)).toEqual([`run-${tenant}-3`, `run-${tenant}-2`]);
      expect(first.items[0]).toMatchObject({ status: 'failed', error: 'suite vanished' });
      const second = await runs.list({ tenantId: tenant }, { limit: 2, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) });
      expect(second.items.map((item) => item.id)).toEqual([`run-${tenant}-1`]);
      expect(second.items[0]?.completion).toMatchObject({ passRate: 0.5, gate: 'fail', reportJson: '' });
      expect(second.nextCursor).toBeUndefined();
      const demo = await runs.list({ tenantId: tenant }, { suite: 'demo' });
      expect(demo.items.map((item) => item.id)).toEqual([`run-${tenant}-3`, `run-${tenant}-1`]);
    });
  });
});
