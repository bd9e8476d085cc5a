import { compareToBaseline, summarize, type QueryResult } from '#libs/eval';
import { AlertsRepository, createDatabase, type StoreDatabase } from '#libs/store';
import { createRecordEvalDrift } from './record-eval-drift.activity.js';

let database: StoreDatabase;
beforeEach(async () => {
  database = await createDatabase({ url: 'sqlite::memory:' });
});
afterEach(async () => {
  await database.close();
});

const thresholds = { passRate: 0, maxRegression: 0.05 };
const result = (id: string, pass: boolean): QueryResult => ({
  id,
  tags: [],
  question: '?',
  status: pass ? 'pass' : 'fail',
  pass,
  ...(pass ? {} : { reason: 'contains-all: missing "x"' }),
  assertions: [],
  answer: '',
  citations: 0,
  latencyMs: 1,
  costUsd: 0,
  graderCostUsd: 0,
});
/** A run in which `passed` of the two queries passed, against a baseline where both did. */
const comparison = (passed: number) => compareToBaseline(summarize([result('a', passed >= 1), result('b', passed >= 2)]), { passRate: 1, passedIds: ['a', 'b'] }, thresholds);
const drift = { webhooks: ['ops'], severity: 'critical' as const };

test('fires once when a run drops below the baseline, stays quiet while it stays there, resolves when it is back', async () => {
  const alerts = new AlertsRepository(database.db);
  const record = createRecordEvalDrift({ alerts });
  const input = (runId: string, passed: number) => ({ runId, suite: 'demo', tenantId: 'acme', comparison: comparison(passed), thresholds, drift, at: `2031-01-0${runId.slice(-1)}T05:00:00.000Z` });

  expect(await record(input('run-1', 2))).toEqual({ reasons: [] });
  const fired = await record(input('run-2', 1));
  expect(fired).toEqual({ notification: 'eval-drift:demo/firing/run-2', reasons: ['pass rate 100.0% → 50.0%'] });
  expect(await record(input('run-3', 0))).toEqual({ reasons: ['pass rate 100.0% → 0.0%'] });
  const resolved = await record(input('run-4', 2));
  expect(resolved.notification).toBe('eval-drift:demo/resolved/run-4');

  const events = await alerts.events({ tenantId: 'acme' });
  expect(events.items.map((event) => [event.notification, event.kind, event.severity, event.subject])).toEqual([
    ['resolved', 'eval-drift', 'critical', 'demo'],
    ['firing', 'eval-drift', 'critical', 'demo'],
  ]);
  expect(events.items[1]?.payload).toMatchObject({ webhooks: ['ops'], body: { ballast: { status: 'firing', since: '2031-01-02T05:00:00.000Z', runId: 'run-2' } } });
  const [state] = await alerts.states<{ status: string }>({ tenantId: 'acme' });
  expect(state).toMatchObject({ key: 'eval-drift:demo', status: 'ok' });
});
