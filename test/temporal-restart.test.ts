import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { chargesOf } from './support/charges.js';
import { useRestartableStack } from './support/restartable-stack.js';
import { TEST_API_KEY } from './support/test-stack.js';
import { startedModelCalls, until } from './support/wait-for.js';
import { startWorkerProcess, stopProcess, waitForOutput } from './support/worker-process.js';

/**
 * The Temporal dev server stopped and started again on the same SQLite file while chat requests
 * are at the provider: every request still gets its answer, and none is charged twice.
 */
const IN_FLIGHT = 8;

type ChatBody = { ballast: { request_id: string; cost_usd: number; route: { attempts: Array<{ outcome: string }> } } };

// The production heartbeat timeout (10 s): longer than the restart, so the calls in flight are
// not presumed dead while the server is away (see the README's Operations section).
const stack = useRestartableStack({ name: 'temporal-restart', simulatorSeed: 5, config: { server: { port: 0, attemptTimeoutMs: 30_000, heartbeatTimeoutMs: 10_000, requestTimeoutMs: 60_000 } } });

test(`Temporal restarted with ${IN_FLIGHT} chat requests at the provider: all answered, each charged once`, async () => {
  const { simulator, config, connection, apiUrl } = stack;
  simulator.setScenario('gpt-4.1-mini', { latencyMs: { distribution: 'fixed', value: 2_500 } });
  const worker = startWorkerProcess(config, simulator.url);
  try {
    await waitForOutput(worker);
    const client = new Client({ connection, namespace: config.temporal.namespace });
    const pending = Array.from({ length: IN_FLIGHT }, (_, index) =>
      fetch(`${apiUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'simple', messages: [{ role: 'user', content: `Restart question ${index}` }] }),
      }),
    );
    await until(async () => (await startedModelCalls(client)) === IN_FLIGHT, 'every request at the provider');

    await stack.restartTemporal();

    const responses = await Promise.all(pending);
    const bodies = await Promise.all(responses.map(async (response) => ({ status: response.status, body: (await response.json()) as ChatBody })));
    expect(bodies.filter((entry) => entry.status !== 200)).toEqual([]);
    // Each provider call was made once: none was repeated because its completion was lost.
    expect(simulator.stats().models['gpt-4.1-mini']).toMatchObject({ calls: IN_FLIGHT, successes: IN_FLIGHT });

    const charges = await chargesOf(config.storage.databaseUrl ?? `sqlite:${join(config.dataDir, 'ballast.db')}`, bodies.map((entry) => entry.body.ballast.request_id));
    for (const { body } of bodies) {
      const charge = charges.get(body.ballast.request_id);
      expect({ request: body.ballast.request_id, settled: charge?.settled, usageEvents: charge?.usageEvents }).toEqual({ request: body.ballast.request_id, settled: 1, usageEvents: 1 });
      expect(charge?.costUsd).toBeCloseTo(body.ballast.cost_usd, 9);
    }
  } finally {
    await stopProcess(worker, 'SIGTERM');
  }
}, 150_000);
