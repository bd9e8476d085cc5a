import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { computeCostUsd } from '#libs/models';
import { projectRoot } from '#libs/project';
import { startTestStack, type TestStack } from './support/test-stack.js';

/**
 * A worker process killed with SIGKILL during a provider call: the request must still complete
 * once another worker is up, with one answer and one cost.
 */
/** temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED */
const PENDING_ACTIVITY_STARTED = 2;
const workerMain = join(projectRoot(), 'dist', 'apps', 'worker', 'src', 'main.js');

let stack: TestStack;

beforeAll(async () => {
  if (!existsSync(workerMain)) throw new Error(`${workerMain} is missing: run \`npm run build\` first (npm test does).`);
  stack = await startTestStack({ worker: false });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [workerMain], {
    env: {
      PATH: process.env['PATH'] ?? '',
      TEMPORAL_ADDRESS: stack.config.temporal.address,
      BALLAST_TASK_QUEUE: stack.config.temporal.taskQueue,
      BALLAST_SIMULATOR: 'always',
      BALLAST_SIMULATOR_URL: stack.simulator.url,
      BALLAST_ENV: 'test',
      // The same stores as the API, so the spend ledger the workers write is the one checked.
      BALLAST_DATA_DIR: stack.config.dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return child;
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolveOutput, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolveOutput();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before ${pattern}: ${seen}`)));
  });
}

test('SIGKILL of the worker mid-call: the request completes after a new worker starts, billed once', async () => {
  stack.simulator.setScenario('gpt-4.1-mini', { latencyMs: { distribution: 'fixed', value: 1_500 } });
  const first = startWorkerProcess();
  await waitForOutput(first, /polling task queue/);

  const pending = stack.api('/v1/chat/completions', { json: { model: 'simple', messages: [{ role: 'user', content: 'Tell me about durability.' }] } });

  // Wait until the provider call is in flight on the first worker, then kill it without warning.
  await until(async () => {
    const list = stack.client.workflow.list({ query: `WorkflowType = "chatWorkflow" AND ExecutionStatus = "Running"` });
    for await (const execution of list) {
      const described = await stack.client.workflow.getHandle(execution.workflowId).describe();
      if ((described.raw.pendingActivities ?? []).some((activity) => activity.activityType?.name === 'callModel' && Number(activity.state) === PENDING_ACTIVITY_STARTED)) return true;
    }
    return false;
  });
  first.kill('SIGKILL');
  await new Promise((resolveExit) => first.once('exit', resolveExit));

  const second = startWorkerProcess();
  try {
    const response = await pending;
    const body = (await response.json()) as {
      ballast: { request_id: string; cost_usd: number; route: { attempts: Array<{ outcome: string }> } };
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    expect(response.status).toBe(200);
    const successes = body.ballast.route.attempts.filter((attempt) => attempt.outcome === 'success');
    expect(successes).toHaveLength(1);
    // One charge: the cost is exactly one call's price for the tokens it reported.
    const oneCall = computeCostUsd(stack.config.catalog.get('gpt-4.1-mini'), {
      inputTokens: body.usage.prompt_tokens,
      outputTokens: body.usage.completion_tokens,
      cachedInputTokens: undefined,
    });
    expect(body.ballast.cost_usd).toBeCloseTo(oneCall.costUsd, 9);
    // The provider finished (and billed) one call: the killed worker's call was cut, not completed.
    expect(stack.simulator.stats().models['gpt-4.1-mini']).toMatchObject({ successes: 1 });

    // The ledger converges: the retried attempt settled once at the answer's cost; the killed
    // attempt's hold stays until it expires, then the reaper frees it without charging it.
    const requestId = body.ballast.request_id;
    const killed = await stack.rag.ledger.findReservation({ requestId, attempt: 1 });
    const retried = await stack.rag.ledger.findReservation({ requestId, attempt: 2 });
    expect(retried).toMatchObject({ status: 'settled', actualUsd: body.ballast.cost_usd });
    expect(killed?.status).toBe('reserved');
    await stack.rag.ledger.reapExpired({ now: new Date(Date.parse(killed?.expiresAt ?? '') + 1) });
    expect(await stack.rag.ledger.findReservation({ requestId, attempt: 1 })).toMatchObject({ status: 'expired' });
    const today = new Date().toISOString().slice(0, 10);
    const [usage] = await stack.rag.usage.query({ scope: { tenantId: 'tenant-a' }, groupBy: 'model', from: new Date(today), to: new Date(Date.now() + 86_400_000) });
    expect(usage).toMatchObject({ group: 'gpt-4.1-mini', requests: 1, costUsd: body.ballast.cost_usd });
  } finally {
    second.kill('SIGTERM');
    await new Promise((resolveExit) => second.once('exit', resolveExit));
  }
}, 90_000);

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
  }
  throw new Error('condition not reached in time');
}
