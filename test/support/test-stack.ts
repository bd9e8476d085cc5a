import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '#apps/api';
import { startSimulator, type SimulatorHandle, type Scenario } from '#apps/simulator';
import { createChatWorker } from '#apps/worker';
import { loadConfig, type ResolvedConfig } from '#libs/config';
import { createRagRuntime, type RagRuntime } from '#libs/rag-runtime';
import { startTelemetry, temporalClientInterceptors, type Telemetry } from '#libs/telemetry';
import type { DevServerHandle } from '#libs/temporal-cli';
import { startTemporalTestServer } from './temporal-test-server.js';

export const TEST_API_KEY = 'sk-test-tenant-a-000000';
export const OTHER_TENANT_KEY = 'sk-test-tenant-b-000000';
/** A config key with the admin role (tenant `ops`): creates keys for any tenant, reads any usage. */
export const ADMIN_API_KEY = 'sk-test-admin-ops-000000';

export interface TestStackOptions {
  /** Config values over the test defaults (same shape as ballast.yaml). */
  /** Overrides of the test configuration, or a function of the simulator's URL returning them. */
  readonly config?: Record<string, unknown> | ((simulatorUrl: string) => Record<string, unknown>);
  readonly scenarios?: Record<string, Scenario>;
  /** Run a worker in this process (default true). */
  readonly worker?: boolean;
}

/** A real Temporal dev server, the simulator, a worker and the API, all on loopback. */
export interface TestStack {
  readonly temporal: DevServerHandle;
  readonly simulator: SimulatorHandle;
  readonly config: ResolvedConfig;
  readonly client: Client;
  readonly apiUrl: string;
  readonly app: NestFastifyApplication;
  readonly rag: RagRuntime;
  /** Trace export as `observability.otel` configures it (off by default). */
  readonly telemetry: Telemetry;
  worker: Worker | undefined;
  /** Sends a request to the API with the test key (or `key`). */
  api(path: string, init?: RequestInit & { key?: string | null; json?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  if (!runtimeInstalled) {
    // Tests own shutdown; the SDK must not grab Ctrl-C, nor log the failures tests provoke on purpose.
    Runtime.install({ shutdownSignals: [], logger: new (await import('@temporalio/worker')).DefaultLogger('ERROR') });
    runtimeInstalled = true;
  }
  const temporal = await startTemporalTestServer();
  const simulator = await startSimulator({ port: 0, seed: 7, ...(options.scenarios ? { scenarios: options.scenarios } : {}) });
  const overrides = typeof options.config === 'function' ? options.config(simulator.url) : (options.config ?? {});
  const config = testConfig(temporal.address, simulator.url, overrides);
  const telemetry = startTelemetry(config.observability.otel, { role: 'all' });
  const connection = await NativeConnection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace, interceptors: temporalClientInterceptors(telemetry) });

  const rag = await createRagRuntime(config);
  let worker: Worker | undefined;
  let workerRun: Promise<void> | undefined;
  if (options.worker !== false) {
    worker = await createChatWorker({ config, connection, client, rag, telemetry, preferPrebuiltBundle: false, workerOptions: { workflowBundle: await sharedBundle() } });
    workerRun = worker.run();
  }
  const app = await createApiApp({ config, client, rag, logger: false, telemetry });
  await app.listen(0, '127.0.0.1');
  const apiUrl = await app.getUrl();

  return {
    temporal,
    simulator,
    config,
    client,
    apiUrl,
    app,
    rag,
    telemetry,
    worker,
    async api(path, init = {}) {
      const { key, json, headers, ...rest } = init;
      const presented = key === undefined ? TEST_API_KEY : key;
      return fetch(`${apiUrl}${path}`, {
        ...rest,
        method: rest.method ?? (json !== undefined ? 'POST' : 'GET'),
        headers: {
          ...(presented ? { authorization: `Bearer ${presented}` } : {}),
          ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(headers as Record<string, string> | undefined),
        },
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    },
    async stop() {
      // As the API's drain does on SIGTERM: a client's pooled connection that never sent a
      // request would otherwise hold server.close() until the headers timeout (60 s).
      (app.getHttpServer() as import('node:http').Server).closeAllConnections();
      await app.close();
      if (worker && worker.getState() === 'RUNNING') worker.shutdown();
      await workerRun;
      await rag.close();
      await connection.close();
      await simulator.close();
      await temporal.stop();
      await telemetry.shutdown();
    },
  };
}

/** Test configuration: simulator-backed providers, quick retries, two tenants' keys. */
export function testConfig(temporalAddress: string, simulatorUrl: string, overrides: Record<string, unknown>): ResolvedConfig {
  return loadConfig({
    env: {},
    cwd: '/nonexistent-so-no-ballast-yaml-is-read',
    overrides: {
      environment: 'test',
      temporal: { address: temporalAddress, taskQueue: `test-${randomUUID()}` },
      dataDir: mkdtempSync(join(tmpdir(), 'ballast-test-')),
      simulator: { mode: 'always', url: simulatorUrl },
      server: { port: 0, attemptTimeoutMs: 10_000, heartbeatTimeoutMs: 2_000, requestTimeoutMs: 30_000 },
      retry: { initialIntervalMs: 20, maximumIntervalMs: 200 },
      auth: {
        apiKeys: [
          { key: TEST_API_KEY, tenantId: 'tenant-a', userId: 'alice' },
          { key: OTHER_TENANT_KEY, tenantId: 'tenant-b', userId: 'bob' },
          { key: ADMIN_API_KEY, tenantId: 'ops', userId: 'root', role: 'admin' },
        ],
      },
      ...overrides,
    },
  });
}

let bundlePromise: Promise<{ code: string }> | undefined;

/** Workflow code bundled once per test file (webpack takes seconds). */
export function sharedBundle(): Promise<{ code: string }> {
  bundlePromise ??= (async () => {
    const { bundleWorkflowCode } = await import('@temporalio/worker');
    const { workflowBundleOptions } = await import('#apps/worker');
    // The same inputs as the prebuilt bundle, interceptor modules included.
    return bundleWorkflowCode({
      ...workflowBundleOptions(),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
    });
  })();
  return bundlePromise;
}
