import type { ChildProcess } from 'node:child_process';
import { freePort } from '#libs/project';
import { startApiProcess } from './support/api-process.js';
import { startTestStack, TEST_API_KEY, type TestStack } from './support/test-stack.js';
import { startedModelCalls, until } from './support/wait-for.js';
import { assertWorkerBuilt, startWorkerProcess, stopProcess, waitForOutput } from './support/worker-process.js';

/**
 * SIGTERM, as Kubernetes or `docker stop` sends it, to a worker or an API process while a
 * chat request is in flight: the request still completes, and is charged once.
 */
const CALL_LATENCY_MS = 3_000;
const WORKER_CALL_LATENCY_MS = 8_000;

type ChatBody = { ballast: { request_id: string; cost_usd: number; route: { attempts: Array<{ outcome: string }> } }; choices: Array<{ message: { content: string } }> };

function chat(url: string): Promise<Response> {
  return fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'simple', messages: [{ role: 'user', content: 'Explain graceful shutdown.' }] }),
  });
}

describe('worker SIGTERM', () => {
  let stack: TestStack;
  beforeAll(async () => {
    assertWorkerBuilt();
    stack = await startTestStack({ worker: false });
  }, 120_000);
  afterAll(() => stack?.stop(), 60_000);

  test('the in-flight provider call finishes on the stopping worker; another worker completes the request; one charge', async () => {
    // Long enough for the replacement worker to start while the call is still at the provider.
    stack.simulator.setScenario('gpt-4.1-mini', { latencyMs: { distribution: 'fixed', value: WORKER_CALL_LATENCY_MS } });
    const healthPort = await freePort();
    const stopping = startWorkerProcess(stack.config, stack.simulator.url, { BALLAST_WORKER_HEALTH_PORT: String(healthPort) });
    // 0 when nothing answers (not started yet, or exited).
    const ready = () => fetch(`http://127.0.0.1:${healthPort}/health/ready`).then((response) => response.status, () => 0);
    let stoppingOutput = '';
    stopping.stdout?.on('data', (chunk: Buffer) => (stoppingOutput += chunk.toString()));
    let replacement: ChildProcess | undefined;
    try {
      await waitForOutput(stopping);
      await until(async () => (await ready()) === 200, 'the worker reports ready once it polls', 10_000);
      let answered = false;
      const pending = chat(stack.apiUrl).finally(() => (answered = true));
      await until(async () => (await startedModelCalls(stack.client)) === 1, 'the provider call started on the first worker');

      // A rolling deploy: the replacement is up before the old worker is told to stop.
      replacement = startWorkerProcess(stack.config, stack.simulator.url);
      await waitForOutput(replacement);
      const exited = new Promise<number | null>((resolveExit) => stopping.once('exit', (code) => resolveExit(code)));
      expect(answered).toBe(false);
      stopping.kill('SIGTERM');
      // Draining: no longer ready (a rollout waits on it), while the provider call still runs.
      await until(async () => (await ready()) === 503, 'the draining worker reports not ready', 5_000);
      expect(answered).toBe(false);

      const response = await pending;
      const body = (await response.json()) as ChatBody;
      expect(response.status).toBe(200);
      expect(body.choices[0]?.message.content).not.toBe('');
      // Drained, not retried: one attempt, one provider call, settled once in the ledger.
      expect(body.ballast.route.attempts.map((attempt) => attempt.outcome)).toEqual(['success']);
      expect(stack.simulator.stats().models['gpt-4.1-mini']).toMatchObject({ calls: 1, successes: 1 });
      expect(await stack.rag.ledger.findReservation({ requestId: body.ballast.request_id, attempt: 1 })).toMatchObject({ status: 'settled', actualUsd: body.ballast.cost_usd });
      expect(await exited).toBe(0);
      expect(stoppingOutput).toContain('[worker] stopped');
    } finally {
      if (replacement) await stopProcess(replacement, 'SIGTERM');
      await stopProcess(stopping, 'SIGKILL');
    }
  }, 90_000);
});

describe('API SIGTERM', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  }, 120_000);
  afterAll(() => stack?.stop(), 60_000);

  test('the in-flight HTTP request gets its answer; new connections are refused at once', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { latencyMs: { distribution: 'fixed', value: CALL_LATENCY_MS } });
    const api = await startApiProcess(stack.config, stack.simulator.url);
    try {
      let answered = false;
      const pending = chat(api.url).finally(() => (answered = true));
      await until(async () => (await startedModelCalls(stack.client)) === 1, 'the request reached the provider');
      const exited = new Promise<number | null>((resolveExit) => api.child.once('exit', (code) => resolveExit(code)));
      const signalled = Date.now();
      api.child.kill('SIGTERM');

      // The listener closes first: a new connection is refused while the old request still waits.
      await until(
        () => fetch(`${api.url}/health/live`).then(() => false, (error: Error & { cause?: { code?: string } }) => error.cause?.code === 'ECONNREFUSED'),
        'new connections refused',
        5_000,
      );
      expect(answered).toBe(false);

      const response = await pending;
      expect(response.status).toBe(200);
      const body = (await response.json()) as ChatBody;
      expect(body.ballast.route.attempts.map((attempt) => attempt.outcome)).toEqual(['success']);
      // Exits once drained, without waiting for the client's keep-alive connection to time out.
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(CALL_LATENCY_MS + 10_000);
      expect(api.output()).toMatch(/SIGTERM: draining 1 in-flight request\(s\)[\s\S]*\[api\] stopped/);
    } finally {
      await stopProcessIfRunning(api.child);
    }
  }, 90_000);
});

async function stopProcessIfRunning(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolveExit) => child.once('exit', resolveExit).kill('SIGKILL'));
}
