import { randomUUID } from 'node:crypto';
import { ADMIN_API_KEY, OTHER_TENANT_KEY, startTestStack, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

async function json(path: string, init: Parameters<TestStack['api']>[1] = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await stack.api(path, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json, headers: response.headers };
}

/** Creates a managed key as the config admin; returns the response body (with the plaintext `key`). */
async function createKey(fields: Json): Promise<Json> {
  const created = await json('/v1/admin/keys', { key: ADMIN_API_KEY, json: { name: 'test', role: 'user', ...fields } });
  expect(created.status).toBe(201);
  return created.body;
}

const ask = (content = 'Say hello.') => ({ model: 'auto', messages: [{ role: 'user', content }], max_tokens: 50 });

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Routes that answer without a key: probes for orchestrators. The OpenAPI document itself is not in its own paths. */
const PUBLIC_ROUTES = new Set(['GET /health/live', 'GET /health/ready']);

/** Every route of the app, from its own OpenAPI document, so new endpoints are covered without editing this test. */
async function everyRoute(): Promise<Array<{ method: string; path: string; template: string }>> {
  const document = (await json('/docs/json', { key: null })).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    HTTP_METHODS.filter((method) => operations[method] !== undefined).map((method) => ({
      method: method.toUpperCase(),
      template,
      path: template.replace(/\{[^}]+\}/g, 'placeholder'),
    })),
  );
}

describe('every route is authenticated', () => {
  let routes: Awaited<ReturnType<typeof everyRoute>>;
  let revokedKey: string;

  beforeAll(async () => {
    routes = await everyRoute();
    const created = await createKey({ tenant_id: 'tenant-a', user_id: 'mallory', role: 'admin' });
    expect((await json(`/v1/admin/keys/${created['id'] as string}/revoke`, { key: ADMIN_API_KEY, method: 'POST' })).status).toBe(200);
    revokedKey = created['key'] as string;
  });

  test('the OpenAPI document lists the access endpoints beside the others', () => {
    const names = routes.map((route) => `${route.method} ${route.template}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /v1/chat/completions',
        'GET /v1/requests/{id}',
        'GET /v1/collections/{collection}/documents/{id}',
        'POST /v1/admin/keys',
        'GET /v1/admin/keys',
        'POST /v1/admin/keys/{id}/revoke',
        'POST /v1/admin/keys/{id}/rotate',
        'GET /v1/usage',
      ]),
    );
    expect(names.filter((name) => PUBLIC_ROUTES.has(name)).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  const presentations: Array<[string, () => string | null, string]> = [
    ['no key', () => null, 'missing-api-key'],
    ['a wrong key', () => 'sk-not-a-real-key-123', 'invalid-api-key'],
    ['a well-formed key nobody issued', () => `sk-ballast-${'Z'.repeat(40)}`, 'invalid-api-key'],
    ['a revoked key', () => revokedKey, 'revoked-api-key'],
  ];

  test.each(presentations)('%s gets 401 on every non-public route', async (_name, presented, slug) => {
    const answers = await Promise.all(
      routes
        .filter((route) => !PUBLIC_ROUTES.has(`${route.method} ${route.template}`))
        .map(async (route) => {
          const response = await stack.api(route.path, { method: route.method, key: presented() });
          const body = (await response.json()) as Json;
          return { route: `${route.method} ${route.template}`, status: response.status, type: body['type'] as string, contentType: response.headers.get('content-type') };
        }),
    );
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) {
      expect(answer).toEqual({ route: answer.route, status: 401, type: `/problems/${slug}`, contentType: expect.stringContaining('application/problem+json') as string });
    }
  });

  test('health probes answer without a key', async () => {
    expect((await stack.api('/health/live', { key: null })).status).toBe(200);
    expect((await stack.api('/health/ready', { key: null })).status).toBe(200);
  });
});

describe("another tenant's resources are missing (404)", () => {
  let requestId: string;
  let documentId: string;
  let tenantAKeyId: string;
  let tenantBAdmin: string;
  let batchId: string;
  let evalRunId: string;

  beforeAll(async () => {
    expect((await json('/v1/collections', { json: { name: 'private-docs' } })).status).toBe(201);
    const upload = await json('/v1/collections/private-docs/documents', { json: { title: 'Secret', content: 'The launch code is 0000.', media_type: 'text/plain' } });
    expect(upload.status).toBe(202);
    documentId = upload.body['id'] as string;
    const chat = await json('/v1/chat/completions', { json: ask() });
    expect(chat.status).toBe(200);
    requestId = chat.body['ballast'].request_id as string;
    tenantAKeyId = (await createKey({ tenant_id: 'tenant-a', user_id: 'alice', role: 'tenant-admin' }))['id'] as string;
    tenantBAdmin = (await createKey({ tenant_id: 'tenant-b', user_id: 'bob', role: 'tenant-admin' }))['key'] as string;
    // A batch of tenant A's: tenant B can neither read nor cancel it.
    const batch = await json('/v1/batches', { json: { mode: 'queued', requests: [{ custom_id: 'a', body: ask() }] } });
    expect(batch.status).toBe(202);
    batchId = batch.body['id'] as string;
    // An eval run of tenant A's (started by the admin for tenant A): tenant B's tenant-admin cannot read it.
    const run = await json('/v1/evals', { key: ADMIN_API_KEY, json: { tenant_id: 'tenant-a', suite: { suite: 'private-suite', queries: [{ id: 'q', question: 'Say hello.', model: 'simple', assert: [{ type: 'contains-any', value: ['hello'] }] }] } } });
    if (run.status !== 202) throw new Error(`POST /v1/evals answered ${run.status}: ${JSON.stringify(run.body)}`);
    evalRunId = run.body['id'] as string;
  });

  /** Route template → how tenant B asks for tenant A's resource. Every templated route must be listed. */
  const crossTenant = (): Record<string, [string, Parameters<TestStack['api']>[1]]> => ({
    'GET /v1/requests/{id}': [`/v1/requests/${requestId}`, {}],
    'POST /v1/requests/{id}/replay': [`/v1/requests/${requestId}/replay`, { json: {} }],
    'POST /v1/requests/{id}/reset': [`/v1/requests/${requestId}/reset`, { json: {} }],
    'GET /v1/batches/{id}': [`/v1/batches/${batchId}`, {}],
    'GET /v1/batches/{id}/results': [`/v1/batches/${batchId}/results`, {}],
    'POST /v1/batches/{id}/cancel': [`/v1/batches/${batchId}/cancel`, { method: 'POST' }],
    // Traces need a tenant-admin: tenant B's own tenant-admin asks for tenant A's trace.
    'GET /v1/traces/{id}': [`/v1/traces/${requestId}`, { key: tenantBAdmin }],
    'GET /v1/evals/{id}': [`/v1/evals/${evalRunId}`, { key: tenantBAdmin }],
    'GET /v1/collections/{collection}': ['/v1/collections/private-docs', {}],
    'GET /v1/collections/{collection}/documents': ['/v1/collections/private-docs/documents', {}],
    'POST /v1/collections/{collection}/documents': ['/v1/collections/private-docs/documents', { json: { content: 'planted', media_type: 'text/plain' } }],
    'GET /v1/collections/{collection}/documents/{id}': [`/v1/collections/private-docs/documents/${documentId}`, {}],
    'DELETE /v1/collections/{collection}/documents/{id}': [`/v1/collections/private-docs/documents/${documentId}`, { method: 'DELETE' }],
    'GET /v1/admin/keys/{id}': [`/v1/admin/keys/${tenantAKeyId}`, { key: tenantBAdmin }],
    'POST /v1/admin/keys/{id}/revoke': [`/v1/admin/keys/${tenantAKeyId}/revoke`, { key: tenantBAdmin, method: 'POST' }],
    'POST /v1/admin/keys/{id}/rotate': [`/v1/admin/keys/${tenantAKeyId}/rotate`, { key: tenantBAdmin, method: 'POST' }],
  });

  test('every route with an id in its path is covered here', async () => {
    const templated = (await everyRoute()).filter((route) => route.template.includes('{')).map((route) => `${route.method} ${route.template}`);
    expect(Object.keys(crossTenant()).sort()).toEqual(templated.sort());
  });

  test('tenant B gets 404 for each of tenant A’s requests, collections, documents and keys', async () => {
    // Traces are written off the response path: wait until tenant A's is stored before asking for it.
    for (let waited = 0; (await json(`/v1/traces/${requestId}`, { key: ADMIN_API_KEY })).status !== 200 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const [route, [path, init]] of Object.entries(crossTenant())) {
      const response = await json(path, { key: OTHER_TENANT_KEY, ...init });
      expect({ route, status: response.status }).toEqual({ route, status: 404 });
    }
    // Nothing was changed: the document and the key are still there for their owner.
    expect((await json(`/v1/collections/private-docs/documents/${documentId}`)).body['status']).not.toBe('deleting');
    expect((await json(`/v1/admin/keys/${tenantAKeyId}`, { key: ADMIN_API_KEY })).body['revoked_at']).toBeNull();
    expect((await json(`/v1/batches/${batchId}`)).body['status']).not.toMatch(/cancel/);
  });

  test("a tenant-admin naming another tenant's usage or keys gets 404; the admin sees them", async () => {
    for (const path of [
      '/v1/usage?tenant_id=tenant-a',
      '/v1/usage?tenant_id=*',
      '/v1/admin/keys?tenant_id=tenant-a',
      '/v1/traces?tenant_id=tenant-a',
      '/v1/traces?tenant_id=*',
      '/v1/dashboard?tenant_id=tenant-a',
      '/v1/alerts?tenant_id=tenant-a',
    ]) {
      const response = await json(path, { key: tenantBAdmin });
      expect({ path, status: response.status, type: response.body['type'] }).toEqual({ path, status: 404, type: '/problems/tenant-not-found' });
    }
    const planted = await json('/v1/admin/keys', { key: tenantBAdmin, json: { tenant_id: 'tenant-a', user_id: 'eve', name: 'planted' } });
    expect(planted.status).toBe(404);
    const own = await json('/v1/admin/keys', { key: tenantBAdmin });
    expect(own.body['data'].map((key: Json) => key['tenant_id'])).not.toContain('tenant-a');
    const asAdmin = await json('/v1/admin/keys?tenant_id=tenant-a&limit=100', { key: ADMIN_API_KEY });
    expect(asAdmin.body['data'].map((key: Json) => key['id'])).toContain(tenantAKeyId);
  });

  test('user keys get 403 on admin and usage endpoints', async () => {
    for (const [path, init] of [
      ['/v1/admin/keys', {}],
      ['/v1/admin/keys', { json: { user_id: 'alice', name: 'mine' } }],
      ['/v1/usage', {}],
    ] as const) {
      const response = await json(path, init);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ type: '/problems/insufficient-role', role: 'user', required_role: 'tenant-admin' });
    }
  });
});

describe('managed key lifecycle', () => {
  test('a created key is shown once, works at once, and is listed without its secret', async () => {
    const created = await json('/v1/admin/keys', {
      key: ADMIN_API_KEY,
      json: { tenant_id: 'tenant-a', user_id: 'carol', name: 'carol laptop', role: 'user', budgets: { daily_usd: 5 }, limits: { rpm: 100, tpm: 50_000 } },
    });
    expect(created.status).toBe(201);
    const plaintext = created.body['key'] as string;
    expect(plaintext).toMatch(/^sk-ballast-[0-9A-Za-z]{40}$/);
    expect(created.body).toMatchObject({
      object: 'api_key',
      tenant_id: 'tenant-a',
      user_id: 'carol',
      role: 'user',
      prefix: plaintext.slice(0, 15),
      last4: plaintext.slice(-4),
      budgets: { daily_usd: 5, monthly_usd: null },
      limits: { rpm: 100, tpm: 50_000 },
      revoked_at: null,
      lineage_id: created.body['id'],
    });

    expect((await stack.api('/v1/models', { key: plaintext })).status).toBe(200);
    const viaHeader = await fetch(`${stack.apiUrl}/v1/models`, { headers: { 'x-api-key': plaintext } });
    expect(viaHeader.status).toBe(200);

    const listed = await json('/v1/admin/keys?tenant_id=tenant-a&limit=100', { key: ADMIN_API_KEY });
    expect(listed.status).toBe(200);
    const entry = listed.body['data'].find((key: Json) => key['id'] === created.body['id']) as Json;
    expect(entry).toMatchObject({ name: 'carol laptop', prefix: plaintext.slice(0, 15), last4: plaintext.slice(-4) });
    expect(entry).not.toHaveProperty('key');
    expect(JSON.stringify(listed.body)).not.toContain(plaintext);
    expect(JSON.stringify(listed.body)).not.toMatch(/sk-ballast-[0-9A-Za-z]{40}/);
  });

  test('listing pages with a cursor', async () => {
    const tenant = `tenant-${randomUUID()}`;
    for (const name of ['one', 'two', 'three']) await createKey({ tenant_id: tenant, user_id: 'u', name });
    const first = await json(`/v1/admin/keys?tenant_id=${tenant}&limit=2`, { key: ADMIN_API_KEY });
    expect(first.body['data'].map((key: Json) => key['name'])).toEqual(['one', 'two']);
    const second = await json(`/v1/admin/keys?tenant_id=${tenant}&limit=2&cursor=${encodeURIComponent(first.body['next_cursor'] as string)}`, { key: ADMIN_API_KEY });
    expect(second.body['data'].map((key: Json) => key['name'])).toEqual(['three']);
    expect(second.body['next_cursor']).toBeNull();
    expect((await json(`/v1/admin/keys?tenant_id=${tenant}&cursor=bogus`, { key: ADMIN_API_KEY })).body['type']).toBe('/problems/invalid-cursor');
  });

  test('a revoked key fails on its very next request', async () => {
    const created = await createKey({ tenant_id: 'tenant-a', user_id: 'dave' });
    const plaintext = created['key'] as string;
    expect((await stack.api('/v1/models', { key: plaintext })).status).toBe(200);
    const revoked = await json(`/v1/admin/keys/${created['id'] as string}/revoke`, { key: ADMIN_API_KEY, method: 'POST' });
    expect(revoked.status).toBe(200);
    expect(revoked.body['revoked_at']).toEqual(expect.any(String));
    const next = await json('/v1/models', { key: plaintext });
    expect(next.status).toBe(401);
    expect(next.body['type']).toBe('/problems/revoked-api-key');
  });

  test('rotation issues a new secret with the same settings; the old one stops at once or after its grace period', async () => {
    const original = await createKey({ tenant_id: 'tenant-a', user_id: 'erin', limits: { rpm: 7 } });
    const rotated = await json(`/v1/admin/keys/${original['id'] as string}/rotate`, { key: ADMIN_API_KEY, method: 'POST' });
    expect(rotated.status).toBe(201);
    expect(rotated.body['key']).not.toBe(original['key']);
    expect(rotated.body).toMatchObject({ user_id: 'erin', limits: { rpm: 7 }, rotated_from_id: original['id'], lineage_id: original['id'] });
    expect((await json('/v1/models', { key: original['key'] as string })).body['type']).toBe('/problems/revoked-api-key');
    expect((await stack.api('/v1/models', { key: rotated.body['key'] as string })).status).toBe(200);

    const again = await json(`/v1/admin/keys/${rotated.body['id'] as string}/rotate`, { key: ADMIN_API_KEY, json: { grace_seconds: 300 } });
    expect(again.status).toBe(201);
    expect((await stack.api('/v1/models', { key: rotated.body['key'] as string })).status).toBe(200);
    expect((await stack.api('/v1/models', { key: again.body['key'] as string })).status).toBe(200);

    const stale = await json(`/v1/admin/keys/${original['id'] as string}/rotate`, { key: ADMIN_API_KEY, method: 'POST' });
    expect(stale.status).toBe(409);
    expect((await json(`/v1/admin/keys/${rotated.body['id'] as string}/rotate`, { key: ADMIN_API_KEY, json: { grace_seconds: -1 } })).status).toBe(400);
  });

  test('a tenant-admin manages its own tenant, but never creates or takes over a stronger key', async () => {
    const tenantAdmin = (await createKey({ tenant_id: 'tenant-a', user_id: 'alice', role: 'tenant-admin' }))['key'] as string;
    const user = await json('/v1/admin/keys', { key: tenantAdmin, json: { user_id: 'frank', name: 'frank' } });
    expect(user.status).toBe(201);
    expect(user.body['tenant_id']).toBe('tenant-a');
    const escalation = await json('/v1/admin/keys', { key: tenantAdmin, json: { user_id: 'frank', name: 'root', role: 'admin' } });
    expect(escalation.status).toBe(403);
    const adminKeyOfTenantA = await createKey({ tenant_id: 'tenant-a', user_id: 'root', role: 'admin' });
    const takeover = await json(`/v1/admin/keys/${adminKeyOfTenantA['id'] as string}/rotate`, { key: tenantAdmin, method: 'POST' });
    expect(takeover.status).toBe(403);
    expect((await json(`/v1/admin/keys/${user.body['id'] as string}/revoke`, { key: tenantAdmin, method: 'POST' })).status).toBe(200);
  });

  test('invalid bodies name each wrong field', async () => {
    const response = await json('/v1/admin/keys', { key: ADMIN_API_KEY, json: { name: '', role: 'root', limits: { rpm: 0 }, extra: true } });
    expect(response.status).toBe(400);
    expect(response.body['issues'].map((issue: Json) => issue['field'])).toEqual(expect.arrayContaining(['user_id', 'name', 'role', 'limits.rpm']));
  });
});

describe('usage', () => {
  let tenantAdmin: string;
  const day = '2031-05-04';

  beforeAll(async () => {
    tenantAdmin = (await createKey({ tenant_id: 'tenant-a', user_id: 'alice', role: 'tenant-admin' }))['key'] as string;
    // Spend is recorded by the ledger's settle in the chat activity (not wired yet), so events are recorded here directly.
    const event = (tenantId: string, userId: string, model: string, costNanos: number, hour: number) =>
      stack.rag.usage.record({
        requestId: `req_${randomUUID().replaceAll('-', '')}`,
        attempt: 1,
        tenantId,
        userId,
        keyId: `key_${userId}`,
        provider: 'openai',
        model,
        inputTokens: 100,
        outputTokens: 20,
        costNanos,
        occurredAt: `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`,
      });
    await event('tenant-a', 'alice', 'gpt-4.1-mini', 1_000_000, 1);
    await event('tenant-a', 'alice', 'gpt-4.1', 20_000_000, 2);
    await event('tenant-a', 'carol', 'gpt-4.1-mini', 2_000_000, 3);
    await event('tenant-b', 'bob', 'gpt-4.1', 500_000_000, 4);
  });

  test("a tenant-admin sees its tenant's spend and tokens, grouped as asked", async () => {
    const byModel = await json(`/v1/usage?group_by=model&from=${day}&to=2031-05-05`, { key: tenantAdmin });
    expect(byModel.status).toBe(200);
    expect(byModel.body).toEqual({
      object: 'usage',
      tenant_id: 'tenant-a',
      group_by: 'model',
      from: '2031-05-04T00:00:00.000Z',
      to: '2031-05-05T00:00:00.000Z',
      data: [
        { group: 'gpt-4.1', requests: 1, cost_usd: 0.02, input_tokens: 100, output_tokens: 20, cached_tokens: null, cache_hits: 0, saved_cost_usd: 0, saved_input_tokens: null, saved_output_tokens: null },
        { group: 'gpt-4.1-mini', requests: 2, cost_usd: 0.003, input_tokens: 200, output_tokens: 40, cached_tokens: null, cache_hits: 0, saved_cost_usd: 0, saved_input_tokens: null, saved_output_tokens: null },
      ],
      total: { requests: 3, cost_usd: 0.023, input_tokens: 300, output_tokens: 60, cached_tokens: null, cache_hits: 0, saved_cost_usd: 0, saved_input_tokens: null, saved_output_tokens: null },
    });
    const byUser = await json(`/v1/usage?group_by=user&from=${day}&to=2031-05-05`, { key: tenantAdmin });
    expect(byUser.body['data'].map((group: Json) => [group['group'], group['cost_usd']])).toEqual([
      ['alice', 0.021],
      ['carol', 0.002],
    ]);
    const byDay = await json(`/v1/usage?from=${day}T02:00:00Z&to=2031-05-05`, { key: tenantAdmin });
    expect(byDay.body['data']).toEqual([expect.objectContaining({ group: day, requests: 2 })]);
  });

  test('an admin reads any tenant, or all together', async () => {
    const tenantB = await json(`/v1/usage?group_by=key&from=${day}&to=2031-05-05&tenant_id=tenant-b`, { key: ADMIN_API_KEY });
    expect(tenantB.body['data']).toEqual([expect.objectContaining({ group: 'key_bob', cost_usd: 0.5 })]);
    const all = await json(`/v1/usage?group_by=day&from=${day}&to=2031-05-05&tenant_id=*`, { key: ADMIN_API_KEY });
    expect(all.body).toMatchObject({ tenant_id: '*', total: { requests: 4, cost_usd: 0.523 } });
  });

  test('bad parameters get 400 naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['group_by=tenant', 'group_by'],
      ['from=last-week', 'from'],
      ['from=2031-05-05&to=2031-05-04', 'from'],
      ['from=2029-01-01&to=2031-01-01', 'to'],
    ];
    for (const [query, field] of cases) {
      const response = await json(`/v1/usage?${query}`, { key: tenantAdmin });
      expect({ query, status: response.status, type: response.body['type'] }).toEqual({ query, status: 400, type: '/problems/invalid-request' });
      expect(response.body['issues'].map((issue: Json) => issue['field'])).toContain(field);
    }
    const misspelt = await json('/v1/usage?groupBy=day', { key: tenantAdmin });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body['detail']).toContain('groupBy');
  });
});

describe('per-key rate limits', () => {
  test('a key with rpm 2 gets 429 with Retry-After on its third request; every answer carries x-ratelimit headers', async () => {
    const created = await createKey({ tenant_id: 'tenant-a', user_id: 'grace', limits: { rpm: 2 } });
    const key = created['key'] as string;
    const first = await json('/v1/chat/completions', { key, json: ask() });
    const second = await json('/v1/chat/completions', { key, json: ask() });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    expect(second.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(first.headers.get('x-ratelimit-reset-requests')).toMatch(/^(\d+ms|\d+(\.\d+)?s|\d+m\d+s)$/);

    // The limit counts per lineage: rotating the key does not reset it.
    const rotated = await json(`/v1/admin/keys/${created['id'] as string}/rotate`, { key: ADMIN_API_KEY, method: 'POST' });
    const third = await json('/v1/chat/completions', { key: rotated.body['key'] as string, json: ask() });
    expect(third.status).toBe(429);
    expect(third.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(third.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(third.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(third.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(third.body).toMatchObject({ type: '/problems/rate-limit-exceeded', status: 429, rule: 'requests', limit: 2, error: { code: 'rate-limit-exceeded' } });
  });

  test('a request estimated above the whole token limit is refused without Retry-After', async () => {
    const key = (await createKey({ tenant_id: 'tenant-a', user_id: 'heidi', limits: { tpm: 500 } }))['key'] as string;
    const small = await json('/v1/chat/completions', { key, json: ask() });
    expect(small.status).toBe(200);
    expect(Number(small.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThan(500);
    const large = await json('/v1/chat/completions', { key, json: { ...ask(), max_tokens: 1_000 } });
    expect(large.status).toBe(429);
    expect(large.body).toMatchObject({ type: '/problems/request-exceeds-rate-limit', rule: 'tokens', limit: 500 });
    expect(large.headers.get('retry-after')).toBeNull();
  });

  test('other endpoints and keys without limits are not counted', async () => {
    const key = (await createKey({ tenant_id: 'tenant-a', user_id: 'ivan', limits: { rpm: 1 } }))['key'] as string;
    for (let index = 0; index < 3; index += 1) expect((await stack.api('/v1/models', { key })).status).toBe(200);
    const unlimited = await stack.api('/v1/chat/completions', { json: ask() });
    expect(unlimited.status).toBe(200);
    expect(unlimited.headers.get('x-ratelimit-limit-requests')).toBeNull();
  });
});
