import OpenAI from 'openai';
import { SEARCH_ATTRIBUTES } from '#libs/contracts';
import { useTestStack } from './support/stack-suite.js';
import { OTHER_TENANT_KEY, TEST_API_KEY, type TestStack } from './support/test-stack.js';

interface WireAttempt {
  provider: string;
  model: string;
  attempt: number;
  outcome: string;
  started_at: string;
  latency_ms: number;
  error_kind?: string;
  retry_after_ms?: number;
}

let stack: TestStack;

useTestStack(
  (started) => (stack = started),
  {
    config: {
      // These tests fail providers on purpose; the breaker has its own test file.
      circuitBreaker: { failureThreshold: 10_000 },
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
  },
  { resetStats: true },
);

const ask = (model: string, content = 'What is the capital of France?') => ({ model, messages: [{ role: 'user', content }] });

async function chat(body: unknown, key?: string | null) {
  const response = await stack.api('/v1/chat/completions', { json: body, ...(key !== undefined ? { key } : {}) });
  return { response, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON
}

describe('chat completions through the durable workflow', () => {
  test('the official openai client gets an answer with route, usage, cost and a Temporal link', async () => {
    const openai = new OpenAI({ baseURL: `${stack.apiUrl}/v1`, apiKey: TEST_API_KEY, maxRetries: 0 });
    const completion = await openai.chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'Hello there' }] });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toMatch(/simulated/i);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    const ballast = (completion as unknown as { ballast: Record<string, any> }).ballast; // eslint-disable-line @typescript-eslint/no-explicit-any -- extension object
    expect(ballast['request_id']).toMatch(/^req_[a-f0-9]{32}$/);
    expect(ballast['workflow_id']).toBe(`chat-${ballast['request_id']}`);
    expect(ballast['route'].name).toBe('simple');
    expect(ballast['route'].attempts).toEqual([expect.objectContaining({ provider: 'openai', model: 'gpt-4.1-mini', attempt: 1, outcome: 'success' })]);
    expect(ballast['cost_usd']).toBeGreaterThan(0);
    expect(ballast['simulated']).toBe(true);
    expect(ballast['temporal_ui_url']).toContain(`/workflows/${ballast['workflow_id']}`);
  });

  test('a complex query is routed to the strong tier', async () => {
    const { response, body } = await chat(ask('auto', 'Prove step by step that there are infinitely many primes, then analyze the trade-offs of two proof strategies.'));
    expect(response.status).toBe(200);
    expect(body['ballast'].route.name).toBe('complex');
    expect(body['ballast'].model).toBe('gpt-4.1');
  });

  test('x-ballast-tier asks the router for a tier', async () => {
    const response = await stack.api('/v1/chat/completions', { json: ask('auto', 'Hi'), headers: { 'x-ballast-tier': 'complex' } });
    const body = (await response.json()) as { ballast: { route: { name: string; reason: string } } };
    expect(body.ballast.route.name).toBe('complex');
  });

  test('429 with Retry-After is retried on the same target after the delay the provider asked for', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 429, count: 1, retryAfterMs: 400 }] });
    const { response, body } = await chat(ask('simple'));
    expect(response.status).toBe(200);
    const attempts = body['ballast'].route.attempts as WireAttempt[];
    expect(attempts.map((attempt) => [attempt.attempt, attempt.outcome, attempt.error_kind])).toEqual([
      [1, 'error', 'rate-limited'],
      [2, 'success', undefined],
    ]);
    expect(attempts[0]?.retry_after_ms).toBe(400);
    const gap = Date.parse(attempts[1]!.started_at) - Date.parse(attempts[0]!.started_at);
    expect(gap).toBeGreaterThanOrEqual(400);
  });

  test('a primary provider that keeps failing falls back to the next provider', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 500 }] });
    const { response, body } = await chat(ask('simple'));
    expect(response.status).toBe(200);
    expect(body['ballast'].provider).toBe('anthropic');
    const attempts = body['ballast'].route.attempts as WireAttempt[];
    expect(attempts.filter((attempt) => attempt.model === 'gpt-4.1-mini').map((attempt) => attempt.error_kind)).toEqual(['server-error', 'server-error', 'server-error']);
    expect(attempts.at(-1)).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5', outcome: 'success' });
  });

  test('a context-length error moves to a target with a larger window, without retrying', async () => {
    stack.simulator.setScenario('sim-small-window', { contextWindow: 50 });
    const { response, body } = await chat(ask('long-context', 'Summarise this: ' + 'lorem ipsum dolor sit amet '.repeat(40)));
    expect(response.status).toBe(200);
    expect(body['ballast'].model).toBe('sim-large-window');
    const attempts = body['ballast'].route.attempts as WireAttempt[];
    expect(attempts.map((attempt) => [attempt.model, attempt.outcome, attempt.error_kind])).toEqual([
      ['sim-small-window', 'error', 'context-length-exceeded'],
      ['sim-large-window', 'success', undefined],
    ]);
  });

  test('a request too large for every target is a 413 naming the numbers', async () => {
    stack.simulator.setScenario('sim-small-window', { contextWindow: 50 });
    stack.simulator.setScenario('sim-large-window', { contextWindow: 50 });
    const { response, body } = await chat(ask('long-context', 'Summarise this: ' + 'lorem ipsum dolor sit amet '.repeat(40)));
    expect(response.status).toBe(413);
    expect(body['type']).toBe('/problems/no-target-fits');
    expect(body['detail']).toMatch(/\d+ tokens that cannot be cut.*largest context window is 1000000 tokens/);
  });

  test('a provider 401 fails fast: no retry, no fallback, a clear problem', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 401, message: 'Incorrect API key provided' }] });
    const { response, body } = await chat(ask('simple'));
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(body['type']).toBe('/problems/provider-auth');
    expect(body['detail']).toContain('Incorrect API key provided');
    expect(body['attempts']).toHaveLength(1);
    expect(stack.simulator.stats().models['claude-haiku-4-5']).toBeUndefined();
  });

  test('when every target fails the answer is 502 problem+json listing every attempt', async () => {
    stack.simulator.setScenario('*', { faults: [{ kind: 'status', status: 503 }] });
    const { response, body } = await chat(ask('simple'));
    expect(response.status).toBe(502);
    expect(body['type']).toBe('/problems/all-targets-failed');
    const attempts = body['attempts'] as WireAttempt[];
    expect(attempts.map((attempt) => `${attempt.model}#${attempt.attempt}`)).toEqual([
      'gpt-4.1-mini#1',
      'gpt-4.1-mini#2',
      'gpt-4.1-mini#3',
      'claude-haiku-4-5#1',
      'claude-haiku-4-5#2',
    ]);
    expect(body['request_id']).toMatch(/^req_/);
  });
});

describe('request status', () => {
  test('GET /v1/requests/:id shows steps with timing and attempts, only to the owning tenant', async () => {
    const { body } = await chat(ask('simple'));
    const requestId = body['ballast'].request_id as string;
    const status = await stack.api(`/v1/requests/${requestId}`);
    expect(status.status).toBe(200);
    const progress = (await status.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads JSON
    expect(progress['status']).toBe('completed');
    expect(progress['steps'].map((step: { name: string }) => step.name)).toEqual(['plan-route', 'call-model']);
    expect(progress['steps'][1].attempts[0]).toMatchObject({ outcome: 'success', provider: 'openai' });
    expect(progress['result'].content).toMatch(/simulated/);

    const foreign = await stack.api(`/v1/requests/${requestId}`, { key: OTHER_TENANT_KEY });
    expect(foreign.status).toBe(404);
  });

  test('a failed request reports its precise error', async () => {
    stack.simulator.setScenario('*', { faults: [{ kind: 'status', status: 500 }] });
    const { body } = await chat(ask('simple'));
    const progress = (await (await stack.api(`/v1/requests/${body['request_id'] as string}`)).json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads JSON
    expect(progress['status']).toBe('failed');
    expect(progress['error']).toMatchObject({ code: 'all-targets-failed', http_status: 502 });
  });

  test('requests are searchable in Temporal by tenant, user, route, model and status', async () => {
    const { body } = await chat({ ...ask('simple'), user: 'end-user-42' });
    const workflowId = body['ballast'].workflow_id as string;
    const description = await stack.client.workflow.getHandle(workflowId).describe();
    const attributes = description.typedSearchAttributes;
    expect(attributes.get(SEARCH_ATTRIBUTES.tenant)).toBe('tenant-a');
    expect(attributes.get(SEARCH_ATTRIBUTES.user)).toBe('end-user-42');
    expect(attributes.get(SEARCH_ATTRIBUTES.route)).toBe('simple');
    expect(attributes.get(SEARCH_ATTRIBUTES.model)).toBe('openai/gpt-4.1-mini');
    expect(attributes.get(SEARCH_ATTRIBUTES.status)).toBe('completed');
  });
});

describe('bad input gets a 4xx problem and the server stays up', () => {
  const cases: Array<[string, () => Promise<Response>, number, string]> = [
    ['malformed JSON', () => stack.api('/v1/chat/completions', { method: 'POST', body: '{"model": "auto", ', headers: { 'content-type': 'application/json' } }), 400, 'malformed-body'],
    ['missing messages', () => stack.api('/v1/chat/completions', { json: { model: 'auto' } }), 400, 'invalid-request'],
    ['wrong types', () => stack.api('/v1/chat/completions', { json: { model: 'auto', messages: 'hi', temperature: 'hot' } }), 400, 'invalid-request'],
    ['unknown model', () => stack.api('/v1/chat/completions', { json: ask('gpt-nonexistent') }), 404, 'unknown-model'],
    ['stream: true with an unknown model (before any stream opens)', () => stack.api('/v1/chat/completions', { json: { ...ask('gpt-nonexistent'), stream: true } }), 404, 'unknown-model'],
    ['oversized body', () => stack.api('/v1/chat/completions', { json: ask('auto', 'x'.repeat(2_000_000)) }), 413, 'body-too-large'],
    ['no API key', () => stack.api('/v1/chat/completions', { json: ask('auto'), key: null }), 401, 'missing-api-key'],
    ['wrong API key', () => stack.api('/v1/chat/completions', { json: ask('auto'), key: 'sk-not-a-real-key-123' }), 401, 'invalid-api-key'],
    ['unknown route', () => stack.api('/v1/nothing-here'), 404, 'not-found'],
  ];

  test.each(cases)('%s', async (_name, send, status, slug) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: `/problems/${slug}`, status });
    expect(typeof body['detail']).toBe('string');
    const health = await stack.api('/health/live', { key: null });
    expect(health.status).toBe(200);
  });

  test('validation names each wrong field', async () => {
    const response = await stack.api('/v1/chat/completions', { json: { model: 'auto', messages: [{ role: 'robot', content: 3 }], temperature: 9 } });
    const body = (await response.json()) as { issues: Array<{ field: string }> };
    expect(body.issues.map((issue) => issue.field)).toEqual(expect.arrayContaining(['messages[0].role', 'messages[0].content', 'temperature']));
  });
});

describe('discovery', () => {
  test('GET /v1/models lists auto, the routes and catalog models', async () => {
    const response = await stack.api('/v1/models');
    const body = (await response.json()) as { data: Array<{ id: string }> };
    const ids = body.data.map((model) => model.id);
    expect(ids).toEqual(expect.arrayContaining(['auto', 'simple', 'complex', 'gpt-4.1-mini', 'claude-haiku-4-5']));
  });

  test('the OpenAPI document at /docs/json is generated from the code', async () => {
    const response = await stack.api('/docs/json', { key: null });
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/chat/completions', '/v1/requests/{id}', '/v1/models']));
  });
});
