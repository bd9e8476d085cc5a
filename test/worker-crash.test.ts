import { computeCostUsd } from '#libs/models';
import { startTestStack, type TestStack } from './support/test-stack.js';
import { assertWorkerBuilt, startWorkerProcess, waitForOutput } from './support/worker-process.js';

/**
 * A worker process killed with SIGKILL during a provider call: the request must still complete
 * once another worker is up, with one answer and one cost.
 */
/** temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED */
const PENDING_ACTIVITY_STARTED = 2;

let stack: TestStack;

beforeAll(async () => {
  assertWorkerBuilt();
  stack = await startTestStack({ worker: false });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

test('SIGKILL of the worker mid-call: the request completes after a new worker starts, billed once', async () => {
  stack.simulator.setScenario('gpt-4.1-mini', { latencyMs: { distribution: 'fixed', value: 1_500 } });
  const first = startWorkerProcess(stack.config, stack.simulator.url);
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

  const second = startWorkerProcess(stack.config, stack.simulator.url);
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

    // The ledger converges: one retried attempt settled once at the answer's cost (on a loaded
    // machine a retry may itself time out and be released before another succeeds); the killed
    // attempt's hold stays until it expires, then the reaper frees it without charging it.
    const requestId = body.ballast.request_id;
    const killed = await stack.rag.ledger.findReservation({ requestId, attempt: 1 });
    const retries = [];
    for (let attempt = 2; attempt <= 6; attempt += 1) {
      const reservation = await stack.rag.ledger.findReservation({ requestId, attempt });
      if (reservation) retries.push(reservation);
    }
    expect(retries.filter((reservation) => reservation.status === 'settled')).toEqual([expect.objectContaining({ actualUsd: body.ballast.cost_usd })]);
    expect(retries.filter((reservation) => reservation.status !== 'settled').map((reservation) => reservation.status)).toEqual(
      retries.filter((reservation) => reservation.status !== 'settled').map(() => 'released'),
    );
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
