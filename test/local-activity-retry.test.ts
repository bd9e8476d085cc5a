import { startTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ config: { temporal: { callModelAs: 'local-activity' } } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

test('with local activities a retried provider failure still completes the request, billed once', async () => {
  stack.simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 429, count: 2, retryAfterMs: 50 }] });
  const response = await stack.api('/v1/chat/completions', { json: { model: 'simple', messages: [{ role: 'user', content: 'Hello' }] } });
  const body = (await response.json()) as { ballast: { model: string; route: { attempts: Array<{ outcome: string; attempt: number }> } } };
  expect(response.status).toBe(200);
  expect(body.ballast.model).toBe('gpt-4.1-mini');
  expect(body.ballast.route.attempts.at(-1)).toMatchObject({ outcome: 'success', attempt: 3 });
  expect(stack.simulator.stats().models['gpt-4.1-mini']).toMatchObject({ calls: 3, successes: 1 });
});
