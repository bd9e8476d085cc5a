import { startTestStack, type TestStack } from './support/test-stack.js';
import { addPoliciesCollection } from './support/stack-suite.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;
const MODEL = 'gpt-4.1-mini';
const STRONG_MODEL = 'gpt-4.1';
const REFUSAL = 'Sorry, the policy documents do not answer that reliably.';

const route = (validation: Json) => ({
  targets: [
    { provider: 'openai', model: MODEL, maxAttempts: 1 },
    { provider: 'openai', model: STRONG_MODEL, maxAttempts: 1 },
  ],
  retrieval: { collections: ['policies'], topK: 3 },
  validation,
});

beforeAll(async () => {
  stack = await startTestStack({
    config: {
      routes: {
        simple: { targets: [{ provider: 'openai', model: MODEL, maxAttempts: 1 }] },
        complex: { targets: [{ provider: 'openai', model: STRONG_MODEL, maxAttempts: 1 }] },
        'policy-flag': route({ mode: 'flag' }),
        'policy-refuse': route({ mode: 'refuse', refusalMessage: REFUSAL }),
        'policy-regenerate': route({ mode: 'regenerate' }),
      },
      observability: { traces: { flushIntervalMs: 50 } },
    },
  });
  await addPoliciesCollection(stack);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

beforeEach(() => stack.simulator.resetScenarios());

async function ask(model: string): Promise<Json> {
  const response = await stack.api('/v1/chat/completions', { json: { model, messages: [{ role: 'user', content: 'How long do I have to ask for a refund after delivery?' }] } });
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

test('a grounded answer passes, with every claim matched to its source', async () => {
  stack.simulator.setScenario(MODEL, { replies: ['Refunds are accepted within 30 days of delivery [1]. Shipping fees are not refunded [1].'] });
  const answer = await ask('policy-flag');
  expect(answer.ballast.validation).toMatchObject({ verdict: 'grounded', groundedness: 1, action: 'passed', mode: 'flag', unsupported_claims: 0, invalid_citations: 0 });
  expect(answer.ballast.validation.claims).toHaveLength(2);
  expect(answer.ballast.validation.claims[0]).toMatchObject({ verdict: 'supported', source: 1 });
});

test('flag: a changed number is returned with a warning naming the unsupported claim', async () => {
  stack.simulator.setScenario(MODEL, { replies: ['Refunds are accepted within 60 days of delivery [1].'] });
  const answer = await ask('policy-flag');
  expect(answer.choices[0].message.content).toContain('60 days');
  const { validation } = answer.ballast;
  expect(validation).toMatchObject({ action: 'flagged', unsupported_claims: 1 });
  expect(validation.groundedness).toBeLessThan(0.8);
  expect(validation.warning).toContain('not supported');
  expect(validation.claims[0].verdict).toBe('unsupported');
  expect(validation.claims[0].reasons.join(' ')).toMatch(/60|30/);

  // The trace carries the groundedness, for the dashboard and the hallucination alert.
  for (let waited = 0; waited < 5_000; waited += 50) {
    const trace = await stack.rag.traces.get(answer.ballast.request_id, 'all-tenants');
    if (trace !== undefined) {
      expect(trace.groundedness).toBe(validation.groundedness);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the trace was not written');
});

test('refuse: the unsupported answer is replaced by the route’s refusal', async () => {
  stack.simulator.setScenario(MODEL, { replies: ['Refunds are accepted within 60 days of delivery [1].'] });
  const answer = await ask('policy-refuse');
  expect(answer.choices[0].message.content).toBe(REFUSAL);
  expect(answer.ballast.validation).toMatchObject({ action: 'refused', unsupported_claims: 1 });
});

test('regenerate: one stricter retry on the strongest target replaces the answer when it is better grounded, and both calls are billed', async () => {
  stack.simulator.setScenario(MODEL, { replies: ['Refunds are accepted within 60 days of delivery [1].'] });
  stack.simulator.setScenario(STRONG_MODEL, { replies: ['Refunds are accepted within 30 days of delivery [1].'] });
  const answer = await ask('policy-regenerate');
  expect(answer.choices[0].message.content).toBe('Refunds are accepted within 30 days of delivery [1].');
  expect(answer.ballast.validation).toMatchObject({ action: 'regenerated', groundedness: 1, verdict: 'grounded' });
  expect(answer.ballast.validation.first_groundedness).toBeLessThan(0.8);
  expect(answer.ballast.route.attempts.map((attempt: Json) => [attempt.model, attempt.outcome])).toEqual([
    [MODEL, 'success'],
    [STRONG_MODEL, 'success'],
  ]);
  // Both calls were settled in the spend ledger: the strong model's usage is there too.
  const usage = await stack.rag.usage.query({ scope: { tenantId: 'tenant-a' }, groupBy: 'model', from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) });
  expect(usage.map((group) => group.group)).toEqual(expect.arrayContaining([MODEL, STRONG_MODEL]));
  const progress = (await (await stack.api(`/v1/requests/${answer.ballast.request_id as string}`)).json()) as Json;
  expect(progress.steps.map((step: Json) => step.name)).toContain('validate');
  const strongCost = usage.find((group) => group.group === STRONG_MODEL)?.costUsd ?? 0;
  expect(answer.ballast.cost_usd).toBeGreaterThan(strongCost);
});

test('answers without sources are not validated', async () => {
  const answer = await ask('simple');
  expect(answer.ballast.validation).toBeNull();
});
