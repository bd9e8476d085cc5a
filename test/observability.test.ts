import { ADMIN_API_KEY, OTHER_TENANT_KEY, TEST_API_KEY, startTestStack, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;
/** Reads traces of tenant-a; TEST_API_KEY (role user) may only chat. */
const TENANT_ADMIN_KEY = 'sk-test-tenant-a-admin-0000';

beforeAll(async () => {
  stack = await startTestStack({
    config: {
      auth: {
        apiKeys: [
          { key: TEST_API_KEY, tenantId: 'tenant-a', userId: 'alice' },
          { key: OTHER_TENANT_KEY, tenantId: 'tenant-b', userId: 'bob' },
          { key: ADMIN_API_KEY, tenantId: 'ops', userId: 'root', role: 'admin' },
          { key: TENANT_ADMIN_KEY, tenantId: 'tenant-a', userId: 'carol', role: 'tenant-admin' },
        ],
      },
      routes: {
        simple: { targets: [{ provider: 'openai', model: 'gpt-4.1-mini', maxAttempts: 1 }] },
        complex: { targets: [{ provider: 'openai', model: 'gpt-4.1', maxAttempts: 1 }] },
        support: { targets: [{ provider: 'openai', model: 'gpt-4.1-mini', maxAttempts: 2 }, { provider: 'openai', model: 'gpt-4.1-nano', maxAttempts: 1 }] },
        cached: { targets: [{ provider: 'openai', model: 'gpt-4.1-mini', maxAttempts: 1 }], cache: { admitSimulated: true } },
      },
      observability: { traces: { flushIntervalMs: 50 }, redaction: { tenants: { 'tenant-b': { contentMode: 'hashes' } } } },
    },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

beforeEach(() => stack.simulator.resetScenarios());

async function call(method: string, path: string, init: { key?: string; body?: Json } = {}): Promise<{ status: number; body: Json; text: string; headers: Headers }> {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${init.key ?? TEST_API_KEY}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  let body: Json = {};
  try {
    body = JSON.parse(text) as Json;
  } catch {
    // /metrics is text.
  }
  return { status: response.status, body, text, headers: response.headers };
}

const chat = (body: Json, key?: string) => call('POST', '/v1/chat/completions', { body, ...(key ? { key } : {}) });

/** Traces are written off the response path: wait until the trace shows up. */
async function traceOf(id: string, key = TENANT_ADMIN_KEY): Promise<Json> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const found = await call('GET', `/v1/traces/${id}`, { key });
    if (found.status === 200) return found.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`trace ${id} was not written within 5 s`);
}

test('an answer after a retry and a fallback is traced with its attempts, tokens, cost, template and redacted prompt', async () => {
  stack.simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 500 }] });
  const answer = await chat({
    model: 'support',
    messages: [{ role: 'user', content: 'My email is jane.doe@example.com and my key is sk-proj-abcdefghijklmnopqrstuvwx1234. Where is my order?' }],
    ballast: { prompt_template: { id: 'order-status', version: 3 } },
  });
  expect(answer.status).toBe(200);
  const trace = await traceOf(answer.body.ballast.request_id);

  expect(trace).toMatchObject({
    id: answer.body.ballast.request_id,
    tenant_id: 'tenant-a',
    route: 'support',
    provider: 'openai',
    model: 'gpt-4.1-nano',
    status: 'ok',
    http_status: 200,
    retries: 1,
    fallbacks: 1,
    // The route has no cache policy.
    cache_status: 'bypass',
    input_tokens: answer.body.usage.prompt_tokens,
    output_tokens: answer.body.usage.completion_tokens,
    cost_usd: answer.body.ballast.cost_usd,
    prompt_template: { id: 'order-status', version: '3' },
    content_mode: 'redacted',
  });
  // The simulator echoes the question: the stored answer is redacted as well.
  expect(trace.response).toContain('[REDACTED:email]');
  expect(trace.latency_ms).toBeGreaterThan(0);
  expect(trace.workflow_id).toBe(answer.body.ballast.workflow_id);
  expect(trace.run_id).toEqual(expect.any(String));
  expect(trace.temporal_ui_url).toContain(encodeURIComponent(trace.workflow_id));
  expect(trace.attempts.map((attempt: Json) => [attempt.model, attempt.outcome])).toEqual([
    ['gpt-4.1-mini', 'error'],
    ['gpt-4.1-mini', 'error'],
    ['gpt-4.1-nano', 'success'],
  ]);
  const prompt = JSON.stringify(trace.prompt);
  expect(prompt).not.toContain('jane.doe@example.com');
  expect(prompt).not.toContain('sk-proj-abcdefghijklmnopqrstuvwx1234');
  expect(prompt).toContain('[REDACTED:email]');
  // The address in the prompt and its echo in the simulated answer; the key once (the echo cuts it short).
  expect(trace.redactions).toMatchObject({ email: 2, 'openai-key': 1 });
  expect(trace.prompt_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
});

test('failures, cache hits and hashes-only tenants are traced too; lists filter, page and stay in their tenant', async () => {
  stack.simulator.setScenario('*', { faults: [{ kind: 'status', status: 503 }] });
  const failed = await chat({ model: 'support', messages: [{ role: 'user', content: 'Will this fail?' }] });
  expect(failed.status).toBe(502);
  stack.simulator.resetScenarios();

  const question = { model: 'cached', messages: [{ role: 'user', content: `What is the refund window? ${Date.now()}` }] };
  const first = await chat(question);
  const hit = await chat(question);
  expect(hit.body.ballast.cache.status).toBe('hit-exact');

  const other = await chat({ model: 'support', messages: [{ role: 'user', content: 'Tenant b asks about jane.doe@example.com' }] }, OTHER_TENANT_KEY);
  expect(other.status).toBe(200);

  const failedTrace = await traceOf(failed.body.request_id);
  expect(failedTrace).toMatchObject({ status: 'error', error_type: 'all-targets-failed', http_status: 502, provider: 'openai', cost_usd: 0, response: null });
  const hitTrace = await traceOf(hit.body.ballast.request_id);
  expect(hitTrace).toMatchObject({ status: 'cache-hit', provider: 'cache', cache_status: 'hit-exact', cost_usd: 0, workflow_id: null });
  expect((await traceOf(first.body.ballast.request_id)).cache_status).toBe('miss');

  const hashed = await traceOf(other.body.ballast.request_id, ADMIN_API_KEY);
  // Findings are counted even when no text is kept: the prompt's address and the answer's echo.
  expect(hashed).toMatchObject({ content_mode: 'hashes', prompt: null, response: null, redactions: { email: 2 } });
  expect(hashed.response_hash).toMatch(/^sha256:/);
  // Another tenant's trace reads as absent.
  expect((await call('GET', `/v1/traces/${other.body.ballast.request_id}`, { key: TENANT_ADMIN_KEY })).status).toBe(404);

  const errors = await call('GET', '/v1/traces?status=error&limit=10', { key: TENANT_ADMIN_KEY });
  expect(errors.status).toBe(200);
  expect(errors.body.data.map((trace: Json) => trace.id)).toContain(failed.body.request_id);
  expect(errors.body.data.every((trace: Json) => trace.status === 'error' && trace.tenant_id === 'tenant-a')).toBe(true);

  const firstPage = await call('GET', '/v1/traces?limit=2', { key: TENANT_ADMIN_KEY });
  expect(firstPage.body.data).toHaveLength(2);
  const secondPage = await call('GET', `/v1/traces?limit=2&cursor=${encodeURIComponent(firstPage.body.next_cursor)}`, { key: TENANT_ADMIN_KEY });
  expect(secondPage.body.data[0].id).not.toBe(firstPage.body.data[1].id);
  expect(new Date(secondPage.body.data[0].created_at).getTime()).toBeLessThanOrEqual(new Date(firstPage.body.data[1].created_at).getTime());

  const everyTenant = await call('GET', '/v1/traces?limit=200', { key: ADMIN_API_KEY });
  expect(new Set(everyTenant.body.data.map((trace: Json) => trace.tenant_id))).toEqual(new Set(['tenant-a', 'tenant-b']));
});

test('bad filters get problem+json, users without the tenant-admin role get 403, and nobody reads without a key', async () => {
  const bad = await call('GET', '/v1/traces?status=great&limit=0', { key: TENANT_ADMIN_KEY });
  expect(bad.status).toBe(400);
  expect(bad.headers.get('content-type')).toContain('application/problem+json');
  expect(bad.text).toContain('status');
  expect((await call('GET', '/v1/traces?cursor=nonsense', { key: TENANT_ADMIN_KEY })).status).toBe(400);
  expect((await call('GET', '/v1/traces')).status).toBe(403);
  expect((await call('GET', '/v1/traces?tenant_id=tenant-b', { key: TENANT_ADMIN_KEY })).status).toBe(404);
  expect((await call('GET', '/metrics', { key: TENANT_ADMIN_KEY })).status).toBe(403);
  const anonymous = await fetch(`${stack.apiUrl}/v1/dashboard`);
  expect(anonymous.status).toBe(401);
});

test('/metrics counts requests, tokens, cost, fallbacks and errors in Prometheus format', async () => {
  stack.simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 500 }] });
  expect((await chat({ model: 'support', messages: [{ role: 'user', content: 'count me' }] })).status).toBe(200);
  const metrics = await call('GET', '/metrics', { key: ADMIN_API_KEY });
  expect(metrics.status).toBe(200);
  expect(metrics.headers.get('content-type')).toContain('text/plain');
  expect(metrics.text).toMatch(/ballast_requests_total\{route="support",provider="openai",model="gpt-4.1-nano",status="ok"\} [1-9]/);
  expect(metrics.text).toMatch(/ballast_request_duration_seconds_bucket\{le="\+Inf",route="support",status="ok"\} [1-9]/);
  expect(metrics.text).toMatch(/ballast_tokens_total\{route="support",model="gpt-4.1-nano",kind="output"\} [1-9]/);
  expect(metrics.text).toMatch(/ballast_fallbacks_total\{route="support"\} [1-9]/);
  expect(metrics.text).toMatch(/ballast_errors_total\{route="support",type="all-targets-failed"\} [1-9]/);
  expect(metrics.text).toMatch(/ballast_cost_usd_total\{route="support",model="gpt-4.1-nano",tenant="tenant-a"\} \d/);
  expect(metrics.text).toContain('ballast_process_nodejs_eventloop_lag_seconds');
});

test('/v1/dashboard sums the traces of the tenant per day, model and user', async () => {
  expect((await chat({ model: 'support', messages: [{ role: 'user', content: 'dashboard me' }] })).status).toBe(200);
  await traceOf((await call('GET', '/v1/traces?limit=1', { key: TENANT_ADMIN_KEY })).body.data[0].id);
  const dashboard = await call('GET', '/v1/dashboard?days=7', { key: TENANT_ADMIN_KEY });
  expect(dashboard.status).toBe(200);
  const { body } = dashboard;
  expect(body.days).toBe(7);
  expect(body.spend_by_day).toHaveLength(7);
  expect(body.totals.requests).toBeGreaterThanOrEqual(4);
  expect(body.totals.errors).toBeGreaterThanOrEqual(1);
  expect(body.totals.cache_hits).toBeGreaterThanOrEqual(1);
  expect(body.totals.p95_ms).toBeGreaterThan(0);
  expect(body.spend_by_day.at(-1).requests).toBe(body.totals.requests);
  expect(body.spend_by_model.map((row: Json) => row.model)).toContain('gpt-4.1-nano');
  expect(body.spend_by_user.every((row: Json) => row.tenant_id === 'tenant-a')).toBe(true);
  expect(body.errors_by_type).toEqual(expect.arrayContaining([{ error_type: 'all-targets-failed', count: expect.any(Number) }]));
  expect(body.review).toBeNull();
  expect((await call('GET', '/v1/dashboard?days=400', { key: TENANT_ADMIN_KEY })).status).toBe(400);
});
