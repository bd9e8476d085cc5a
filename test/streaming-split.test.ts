import type { ChildProcess } from 'node:child_process';
import OpenAI from 'openai';
import { Client, Connection } from '@temporalio/client';
import { startSimulator, type SimulatorHandle } from '#apps/simulator';
import type { ResolvedConfig } from '#libs/config';
import type { ChatResult } from '#libs/contracts';
import { ensureNatsServer, startNatsServer, type NatsServerHandle } from '#libs/nats-server';
import type { DevServerHandle } from '#libs/temporal-cli';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { startSharedStore, type SharedStore } from './support/shared-store.js';
import { startTemporalTestServer } from './support/temporal-test-server.js';
import { drain, requestIdOf, visibleText } from './support/sse-chunks.js';
import { TEST_API_KEY, testConfig } from './support/test-stack.js';
import { until } from './support/wait-for.js';
import { assertWorkerBuilt, startWorkerProcess, stopProcess, waitForOutput } from './support/worker-process.js';

/**
 * A split deployment streaming (issue 12, ADR 0012): the API and the worker are separate
 * processes (the built mains), streamed text crosses between them on a real NATS server
 * (BALLAST_NATS_URL). Deltas reach the official client while the workflow still runs; with
 * NATS gone mid-answer the client still gets the whole recorded answer, never a cut one.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the `ballast` extension fields of chunks
type Json = Record<string, any>;

/** `simple` routes to this model (the default routes); paced so an answer streams for about 2 s. */
const MODEL = 'gpt-4.1-mini';
const PACED = { outputTokens: 60, chunkDelayMs: 40 };

let temporal: DevServerHandle;
let simulator: SimulatorHandle;
let nats: NatsServerHandle;
let store: SharedStore;
let config: ResolvedConfig;
let connection: Connection;
let client: Client;
let worker: ChildProcess;
let workerOutput = '';
let api: ApiProcess;

beforeAll(async () => {
  assertWorkerBuilt();
  // The pinned server, built into .tools/ by `npm run setup` (or here, the first time: `go install`).
  const natsServer = ensureNatsServer();
  [temporal, simulator, nats] = await Promise.all([startTemporalTestServer(), startSimulator({ port: 0, seed: 12 }), startNatsServer({ serverPath: natsServer.path })]);
  config = testConfig(temporal.address, simulator.url, {});
  store = await startSharedStore(config.dataDir);
  const environment = { BALLAST_DATABASE_URL: store.url, BALLAST_NATS_URL: nats.url };
  worker = startWorkerProcess(config, simulator.url, environment);
  worker.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
  worker.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
  await waitForOutput(worker);
  api = await startApiProcess(config, simulator.url, environment);
  connection = await Connection.connect({ address: temporal.address });
  client = new Client({ connection, namespace: config.temporal.namespace });
}, 900_000);

afterAll(async () => {
  await Promise.all([worker, api?.child].filter((child): child is ChildProcess => child !== undefined).map((child) => stopProcess(child, 'SIGTERM')));
  await connection?.close();
  await simulator?.close();
  await nats?.stop();
  await temporal?.stop();
  await store?.stop();
}, 90_000);

beforeEach(() => {
  simulator.resetScenarios();
});

const question = (content: string) => [{ role: 'user' as const, content }];

const isContent = (chunk: Json) => Boolean(chunk['choices']?.[0]?.delta?.content);

async function recorded(requestId: string): Promise<{ result: ChatResult; closedAt: number }> {
  const handle = client.workflow.getHandle(`chat-${requestId}`);
  const result = (await handle.result()) as ChatResult;
  const closedAt = (await handle.describe()).closeTime?.getTime() ?? Number.NaN;
  return { result, closedAt };
}

function openai(): OpenAI {
  return new OpenAI({ baseURL: `${api.url}/v1`, apiKey: TEST_API_KEY, maxRetries: 0 });
}

describe('streaming with API and worker in separate processes, over NATS', () => {
  test('deltas arrive while the workflow runs; the text and the exact usage are the recorded ones', async () => {
    simulator.setScenario(MODEL, PACED);
    const stream = await openai().chat.completions.create({ model: 'simple', messages: question('Tell me about split deployments.'), stream: true, stream_options: { include_usage: true } });
    let statusAtFirstDelta: string | undefined;
    const { chunks, arrivals, error } = await drain(stream, async (chunk) => {
      if (statusAtFirstDelta === undefined && isContent(chunk)) statusAtFirstDelta = (await client.workflow.getHandle(`chat-${String(chunk['id']).replace(/^chatcmpl-/, '')}`).describe()).status.name;
    });

    expect(error).toBeUndefined();
    expect(statusAtFirstDelta).toBe('RUNNING');
    const { result, closedAt } = await recorded(requestIdOf(chunks));
    // Incremental: many content chunks, most of them before the workflow closed (not one delta at the end).
    const contentArrivals = arrivals.filter((_, index) => isContent(chunks[index] as Json));
    expect(contentArrivals.length).toBeGreaterThan(10);
    expect(contentArrivals.filter((arrival) => arrival < closedAt).length).toBeGreaterThanOrEqual(5);
    expect(chunks.some((chunk) => chunk['ballast']?.event === 'source-changed')).toBe(false);
    expect(visibleText(chunks)).toBe(result.response.content);

    const finish = chunks.find((chunk) => chunk['choices']?.[0]?.finish_reason);
    expect(finish?.['ballast']).toMatchObject({ event: 'completed', request_id: result.requestId, cost_usd: result.costUsd });
    const usage = chunks.at(-1)?.['usage'];
    expect(usage).toMatchObject({ prompt_tokens: result.response.usage.inputTokens, completion_tokens: result.response.usage.outputTokens });
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
    expect(usage.completion_tokens).toBeGreaterThan(0);
  }, 60_000);

  test('NATS stopped mid-answer: the client still gets the whole recorded answer; streaming resumes when NATS is back', async () => {
    simulator.setScenario(MODEL, PACED);
    const stream = await openai().chat.completions.create({ model: 'simple', messages: question('What if the relay goes away?'), stream: true, stream_options: { include_usage: true } });
    let stopped = false;
    const { chunks, error } = await drain(stream, async (_chunk, received) => {
      if (!stopped && received.filter(isContent).length >= 3) {
        stopped = true;
        await nats.stop();
      }
    });

    expect(stopped).toBe(true);
    expect(error).toBeUndefined();
    const { result } = await recorded(requestIdOf(chunks));
    // The text the client shows is the whole recorded answer: what the relay lost was replaced at the end.
    expect(visibleText(chunks)).toBe(result.response.content);
    expect(result.response.content.length).toBeGreaterThan(0);
    const streamedBeforeEnd = chunks.filter((chunk, index) => isContent(chunk) && index < chunks.findIndex((later) => later['ballast']?.event === 'source-changed'));
    expect(streamedBeforeEnd.length).toBeGreaterThanOrEqual(3);
    expect(chunks.find((chunk) => chunk['ballast']?.event === 'source-changed')?.['ballast']).toMatchObject({ reason: 'final-answer' });
    expect(chunks.at(-1)?.['usage']).toMatchObject({ prompt_tokens: result.response.usage.inputTokens, completion_tokens: result.response.usage.outputTokens });
    expect(workerOutput).toMatch(/NATS connection lost/);

    // The same server back on its port: both processes reconnect by themselves and stream again.
    nats = await startNatsServer({ serverPath: ensureNatsServer().path, port: nats.port });
    await until(() => /NATS connection back/.test(workerOutput) && /NATS connection back/.test(api.output()), 'API and worker reconnected to NATS', 20_000);
    const again = await drain(await openai().chat.completions.create({ model: 'simple', messages: question('And now?'), stream: true }));
    expect(again.error).toBeUndefined();
    expect(again.chunks.some((chunk) => chunk['ballast']?.event === 'source-changed')).toBe(false);
    expect(again.chunks.filter(isContent).length).toBeGreaterThan(10);
    expect(visibleText(again.chunks)).toBe((await recorded(requestIdOf(again.chunks))).result.response.content);
  }, 90_000);
});
