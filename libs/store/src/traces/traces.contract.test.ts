import { randomUUID } from 'node:crypto';
import type { StoreDatabase } from '../create-database.js';
import { InvalidCursorError } from '../invalid-cursor-error.js';
import { forEachStoreBackend, freshStorePerTest } from '../ledger/testing/each-store-backend.js';
import { TraceAnalytics } from './trace-analytics.js';
import type { TraceRecord } from './trace-record.js';
import { TracesRepository } from './traces-repository.js';

forEachStoreBackend('traces', (backend) => {
  describe(`traces: ${backend.name}`, () => {
    let database: StoreDatabase;
    let tenant: string;
    freshStorePerTest(backend, (store) => {
      ({ database, tenant } = store);
    });

    const trace = (overrides: Partial<TraceRecord>): TraceRecord => ({
      id: `req_${randomUUID().replaceAll('-', '')}`,
      createdAt: '2031-03-01T10:00:00.000Z',
      tenantId: tenant,
      userId: 'alice',
      keyId: 'key-1',
      route: 'support',
      requestedModel: 'support',
      provider: 'openai',
      model: 'gpt-4o-mini',
      status: 'ok',
      httpStatus: 200,
      latencyMs: 120,
      inputTokens: 100,
      outputTokens: 20,
      cachedTokens: 0,
      costUsd: 0.000123456,
      cacheStatus: 'miss',
      retries: 0,
      fallbacks: 0,
      contentMode: 'redacted',
      prompt: [{ role: 'user', content: 'Where is my order? Mail [REDACTED:email]' }],
      response: 'It ships tomorrow.',
      promptHash: 'sha256:aa',
      responseHash: 'sha256:bb',
      attempts: [{ provider: 'openai', model: 'gpt-4o-mini', attempt: 1, outcome: 'success', latencyMs: 110 }],
      redactions: { email: 1 },
      ...overrides,
    });

    test('round-trips every field, keeps the first write of an id, and hides other tenants', async () => {
      const traces = new TracesRepository(database.db);
      const full = trace({ ttftMs: 40, groundedness: 0.8, workflowId: 'chat-x', runId: 'run-1', promptTemplate: { id: 'faq', version: '3' }, errorType: 'none' });
      await traces.insertMany([full]);
      await traces.insertMany([{ ...full, response: 'a retried flush keeps the first' }]);
      expect(await traces.get(full.id, { tenantId: tenant })).toEqual(full);
      expect(await traces.get(full.id, 'all-tenants')).toEqual(full);
      expect(await traces.get(full.id, { tenantId: `${tenant}-other` })).toBeUndefined();

      const hashesOnly = trace({ contentMode: 'hashes', prompt: null, response: null, provider: undefined, model: undefined });
      await traces.insertMany([hashesOnly]);
      const stored = await traces.get(hashesOnly.id, { tenantId: tenant });
      expect(stored?.prompt).toBeNull();
      expect(stored?.provider).toBeUndefined();
    });

    test('lists newest first with filters and cursors that walk every page once', async () => {
      const traces = new TracesRepository(database.db);
      const records = Array.from({ length: 25 }, (_, index) =>
        trace({
          createdAt: new Date(Date.UTC(2031, 2, 1, 10, 0, index)).toISOString(),
          status: index % 5 === 0 ? 'error' : 'ok',
          userId: index % 2 === 0 ? 'alice' : 'bob',
        }),
      );
      await traces.insertMany(records);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await traces.list({ scope: { tenantId: tenant }, limit: 10, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(seen).toEqual(records.map((record) => record.id).reverse());

      const errors = await traces.list({ scope: { tenantId: tenant }, status: 'error', limit: 100 });
      expect(errors.items).toHaveLength(5);
      const bobSince = await traces.list({ scope: { tenantId: tenant }, userId: 'bob', since: new Date(Date.UTC(2031, 2, 1, 10, 0, 20)), limit: 100 });
      expect(bobSince.items.map((item) => item.userId)).toEqual(['bob', 'bob']);
      expect((await traces.list({ scope: { tenantId: `${tenant}-other` } })).items).toEqual([]);
      await expect(traces.list({ scope: { tenantId: tenant }, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    test('filters by model, falling back to the requested model when nobody answered', async () => {
      const traces = new TracesRepository(database.db);
      await traces.insertMany([trace({ model: 'claude-haiku', provider: 'anthropic' }), trace({ status: 'error', provider: undefined, model: undefined, requestedModel: 'claude-haiku' }), trace({})]);
      expect((await traces.list({ scope: { tenantId: tenant }, model: 'claude-haiku' })).items).toHaveLength(2);
    });

    test('aggregates totals, days, models, users, errors, latencies and the costliest requests', async () => {
      const traces = new TracesRepository(database.db);
      const analytics = new TraceAnalytics(database.db);
      await traces.insertMany([
        trace({ createdAt: '2031-03-01T10:00:00.000Z', latencyMs: 100, costUsd: 0.01, groundedness: 0.9, fallbacks: 1, retries: 2 }),
        trace({ createdAt: '2031-03-01T11:00:00.000Z', latencyMs: 300, costUsd: 0.03, groundedness: 0.2, userId: 'bob', model: 'gpt-4o', inputTokens: 50 }),
        trace({ createdAt: '2031-03-02T09:00:00.000Z', latencyMs: 2, costUsd: 0, status: 'cache-hit', provider: 'cache', cacheStatus: 'hit-exact' }),
        trace({ createdAt: '2031-03-02T09:30:00.000Z', latencyMs: 50, costUsd: 0, status: 'rejected', errorType: 'budget-exceeded', provider: undefined, model: undefined, httpStatus: 402 }),
        trace({ createdAt: '2031-03-02T09:40:00.000Z', latencyMs: 900, costUsd: 0, status: 'error', errorType: 'all-targets-failed', provider: undefined, model: undefined, httpStatus: 502 }),
        trace({ createdAt: '2031-03-05T00:00:00.000Z', costUsd: 5 }),
      ]);
      const range = { scope: { tenantId: tenant }, since: new Date('2031-03-01T00:00:00.000Z'), until: new Date('2031-03-03T00:00:00.000Z') } as const;

      const totals = await analytics.totals(range);
      expect(totals).toMatchObject({ requests: 5, errors: 1, rejected: 1, cacheHits: 1, fallbacks: 1, retries: 2, scoredAnswers: 2, lowGroundedness: 1 });
      expect(totals.costUsd).toBeCloseTo(0.04, 9);
      expect(totals.meanGroundedness).toBeCloseTo(0.55, 9);

      expect((await analytics.byDay(range)).map((day) => [day.key, day.requests])).toEqual([
        ['2031-03-01', 2],
        ['2031-03-02', 3],
      ]);
      expect((await analytics.byModel(range)).map((row) => [row.key.provider, row.key.model, row.requests])).toEqual([
        ['openai', 'gpt-4o', 1],
        ['openai', 'gpt-4o-mini', 1],
        ['cache', 'gpt-4o-mini', 1],
      ]);
      expect((await analytics.byUser(range, 1)).map((row) => row.key.userId)).toEqual(['bob']);
      expect(await analytics.errorsByType(range)).toEqual([
        { errorType: 'all-targets-failed', count: 1 },
        { errorType: 'budget-exceeded', count: 1 },
      ]);
      const latencies = await analytics.latencies(range);
      expect(Array.from(latencies.all)).toEqual([2, 100, 300]);
      expect(Array.from(latencies.byDay.get('2031-03-01') ?? [])).toEqual([100, 300]);
      expect((await analytics.mostExpensive(range, 1)).map((row) => row.costUsd)).toEqual([0.03]);
      expect((await analytics.totals({ ...range, scope: { tenantId: `${tenant}-other` } })).requests).toBe(0);
    });

    test('retention deletes only what is older than the cutoff', async () => {
      const traces = new TracesRepository(database.db);
      const old = trace({ createdAt: '2031-01-01T00:00:00.000Z' });
      const recent = trace({ createdAt: '2031-03-01T00:00:00.000Z' });
      await traces.insertMany([old, recent]);
      expect(await traces.deleteOlderThan(new Date('2031-02-01T00:00:00.000Z'))).toBeGreaterThanOrEqual(1);
      expect(await traces.get(old.id, 'all-tenants')).toBeUndefined();
      expect(await traces.get(recent.id, 'all-tenants')).toBeDefined();
    });
  });
});
