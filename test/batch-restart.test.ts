import { computeCostUsd } from '#libs/models';
import { useRestartableStack } from './support/restartable-stack.js';
import { TEST_API_KEY } from './support/test-stack.js';
import { startWorkerProcess, stopProcess, waitForOutput } from './support/worker-process.js';

/**
 * The drill: a provider-mode batch whose worker is SIGKILLed and whose Temporal dev
 * server is restarted (same SQLite file) while the workflow polls the provider. Every line must
 * come back once, and be charged once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

const LINES = 24;

const stack = useRestartableStack({ name: 'batch-restart', simulatorSeed: 7, config: { batch: { pollIntervalMs: 300, maxPollIntervalMs: 600 } } });

async function until<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
}

const api = (path: string, init: RequestInit = {}) => fetch(`${stack.apiUrl}${path}`, { ...init, headers: { authorization: `Bearer ${TEST_API_KEY}`, ...(init.headers as Record<string, string> | undefined) } });

test('worker SIGKILL and Temporal dev server restart mid-poll: zero lines lost, zero charged twice', async () => {
  const { simulator, config, rag } = stack;
  simulator.setScenario('gpt-4.1-mini', { batch: { completionMs: 6_000 } });
  const first = startWorkerProcess(config, simulator.url);
  await waitForOutput(first);

  const lines = Array.from({ length: LINES }, (_, index) =>
    JSON.stringify({ custom_id: `r-${index}`, method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4.1-mini', max_tokens: 50, messages: [{ role: 'user', content: `Restart drill question ${index}` }] } }),
  );
  const created = await api('/v1/batches?mode=provider', { method: 'POST', headers: { 'content-type': 'application/jsonl' }, body: lines.join('\n') });
  expect(created.status).toBe(202);
  const batchId = ((await created.json()) as Json)['id'] as string;

  // The provider has the job and the workflow is polling it: now take everything down.
  await until(async () => ((await (await fetch(`${simulator.url}/_sim/batches`)).json()) as Json)['openai'].find((batch: Json) => batch.status === 'in_progress'), 'the provider batch');
  await until(async () => (((await (await api(`/v1/batches/${batchId}`)).json()) as Json)['request_counts']['pending'] === LINES ? true : undefined), 'lines submitted');
  await stopProcess(first, 'SIGKILL');
  await stack.restartTemporal({ downMs: 1_000 });
  const second = startWorkerProcess(config, simulator.url);
  try {
    await waitForOutput(second);
    const done = await until(
      async () => {
        const batch = (await (await api(`/v1/batches/${batchId}`)).json()) as Json;
        return batch['status'] === 'completed' ? batch : undefined;
      },
      'the batch to complete after the restarts',
      90_000,
    );
    expect(done['request_counts']).toMatchObject({ total: LINES, completed: LINES, failed: 0, pending: 0 });

    // Zero lost: every custom_id answered exactly once.
    const output = (await (await api(`/v1/batches/${batchId}/results`)).text()).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Json);
    expect(output.map((line) => line['custom_id'])).toEqual(lines.map((_, index) => `r-${index}`));
    expect(output.every((line) => line['response']?.['status_code'] === 200)).toBe(true);

    // One provider batch: the restarted workflow polled the job it had, it did not submit again.
    const providerBatches = ((await (await fetch(`${simulator.url}/_sim/batches`)).json()) as Json)['openai'] as Json[];
    expect(providerBatches).toHaveLength(1);

    // Zero charged twice: one settled charge per line, at the batch price, summing to the batch's cost.
    const entry = config.catalog.get('gpt-4.1-mini');
    let expected = 0;
    for (const line of output) {
      const usage = line['response']['body']['usage'] as Json;
      expected += computeCostUsd(entry, { inputTokens: usage['prompt_tokens'], outputTokens: usage['completion_tokens'], cachedInputTokens: undefined }, { batch: true }).costUsd;
    }
    const today = new Date().toISOString().slice(0, 10);
    const [usage] = await rag.usage.query({ scope: { tenantId: 'tenant-a' }, groupBy: 'model', from: new Date(today), to: new Date(Date.now() + 86_400_000) });
    expect(usage).toMatchObject({ group: 'gpt-4.1-mini', requests: LINES });
    expect(usage?.costUsd).toBeCloseTo(expected, 9);
    expect(done['cost_usd']).toBeCloseTo(expected, 9);
    for (let index = 0; index < LINES; index++) {
      expect(await rag.ledger.findReservation({ requestId: `${batchId}_l${index}`, attempt: 1 })).toMatchObject({ status: 'settled' });
    }
  } finally {
    await stopProcess(second, 'SIGTERM');
  }
}, 180_000);
