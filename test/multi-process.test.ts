import type { ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { startSimulator, type SimulatorHandle } from '#apps/simulator';
import type { ResolvedConfig } from '#libs/config';
import type { DevServerHandle } from '#libs/temporal-cli';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { chargesOf } from './support/charges.js';
import { startSharedStore, type SharedStore } from './support/shared-store.js';
import { startTemporalTestServer } from './support/temporal-test-server.js';
import { TEST_API_KEY, testConfig } from './support/test-stack.js';
import { until } from './support/wait-for.js';
import { assertWorkerBuilt, startWorkerProcess, stopProcess, waitForOutput } from './support/worker-process.js';

/**
 * A production-like deployment on one machine: one Temporal dev server, one shared store
 * (PostgreSQL with BALLAST_TEST_POSTGRES=1, as CI runs it; one SQLite file otherwise), two
 * worker processes and two API processes. Load spreads over both workers; one is SIGKILLed
 * mid-load; every request still completes and is charged exactly once.
 */
const REQUESTS = 60;
const CONCURRENCY = 12;

type ChatBody = { ballast: { request_id: string; workflow_id: string; cost_usd: number } };

let temporal: DevServerHandle;
let simulator: SimulatorHandle;
let store: SharedStore;
let config: ResolvedConfig;
let connection: Connection;
let client: Client;
const workers: ChildProcess[] = [];
const apis: ApiProcess[] = [];

beforeAll(async () => {
  assertWorkerBuilt();
  temporal = await startTemporalTestServer();
  simulator = await startSimulator({ port: 0, seed: 11 });
  config = testConfig(temporal.address, simulator.url, {});
  store = await startSharedStore(config.dataDir);
  // Every process: the shared store, and a dead worker's call moves on after 2 s of silence.
  const environment = { BALLAST_DATABASE_URL: store.url, BALLAST_HEARTBEAT_TIMEOUT_MS: '2000', BALLAST_REQUEST_TIMEOUT_MS: '90000' };
  workers.push(startWorkerProcess(config, simulator.url, environment), startWorkerProcess(config, simulator.url, environment));
  await Promise.all(workers.map((worker) => waitForOutput(worker)));
  const started = await Promise.allSettled([startApiProcess(config, simulator.url, environment), startApiProcess(config, simulator.url, environment)]);
  // Each one that listens is recorded, so that afterAll stops it even when the other failed.
  for (const result of started) if (result.status === 'fulfilled') apis.push(result.value);
  for (const result of started) if (result.status === 'rejected') throw result.reason;
  connection = await Connection.connect({ address: temporal.address });
  client = new Client({ connection, namespace: config.temporal.namespace });
}, 180_000);

afterAll(async () => {
  await Promise.all([...workers, ...apis.map((api) => api.child)].map((child) => stopProcess(child, 'SIGTERM')));
  await connection?.close();
  await simulator?.close();
  await temporal?.stop();
  await store?.stop();
}, 90_000);

test(`${REQUESTS} requests over two APIs and two workers, one worker SIGKILLed mid-load: all complete, each charged once`, async () => {
  simulator.setScenario('gpt-4.1-mini', { latencyMs: { distribution: 'uniform', min: 300, max: 900 } });
  const [victim, survivor] = workers as [ChildProcess, ChildProcess];
  const victimIdentity = `${victim.pid}@`;
  const survivorIdentity = `${survivor.pid}@`;

  let next = 0;
  let completed = 0;
  const bodies: Array<{ status: number; api: number; body: ChatBody }> = [];
  const sendAll = async () => {
    while (next < REQUESTS) {
      const index = next++;
      const api = apis[index % 2] as ApiProcess;
      const response = await fetch(`${api.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'simple', messages: [{ role: 'user', content: `Question ${index}: what spreads the load?` }] }),
      });
      bodies.push({ status: response.status, api: index % 2, body: (await response.json()) as ChatBody });
      completed++;
    }
  };
  const load = Promise.all(Array.from({ length: CONCURRENCY }, () => sendAll()));

  // Mid-load: a third of the requests answered, and a provider call running on the victim right now.
  await until(async () => {
    if (completed < REQUESTS / 3) return false;
    for await (const execution of client.workflow.list({ query: `WorkflowType = "chatWorkflow" AND ExecutionStatus = "Running"` })) {
      const described = await client.workflow.getHandle(execution.workflowId).describe();
      if ((described.raw.pendingActivities ?? []).some((activity) => activity.activityType?.name === 'callModel' && activity.lastWorkerIdentity?.startsWith(victimIdentity))) return true;
    }
    return false;
  }, 'a provider call in flight on the worker to kill', 60_000);
  await stopProcess(victim, 'SIGKILL');
  const completedAtKill = completed;

  await load;
  expect(completedAtKill).toBeLessThan(REQUESTS);
  expect(bodies.filter((entry) => entry.status !== 200)).toEqual([]);
  expect(bodies).toHaveLength(REQUESTS);
  expect(bodies.filter((entry) => entry.api === 0)).toHaveLength(REQUESTS / 2);

  // Load spread: both workers started provider calls (seen in each workflow's history).
  const callsByWorker = new Map<string, number>();
  for (const { body } of bodies) {
    const history = await client.workflow.getHandle(body.ballast.workflow_id).fetchHistory();
    for (const event of history.events ?? []) {
      const identity = event.activityTaskStartedEventAttributes?.identity;
      if (identity) callsByWorker.set(identity, (callsByWorker.get(identity) ?? 0) + 1);
    }
  }
  const ranOn = (prefix: string) => [...callsByWorker].filter(([identity]) => identity.startsWith(prefix)).reduce((sum, [, count]) => sum + count, 0);
  expect(ranOn(victimIdentity)).toBeGreaterThanOrEqual(3);
  expect(ranOn(survivorIdentity)).toBeGreaterThanOrEqual(3);

  // Charged exactly once: one settled reservation and one usage event per request, at the answer's cost.
  const charges = await chargesOf(store.url, bodies.map((entry) => entry.body.ballast.request_id));
  for (const { body } of bodies) {
    const charge = charges.get(body.ballast.request_id);
    expect({ request: body.ballast.request_id, settled: charge?.settled, usageEvents: charge?.usageEvents }).toEqual({ request: body.ballast.request_id, settled: 1, usageEvents: 1 });
    expect(charge?.costUsd).toBeCloseTo(body.ballast.cost_usd, 9);
  }
}, 240_000);
