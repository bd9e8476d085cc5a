import { startTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ config: { circuitBreaker: { failureThreshold: 3, openMs: 60_000 } } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

test('a provider that keeps failing is skipped by later requests until its circuit closes', async () => {
  stack.simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 500 }] });
  const ask = { model: 'simple', messages: [{ role: 'user', content: 'Hi' }] };

  const first = await stack.api('/v1/chat/completions', { json: ask });
  expect(first.status).toBe(200);
  const callsAfterFirst = stack.simulator.stats().models['gpt-4.1-mini']?.calls ?? 0;
  expect(callsAfterFirst).toBe(3);

  const second = await stack.api('/v1/chat/completions', { json: ask });
  const body = (await second.json()) as { ballast: { provider: string; route: { attempts: Array<{ model: string; outcome: string; error_kind?: string }> } } };
  expect(second.status).toBe(200);
  expect(body.ballast.provider).toBe('anthropic');
  expect(body.ballast.route.attempts[0]).toMatchObject({ model: 'gpt-4.1-mini', outcome: 'skipped', error_kind: 'circuit-open' });
  // The open circuit sent nothing to the failing provider.
  expect(stack.simulator.stats().models['gpt-4.1-mini']?.calls).toBe(callsAfterFirst);
});
