import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '#apps/api';
import { startSimulator, type SimulatorHandle } from '#apps/simulator';
import { createChatWorker } from '#apps/worker';
import { loadConfig, type ResolvedConfig } from '#libs/config';
import { chatWorkflowId } from '#libs/contracts';
import { projectRoot } from '#libs/project';
import { createRagRuntime, type RagRuntime } from '#libs/rag-runtime';
import { ensureTemporalCli, startDevServer } from '#libs/temporal-cli';
import { historyToJson } from './history-json.js';

/**
 * Records one workflow history per representative chat request into `workflows/__histories__/`.
 * `test/replay/replay-histories.test.ts` replays every file there against the current workflow
 * code, so a change that would break running workflows fails CI instead of production.
 *
 *   npx tsc -p tsconfig.build.json && node dist/scripts/record-histories.js [name ...]
 *
 * Everything runs on loopback: an in-memory Temporal dev server, the simulator, one worker
 * bundling workflow code from source, and the API in this process.
 */

const API_KEY = 'sk-record-histories-0000';

/** How the API starts the workflow and runs provider calls for one recording. */
type ApiVariant = 'default' | 'local-activity' | 'start-and-wait' | 'eager';

interface Recording {
  readonly name: string;
  readonly variant: ApiVariant;
  readonly model: string;
  readonly content: string;
  readonly expectedStatus: number;
  readonly prepare?: (simulator: SimulatorHandle) => void;
}

const LONG_PROMPT = 'Summarise this: ' + 'lorem ipsum dolor sit amet '.repeat(40);

const RECORDINGS: readonly Recording[] = [
  { name: 'success', variant: 'default', model: 'simple', content: 'What is the capital of France?', expectedStatus: 200 },
  { name: 'auto-route-complex', variant: 'default', model: 'auto', content: 'Prove step by step that there are infinitely many primes, then analyze the trade-offs of two proof strategies.', expectedStatus: 200 },
  {
    name: 'rate-limited-then-success',
    variant: 'default',
    model: 'simple',
    content: 'Hello',
    expectedStatus: 200,
    prepare: (simulator) => simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 429, count: 1, retryAfterMs: 300 }] }),
  },
  {
    name: 'fallback-to-second-provider',
    variant: 'default',
    model: 'simple',
    content: 'Hello',
    expectedStatus: 200,
    prepare: (simulator) => simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 500 }] }),
  },
  {
    name: 'context-length-fallback',
    variant: 'default',
    model: 'long-context',
    content: LONG_PROMPT,
    expectedStatus: 200,
    prepare: (simulator) => simulator.setScenario('sim-small-window', { contextWindow: 50 }),
  },
  {
    name: 'all-targets-fail',
    variant: 'default',
    model: 'simple',
    content: 'Hello',
    expectedStatus: 502,
    prepare: (simulator) => simulator.setScenario('*', { faults: [{ kind: 'status', status: 503 }] }),
  },
  {
    name: 'provider-auth-fails-fast',
    variant: 'default',
    model: 'simple',
    content: 'Hello',
    expectedStatus: 502,
    prepare: (simulator) => simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 401, message: 'Incorrect API key provided' }] }),
  },
  { name: 'local-activity-success', variant: 'local-activity', model: 'simple', content: 'Hello', expectedStatus: 200 },
  {
    name: 'local-activity-fallback',
    variant: 'local-activity',
    model: 'simple',
    content: 'Hello',
    expectedStatus: 200,
    // A 404 falls back without a retry. Retried local activities are not recorded: see docs/replay.md.
    prepare: (simulator) => simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 404 }] }),
  },
  { name: 'start-and-wait-success', variant: 'start-and-wait', model: 'simple', content: 'Hello', expectedStatus: 200 },
  { name: 'eager-start-success', variant: 'eager', model: 'simple', content: 'Hello', expectedStatus: 200 },
];

async function main(argv: readonly string[]): Promise<void> {
  const selected = argv.length > 0 ? RECORDINGS.filter((recording) => argv.includes(recording.name)) : RECORDINGS;
  if (selected.length === 0) throw new Error(`no recording named ${argv.join(', ')}; known: ${RECORDINGS.map((recording) => recording.name).join(', ')}`);
  Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('ERROR') });

  const outputDirectory = join(projectRoot(), 'workflows', '__histories__');
  mkdirSync(outputDirectory, { recursive: true });
  const temporal = await startDevServer({ cliPath: ensureTemporalCli().path, headless: true });
  const simulator = await startSimulator({ port: 0, seed: 7 });
  const connection = await NativeConnection.connect({ address: temporal.address });
  const apps = new Map<ApiVariant, { app: NestFastifyApplication; url: string }>();
  const dataDir = mkdtempSync(join(tmpdir(), 'ballast-record-histories-'));
  let rag: RagRuntime | undefined;
  let workerRun: Promise<void> | undefined;
  let stopWorker = () => {};
  try {
    const config = recordingConfig(temporal.address, simulator.url, dataDir);
    rag = await createRagRuntime(config);
    const client = new Client({ connection, namespace: config.temporal.namespace });
    // Bundled from source, never dist/workflow-bundle.js: the histories must match the code in the tree.
    const worker = await createChatWorker({ config, connection, client, rag, preferPrebuiltBundle: false });
    workerRun = worker.run();
    stopWorker = () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    };
    for (const variant of ['default', 'local-activity', 'start-and-wait', 'eager'] as const) {
      const app = await createApiApp({ config: variantConfig(config, variant), client, rag, logger: false });
      await app.listen(0, '127.0.0.1');
      apps.set(variant, { app, url: await app.getUrl() });
    }

    for (const recording of selected) {
      simulator.resetScenarios();
      recording.prepare?.(simulator);
      const response = await fetch(`${apps.get(recording.variant)?.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: recording.model, messages: [{ role: 'user', content: recording.content }] }),
      });
      const body = (await response.json()) as { request_id?: string; ballast?: { request_id?: string } };
      if (response.status !== recording.expectedStatus) {
        throw new Error(`${recording.name}: expected HTTP ${recording.expectedStatus}, got ${response.status}: ${JSON.stringify(body)}`);
      }
      const requestId = body.ballast?.request_id ?? body.request_id;
      if (!requestId) throw new Error(`${recording.name}: the answer carries no request id: ${JSON.stringify(body)}`);
      const handle = client.workflow.getHandle(chatWorkflowId(requestId));
      // A failed request answers before its workflow closes; the history must be complete.
      await handle.result().catch(() => undefined);
      const history = await handle.fetchHistory();
      const file = join(outputDirectory, `${recording.name}.json`);
      writeFileSync(file, historyToJson(history));
      console.log(`${recording.name}: ${history.events?.length ?? 0} events → ${file}`);
    }
  } finally {
    for (const { app } of apps.values()) await app.close();
    stopWorker();
    await workerRun;
    await rag?.close();
    rmSync(dataDir, { recursive: true, force: true });
    await connection.close();
    await simulator.close();
    await temporal.stop();
  }
}

/** Simulator-backed providers, quick retries, and the routes the recordings exercise. */
function recordingConfig(temporalAddress: string, simulatorUrl: string, dataDir: string): ResolvedConfig {
  return loadConfig({
    env: {},
    cwd: '/nonexistent-so-no-ballast-yaml-is-read',
    overrides: {
      environment: 'test',
      dataDir,
      temporal: { address: temporalAddress, taskQueue: 'record-histories' },
      simulator: { mode: 'always', url: simulatorUrl },
      server: { port: 0, attemptTimeoutMs: 10_000, heartbeatTimeoutMs: 2_000, requestTimeoutMs: 30_000 },
      retry: { initialIntervalMs: 20, maximumIntervalMs: 200 },
      // Recordings fail providers on purpose; an open breaker would change later recordings.
      circuitBreaker: { failureThreshold: 10_000 },
      auth: { apiKeys: [{ key: API_KEY, tenantId: 'tenant-record', userId: 'recorder' }] },
      models: [
        { id: 'sim-small-window', provider: 'openai', contextWindow: 100_000, maxOutputTokens: 4_096, pricesPerMillion: { input: 1, output: 2 }, batchDiscount: 0.5 },
        { id: 'sim-large-window', provider: 'anthropic', contextWindow: 1_000_000, maxOutputTokens: 4_096, pricesPerMillion: { input: 3, output: 6 }, batchDiscount: 0.5 },
      ],
      routes: {
        simple: { targets: [{ provider: 'openai', model: 'gpt-4.1-mini', maxAttempts: 3 }, { provider: 'anthropic', model: 'claude-haiku-4-5', maxAttempts: 2 }] },
        complex: { targets: [{ provider: 'openai', model: 'gpt-4.1', maxAttempts: 3 }, { provider: 'anthropic', model: 'claude-sonnet-4-5', maxAttempts: 2 }] },
        'long-context': { targets: [{ provider: 'openai', model: 'sim-small-window', maxAttempts: 3 }, { provider: 'anthropic', model: 'sim-large-window', maxAttempts: 2 }] },
      },
    },
  });
}

function variantConfig(config: ResolvedConfig, variant: ApiVariant): ResolvedConfig {
  switch (variant) {
    case 'default':
      return config;
    case 'local-activity':
      return { ...config, temporal: { ...config.temporal, callModelAs: 'local-activity' } };
    case 'start-and-wait':
    case 'eager':
      return { ...config, temporal: { ...config.temporal, startMode: variant } };
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
