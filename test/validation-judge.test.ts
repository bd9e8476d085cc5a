import { ConfigError } from '#libs/config';
import { ADMIN_API_KEY, startTestStack, testConfig, type TestStack } from './support/test-stack.js';
import { addPoliciesCollection } from './support/stack-suite.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;
const MODEL = 'gpt-4.1-mini';
const JUDGE = 'gpt-4.1-nano';
/** The first claim is stated by the source; the second is a paraphrase the fast checks cannot decide. */
const ANSWER = 'Refunds are accepted within 30 days of delivery [1]. You will not get the delivery charge back [1].';
const UNDECIDED = 'You will not get the delivery charge back.';
/** The ledger attempt number of a request's first judge call (see judgeLedgerKey). */
const JUDGE_LEDGER_ATTEMPT = 90_000;

const verdicts = (supported: boolean) => JSON.stringify({ verdicts: [{ claim: 1, supported, source: '1', reason: supported ? 'Shipping fees are not refunded.' : 'Not what the source says.' }] });

beforeAll(async () => {
  stack = await startTestStack({
    config: {
      routes: {
        simple: { targets: [{ provider: 'openai', model: MODEL, maxAttempts: 1 }] },
        complex: { targets: [{ provider: 'openai', model: 'gpt-4.1', maxAttempts: 1 }] },
        'policy-judged': {
          targets: [{ provider: 'openai', model: MODEL, maxAttempts: 1 }],
          retrieval: { collections: ['policies'], topK: 3 },
          validation: { mode: 'flag', judge: { model: JUDGE, timeoutMs: 5_000 } },
        },
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

async function ask(): Promise<Json> {
  const response = await stack.api('/v1/chat/completions', { json: { model: 'policy-judged', messages: [{ role: 'user', content: 'Can I get my money back after delivery, shipping included?' }] } });
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

const claimOf = (answer: Json, text: string): Json => answer.ballast.validation.claims.find((claim: Json) => claim.text === text);

test('the undecided claim follows the judge, whose cost is in the result and in the ledger, charged once', async () => {
  stack.simulator.setScenario(MODEL, { replies: [ANSWER] });
  stack.simulator.setScenario(JUDGE, { replies: [verdicts(true)] });
  const answer = await ask();
  const { validation } = answer.ballast;
  expect(validation).toMatchObject({ verdict: 'grounded', groundedness: 1, action: 'passed', uncertain_claims: 0 });
  expect(claimOf(answer, UNDECIDED)).toMatchObject({ verdict: 'supported' });
  expect(claimOf(answer, UNDECIDED).reasons.at(-1)).toBe('judge: Shipping fees are not refunded.');
  expect(validation.judge).toMatchObject({ model: JUDGE, served_by: `openai/${JUDGE}`, calls: 1, claims: 1, changed: 1 });
  expect(validation.judge.error).toBeUndefined();
  expect(validation.judge.input_tokens).toBeGreaterThan(0);
  expect(validation.judge.output_tokens).toBeGreaterThan(0);
  expect(validation.judge.cost_usd).toBeGreaterThan(0);

  // Charged once, in the ledger, under the judge's own key; the request's cost is the answer's plus the judge's.
  const requestId = answer.ballast.request_id as string;
  const judged = await stack.rag.ledger.findReservation({ requestId, attempt: JUDGE_LEDGER_ATTEMPT });
  expect(judged).toMatchObject({ status: 'settled', actualUsd: validation.judge.cost_usd });
  const answered = await stack.rag.ledger.findReservation({ requestId, attempt: 1 });
  expect(answered?.status).toBe('settled');
  expect(answer.ballast.cost_usd).toBeCloseTo((answered?.actualUsd ?? 0) + validation.judge.cost_usd, 8);

  const usage = (await (await stack.api('/v1/usage?group_by=model&tenant_id=tenant-a', { key: ADMIN_API_KEY })).json()) as Json;
  const judgeUsage = usage.data.find((group: Json) => group.group === JUDGE);
  expect(judgeUsage?.cost_usd).toBeGreaterThanOrEqual(validation.judge.cost_usd);

  const progress = (await (await stack.api(`/v1/requests/${requestId}`)).json()) as Json;
  expect(progress.steps.find((step: Json) => step.name === 'validate').summary).toContain(`judge ${JUDGE}: 1 claim(s), 1 changed`);
});

test('a judge rejecting the claim makes it unsupported', async () => {
  stack.simulator.setScenario(MODEL, { replies: [ANSWER] });
  stack.simulator.setScenario(JUDGE, { replies: [verdicts(false)] });
  const answer = await ask();
  expect(claimOf(answer, UNDECIDED)).toMatchObject({ verdict: 'unsupported' });
  expect(answer.ballast.validation).toMatchObject({ action: 'flagged', unsupported_claims: 1, groundedness: 0.5 });
});

test('a judge failing once is retried and charged once', async () => {
  stack.simulator.setScenario(MODEL, { replies: [ANSWER] });
  stack.simulator.setScenario(JUDGE, { replies: [verdicts(true)], faults: [{ kind: 'status', status: 503, count: 1 }] });
  const answer = await ask();
  expect(claimOf(answer, UNDECIDED)).toMatchObject({ verdict: 'supported' });
  expect(answer.ballast.validation.judge).toMatchObject({ calls: 1, claims: 1 });
  const judged = await stack.rag.ledger.findReservation({ requestId: answer.ballast.request_id as string, attempt: JUDGE_LEDGER_ATTEMPT });
  expect(judged).toMatchObject({ status: 'settled', actualUsd: answer.ballast.validation.judge.cost_usd });
});

test('a judge replying garbage leaves the fast verdict, says why, and its call is still charged', async () => {
  stack.simulator.setScenario(MODEL, { replies: [ANSWER] });
  stack.simulator.setScenario(JUDGE, { replies: ['Both claims look fine to me!'] });
  const answer = await ask();
  expect(claimOf(answer, UNDECIDED)).toMatchObject({ verdict: 'uncertain' });
  const { validation } = answer.ballast;
  expect(validation).toMatchObject({ action: 'flagged', uncertain_claims: 1 });
  expect(validation.judge).toMatchObject({ model: JUDGE, calls: 1, claims: 1, changed: 0 });
  expect(validation.judge.error).toMatch(/unusable judge response \(not-json\)/);
  expect(validation.judge.cost_usd).toBeGreaterThan(0);
  const judged = await stack.rag.ledger.findReservation({ requestId: answer.ballast.request_id as string, attempt: JUDGE_LEDGER_ATTEMPT });
  expect(judged).toMatchObject({ status: 'settled', actualUsd: validation.judge.cost_usd });
});

test('a judge answering 500 never fails the request: the fast verdict stands, nothing is charged for it', async () => {
  stack.simulator.setScenario(MODEL, { replies: [ANSWER] });
  stack.simulator.setScenario(JUDGE, { faults: [{ kind: 'status', status: 500 }] });
  const answer = await ask();
  expect(answer.choices[0].message.content).toBe(ANSWER);
  expect(claimOf(answer, UNDECIDED)).toMatchObject({ verdict: 'uncertain' });
  const { validation } = answer.ballast;
  expect(validation).toMatchObject({ action: 'flagged', uncertain_claims: 1 });
  expect(validation.judge).toMatchObject({ model: JUDGE, calls: 0, claims: 1, cost_usd: 0 });
  expect(validation.judge.error).toMatch(/^server-error: /);
  const judged = await stack.rag.ledger.findReservation({ requestId: answer.ballast.request_id as string, attempt: JUDGE_LEDGER_ATTEMPT });
  expect(judged?.status).toBe('released');
});

test('answers with nothing undecided make no judge call', async () => {
  stack.simulator.setScenario(MODEL, { replies: ['Refunds are accepted within 30 days of delivery [1].'] });
  stack.simulator.setScenario(JUDGE, { faults: [{ kind: 'status', status: 500 }] });
  const answer = await ask();
  expect(answer.ballast.validation).toMatchObject({ verdict: 'grounded', action: 'passed' });
  expect(answer.ballast.validation.judge).toBeUndefined();
});

test('an unknown judge model is refused when the configuration loads', () => {
  const load = (model: string) => () =>
    testConfig('127.0.0.1:7233', 'http://127.0.0.1:4010', {
      routes: {
        simple: { targets: [{ provider: 'openai', model: MODEL }] },
        complex: { targets: [{ provider: 'openai', model: MODEL }], validation: { judge: { model } } },
      },
    });
  expect(load('gpt-unknown')).toThrow(ConfigError);
  expect(load('gpt-unknown')).toThrow(/routes\.complex\.validation\.judge\.model: judge model 'gpt-unknown' is neither a route/);
  expect(load('simple')).not.toThrow();
  expect(load(JUDGE)).not.toThrow();
});
