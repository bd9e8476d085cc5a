import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, Connection } from '@temporalio/client';
import { createApiApp } from '#apps/api';
import { startSimulator, type SimulatorHandle } from '#apps/simulator';
import type { ResolvedConfig } from '#libs/config';
import { freePort } from '#libs/project';
import { createRagRuntime, type RagRuntime } from '#libs/rag-runtime';
import { ensureTemporalCli, startDevServer, type DevServerHandle } from '#libs/temporal-cli';
import { chargesOf } from './support/charges.js';
import { TEST_API_KEY, testConfig } from './support/test-stack.js';
import { startedModelCalls, until } from './support/wait-for.js';
import { assertWorkerBuilt, startWorkerProcess, stopProcess, waitForOutput } from './support/worker-process.js';

/**
 * The Temporal dev server stopped and started again on the same SQLite file while chat requests
 * are at the provider: every request still gets its answer, and none is charged twice.
 */
const IN_FLIGHT = 8;

type ChatBody = { ballast: { request_id: string; cost_usd: number; route: { attempts: Array<{ outcome: string }> } } };

let workDir: string;
let temporalPort: number;
let temporal: DevServerHandle;
let simulator: SimulatorHandle;
let config: ResolvedConfig;
let connection: Connection;
let rag: RagRuntime;
let app: NestFastifyApplication;
let apiUrl: string;

function startTemporal(): Promise<DevServerHandle> {
  return startDevServer({ cliPath: ensureTemporalCli().path, headless: true, port: temporalPort, dbFile: join(workDir, 'temporal', 'temporal.db') });
}

beforeAll(async () => {
  assertWorkerBuilt();
  workDir = mkdtempSync(join(tmpdir(), 'ballast-temporal-restart-'));
  temporalPort = await freePort();
  temporal = await startTemporal();
  simulator = await startSimulator({ port: 0, seed: 5 });
  // The production heartbeat timeout (10 s): longer than the restart, so the calls in flight are
  // not presumed dead while the server is away (see the README's Operations section).
  config = testConfig(temporal.address, simulator.url, { dataDir: join(workDir, 'data'), server: { port: 0, attemptTimeoutMs: 30_000, heartbeatTimeoutMs: 10_000, requestTimeoutMs: 60_000 } });
  connection = await Connection.connect({ address: temporal.address });
  rag = await createRagRuntime(config);
  app = await createApiApp({ config, client: new Client({ connection, namespace: config.temporal.namespace }), rag, logger: false });
  await app.listen(0, '127.0.0.1');
  apiUrl = await app.getUrl();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await rag?.close();
  await connection?.close();
  await simulator?.close();
  await temporal?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, 60_000);

test(`Temporal restarted with ${IN_FLIGHT} chat requests at the provider: all answered, each charged once`, async () => {
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

    await temporal.stop();
    temporal = await startTemporal();

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
