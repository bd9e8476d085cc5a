import { createDatabase, TracesRepository, type StoreDatabase } from '#libs/store';
import { parseRedactionPolicy } from '#libs/observability';
import { RedactingContentPolicy } from './redacting-content-policy.js';
import { RequestMetrics } from './request-metrics.js';
import type { TraceDraft } from './trace-draft.js';
import { TraceRecorder, type TraceRecorderOptions } from './trace-recorder.js';

let database: StoreDatabase;
let traces: TracesRepository;
beforeEach(async () => {
  database = await createDatabase({ url: 'sqlite::memory:' });
  traces = new TracesRepository(database.db);
});
afterEach(async () => {
  await database.close();
});

const OPTIONS: TraceRecorderOptions = { enabled: true, flushIntervalMs: 60_000, maxBatch: 120, maxQueue: 200, retentionDays: 30 };

function draft(index: number): TraceDraft {
  return {
    id: `req_${index}`,
    createdAt: new Date(Date.UTC(2031, 0, 1, 0, 0, index)).toISOString(),
    tenantId: 'tenant-a',
    userId: 'alice',
    keyId: 'key-1',
    route: 'support',
    requestedModel: 'support',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    status: 'ok',
    httpStatus: 200,
    latencyMs: 12,
    inputTokens: 10,
    outputTokens: 5,
    cachedTokens: 0,
    costUsd: 0.0001,
    cacheStatus: 'miss',
    retries: 0,
    fallbacks: 0,
    attempts: [],
    rawPrompt: [{ role: 'user', content: `Mail me at user${index}@example.com` }],
    rawResponse: 'Done.',
  };
}

async function counted(metrics: RequestMetrics, name: string): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((candidate) => candidate.name === name);
  return (metric?.values ?? []).reduce((sum, value) => sum + value.value, 0);
}

test('record never writes inside the call; a full batch is written on the next turn, redacted', async () => {
  const metrics = new RequestMetrics();
  const recorder = new TraceRecorder(traces, new RedactingContentPolicy(parseRedactionPolicy({})), metrics, OPTIONS);
  for (let index = 0; index < OPTIONS.maxBatch; index += 1) recorder.record(draft(index));
  // The call that filled the batch returned without writing anything.
  expect((await traces.list({ scope: 'all-tenants', limit: 1 })).items).toHaveLength(0);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await recorder.flush();
  expect(await counted(metrics, 'ballast_traces_written_total')).toBe(OPTIONS.maxBatch);
  const stored = await traces.get('req_7', 'all-tenants');
  expect(stored?.prompt?.[0]?.content).toBe('Mail me at [REDACTED:email]');
  expect(await counted(metrics, 'ballast_requests_total')).toBe(OPTIONS.maxBatch);
  await recorder.close();
});

test('a full queue drops and counts new traces instead of growing', async () => {
  const metrics = new RequestMetrics();
  const recorder = new TraceRecorder(traces, new RedactingContentPolicy(parseRedactionPolicy({})), metrics, { ...OPTIONS, maxBatch: 1_000 });
  for (let index = 0; index < OPTIONS.maxQueue + 25; index += 1) recorder.record(draft(index));
  expect(await counted(metrics, 'ballast_traces_dropped_total')).toBe(25);
  await recorder.close();
  expect(await counted(metrics, 'ballast_traces_written_total')).toBe(OPTIONS.maxQueue);
});

test('a failed write is retried with the next flush, then dropped and counted', async () => {
  const metrics = new RequestMetrics();
  const recorder = new TraceRecorder(traces, new RedactingContentPolicy(parseRedactionPolicy({})), metrics, OPTIONS);
  recorder.record(draft(1));
  await database.close();
  await recorder.flush();
  expect(await counted(metrics, 'ballast_traces_written_total')).toBe(0);
  expect(await counted(metrics, 'ballast_traces_dropped_total')).toBe(0);
  await recorder.flush();
  expect(await counted(metrics, 'ballast_traces_dropped_total')).toBe(1);
  database = await createDatabase({ url: 'sqlite::memory:' });
  await recorder.close();
});
