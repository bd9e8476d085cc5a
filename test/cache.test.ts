import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '#apps/api';
import { ADMIN_API_KEY, OTHER_TENANT_KEY, TEST_API_KEY, startTestStack, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;

const target = (model: string) => ({ provider: 'openai', model, maxAttempts: 1 });
/** The simulator answers these; the cache must be told to keep simulated answers. */
const CACHE = { admitSimulated: true };
/** gpt-4.1-nano answers slowly, so identical requests sent together overlap. */
const SLOW_MODEL = 'gpt-4.1-nano';

beforeAll(async () => {
  stack = await startTestStack({
    config: {
      routes: {
        simple: { targets: [target('gpt-4.1-mini')] },
        complex: { targets: [target('gpt-4.1')], cache: CACHE },
        cached: { targets: [target('gpt-4.1-mini')], cache: CACHE },
        'cached-too': { targets: [target('gpt-4.1-mini')], cache: CACHE },
        // The production default: simulated answers are never admitted.
        'cached-real-only': { targets: [target('gpt-4.1-mini')], cache: {} },
        // The lexical test embedder scores paraphrases lower than a neural model: threshold lowered.
        semantic: { targets: [target('gpt-4.1-mini')], cache: { ...CACHE, semantic: true, threshold: 0.85 } },
        slow: { targets: [target(SLOW_MODEL)], cache: CACHE },
      },
    },
  });
  stack.simulator.setScenario(SLOW_MODEL, { latencyMs: { distribution: 'fixed', value: 1_000 } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

async function chat(body: Json, init: { key?: string; headers?: Record<string, string>; apiUrl?: string } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = init.apiUrl
    ? await fetch(`${init.apiUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${init.key ?? TEST_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    : await stack.api('/v1/chat/completions', { json: body, ...(init.key ? { key: init.key } : {}), ...(init.headers ? { headers: init.headers } : {}) });
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

/** Chat calls the simulator has answered or refused so far. */
const providerCalls = () => stack.simulator.stats().totals.calls;

const ask = (content: string, extra: Json = {}) => ({ model: 'cached', messages: [{ role: 'user', content }], ...extra });

async function stats(key = TEST_API_KEY): Promise<Json> {
  const response = await stack.api('/v1/cache/stats', { key });
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

describe('exact cache', () => {
  test('the same request twice: the second is answered from the cache, without a workflow or a provider call', async () => {
    const before = providerCalls();
    const first = await chat(ask('What does the exact cache keep?'));
    expect(first.status).toBe(200);
    expect(first.body['ballast'].cache).toEqual({ status: 'miss', key: expect.stringMatching(/^[0-9a-f]{32}$/), joined: false, admitted: true });
    expect(first.headers.get('x-ballast-cache')).toBe('miss');
    expect(first.body['ballast'].workflow_id).toBe(`chat-cache-tenant-a-${first.body['ballast'].cache.key as string}`);

    const second = await chat(ask('What does the exact cache keep?'));
    expect(second.status).toBe(200);
    expect(second.headers.get('x-ballast-cache')).toBe('hit-exact');
    expect(second.body['choices']).toEqual(first.body['choices']);
    expect(second.body['id']).not.toBe(first.body['id']);
    expect(second.body['ballast']).toMatchObject({
      workflow_id: null,
      cost_usd: 0,
      start_mode: 'cache',
      route: { name: 'cached', attempts: [] },
      cache: {
        status: 'hit-exact',
        key: first.body['ballast'].cache.key,
        source_request_id: first.body['ballast'].request_id,
        source_workflow_id: first.body['ballast'].workflow_id,
        saved: { input_tokens: first.body['usage'].prompt_tokens, output_tokens: first.body['usage'].completion_tokens, cost_usd: first.body['ballast'].cost_usd },
      },
    });
    expect(second.body['usage']).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
    expect(second.headers.get('x-ballast-request-id')).toBe(second.body['ballast'].request_id);
    expect(providerCalls() - before).toBe(1);

    // The request that ran is found by its id although its workflow id comes from the cache key.
    const progress = await stack.api(`/v1/requests/${first.body['ballast'].request_id as string}`);
    expect(progress.status).toBe(200);
    expect(await progress.json()).toMatchObject({ request_id: first.body['ballast'].request_id, workflow_id: first.body['ballast'].workflow_id, status: 'completed' });
  });

  test('Cache-Control: no-cache and ballast.cache "bypass" skip the cache and call the provider', async () => {
    const question = ask('Which requests skip the cache?');
    await chat(question);
    const before = providerCalls();
    const header = await chat(question, { headers: { 'cache-control': 'no-cache' } });
    expect(header.body['ballast'].cache).toEqual({ status: 'bypass', reason: 'cache-control' });
    expect(header.body['ballast'].workflow_id).toBe(`chat-${header.body['ballast'].request_id as string}`);
    const flag = await chat({ ...question, ballast: { cache: 'bypass' } });
    expect(flag.body['ballast'].cache).toEqual({ status: 'bypass', reason: 'request-flag' });
    expect(providerCalls() - before).toBe(2);
    // Bypassing stored nothing new and dropped nothing: the plain request still hits.
    expect((await chat(question)).body['ballast'].cache.status).toBe('hit-exact');
  });

  test('a route without a cache policy reports bypass for every request', async () => {
    const { body } = await chat({ model: 'simple', messages: [{ role: 'user', content: 'Is this route cached?' }] });
    expect(body['ballast'].cache).toEqual({ status: 'bypass', reason: 'route-not-cached' });
  });

  test('a different temperature, max_tokens, system prompt or route is a miss', async () => {
    const content = 'What changes the cache key?';
    await chat(ask(content));
    expect((await chat(ask(content))).body['ballast'].cache.status).toBe('hit-exact');
    const variants = [
      ask(content, { temperature: 0.2 }),
      ask(content, { max_tokens: 300 }),
      { model: 'cached', messages: [{ role: 'system', content: 'Answer in French.' }, { role: 'user', content }] },
      { model: 'cached-too', messages: [{ role: 'user', content }] },
    ];
    const before = providerCalls();
    for (const variant of variants) expect((await chat(variant)).body['ballast'].cache.status).toBe('miss');
    expect(providerCalls() - before).toBe(variants.length);
  });

  test("another tenant never gets a tenant's cached answer", async () => {
    const question = ask('What is in our private notes?');
    await chat(question);
    expect((await chat(question)).body['ballast'].cache.status).toBe('hit-exact');
    const other = await chat(question, { key: OTHER_TENANT_KEY });
    expect(other.body['ballast'].cache).toMatchObject({ status: 'miss', joined: false });
    expect(other.body['ballast'].workflow_id).toMatch(/^chat-cache-tenant-b-/);
    expect((await chat(question, { key: OTHER_TENANT_KEY })).body['ballast'].cache.status).toBe('hit-exact');
  });

  test('`auto` is keyed on the tier the router picks: cached where that route caches', async () => {
    const question = { model: 'auto', messages: [{ role: 'user', content: 'Which tier answers this?' }] };
    const first = await chat(question, { headers: { 'x-ballast-tier': 'complex' } });
    expect(first.body['ballast'].cache.status).toBe('miss');
    expect((await chat(question, { headers: { 'x-ballast-tier': 'complex' } })).body['ballast'].cache.status).toBe('hit-exact');
    expect((await chat(question, { headers: { 'x-ballast-tier': 'simple' } })).body['ballast'].cache).toEqual({ status: 'bypass', reason: 'route-not-cached' });
  });
});

describe('admission', () => {
  test('a truncated answer is not admitted, so the next identical request calls the provider again', async () => {
    const question = ask('Explain everything about caching in great detail, please.', { max_tokens: 2 });
    const first = await chat(question);
    expect(first.body['choices'][0].finish_reason).toBe('length');
    expect(first.body['ballast'].cache).toMatchObject({ status: 'miss', admitted: false, not_admitted: 'finish reason length' });
    const before = providerCalls();
    expect((await chat(question)).body['ballast'].cache.status).toBe('miss');
    expect(providerCalls() - before).toBe(1);
  });

  test('by default the simulator’s answers are never admitted', async () => {
    const question = { model: 'cached-real-only', messages: [{ role: 'user', content: 'Is a simulated answer cached?' }] };
    expect((await chat(question)).body['ballast'].cache).toMatchObject({ status: 'miss', admitted: false, not_admitted: 'simulated answer' });
    expect((await chat(question)).body['ballast'].cache.status).toBe('miss');
  });
});

describe('semantic cache', () => {
  const semantic = (content: string, earlier: Json[] = []) => ({ model: 'semantic', messages: [...earlier, { role: 'user', content }] });

  test('a paraphrase is a semantic hit with its score; a near-miss is turned away by the guard', async () => {
    const first = await chat(semantic('What is the nightly hotel limit in London?'));
    expect(first.body['ballast'].cache).toMatchObject({ status: 'miss', admitted: true });

    const paraphrase = await chat(semantic('Tell me the nightly hotel limit in London.'));
    expect(paraphrase.body['ballast'].cache).toMatchObject({ status: 'hit-semantic', source_request_id: first.body['ballast'].request_id });
    expect(paraphrase.body['ballast'].cache.score).toBeGreaterThanOrEqual(0.85);
    expect(paraphrase.body['ballast'].cache.score).toBeLessThan(1);
    expect(paraphrase.body['ballast'].cache.key).not.toBe(first.body['ballast'].cache.key);
    expect(paraphrase.body['choices'][0].message.content).toBe(first.body['choices'][0].message.content);

    // Scores high (one word apart) but asks the opposite, or about another amount.
    const negated = await chat(semantic('What is not the nightly hotel limit in London?'));
    expect(negated.body['ballast'].cache).toMatchObject({ status: 'miss', rejected: { reason: expect.stringMatching(/^negation/) } });
    const numbered = await chat(semantic('What is the nightly hotel limit in London for 3 nights?'));
    expect(numbered.body['ballast'].cache).toMatchObject({ status: 'miss', rejected: { reason: expect.stringMatching(/^number/) } });
    const otherCity = await chat(semantic('What is the nightly hotel limit in Berlin?'));
    expect(otherCity.body['ballast'].cache.status).toBe('miss');
    expect(otherCity.body['choices'][0].message.content).not.toBe(first.body['choices'][0].message.content);
  });

  test('a conversation with earlier turns is looked up by exact key only', async () => {
    const earlier = [
      { role: 'user', content: 'We are planning a trip.' },
      { role: 'assistant', content: 'Happy to help.' },
    ];
    const { body } = await chat(semantic('Tell me the nightly hotel limit in London.', earlier));
    expect(body['ballast'].cache).toMatchObject({ status: 'miss', semantic_skipped: 'multi-turn' });
  });
});

describe('grounded answers', () => {
  const POLICY = 'Meals are reimbursed up to 45 euros per day with receipts.';

  async function upload(content: string): Promise<Json> {
    const response = await stack.api('/v1/collections/policies/documents', { json: { title: 'Meals', content, media_type: 'text/plain', source_name: 'meals.txt' } });
    expect(response.status).toBe(202);
    const upload = (await response.json()) as Json;
    // Waits on the ingestion workflow itself, not on a timer.
    await stack.client.workflow.getHandle(upload['workflow_id'] as string).result();
    return upload;
  }

  test('re-uploading or deleting a document of a named collection makes the next request a miss', async () => {
    expect((await stack.api('/v1/collections', { json: { name: 'policies' } })).status).toBe(201);
    const document = await upload(POLICY);
    const question = ask('How much are meals reimbursed per day?', { ballast: { collections: ['policies'] } });
    // Answers that match their sources: answer validation keeps flagged answers out of the cache, and
    // the simulator's own label ("[simulated gpt-4.1-mini]") carries a figure no source has.
    stack.simulator.setScenario('gpt-4.1-mini', {
      replies: ['Meals are reimbursed up to 45 euros per day with receipts [1].', 'Meals are reimbursed up to 60 euros per day with receipts [1].'],
    });

    const first = await chat(question);
    expect(first.body['ballast'].citations[0]).toMatchObject({ document_id: document['id'] });
    expect(first.body['ballast'].cache.status).toBe('miss');
    expect((await chat(question)).body['ballast'].cache.status).toBe('hit-exact');
    const invalidatedBefore = (await stats())['invalidated'] as number;

    await upload('Meals are reimbursed up to 60 euros per day with receipts.');
    const afterReupload = await chat(question);
    expect(afterReupload.body['ballast'].cache).toMatchObject({ status: 'miss', admitted: true });
    expect(afterReupload.body['choices'][0].message.content).toContain('60 euros');
    // The entry citing the old version is gone, not merely unreachable.
    expect((await stats())['invalidated']).toBe(invalidatedBefore + 1);
    expect((await chat(question)).body['ballast'].cache.status).toBe('hit-exact');

    const deleted = await stack.api(`/v1/collections/policies/documents/${document['id'] as string}`, { method: 'DELETE' });
    expect(deleted.status).toBeLessThan(300);
    expect((await chat(question)).body['ballast'].cache.status).toBe('miss');
    // Back to the simulated answers; the slow model's scenario (set for the whole file) stays.
    stack.simulator.setScenario('gpt-4.1-mini', {});
  });
});

describe('single flight', () => {
  test('5 identical requests sent together make one provider call and get one answer', async () => {
    const before = stack.simulator.stats().models[SLOW_MODEL]?.calls ?? 0;
    const question = { model: 'slow', messages: [{ role: 'user', content: 'Five of us ask this at once.' }] };
    const responses = await Promise.all(Array.from({ length: 5 }, () => chat(question)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect((stack.simulator.stats().models[SLOW_MODEL]?.calls ?? 0) - before).toBe(1);
    expect(new Set(responses.map((response) => response.body['choices'][0].message.content)).size).toBe(1);
    expect(responses.filter((response) => response.body['ballast'].cache.joined === true)).toHaveLength(4);
  });

  test('answers outlive the API process: a new API instance serves the stored entry', async () => {
    const question = ask('Does the cache survive a restart of the API?');
    const first = await chat(question);
    expect(first.body['ballast'].cache).toMatchObject({ status: 'miss', admitted: true });
    // A new API process in all but name: empty memory, the same database.
    const restarted: NestFastifyApplication = await createApiApp({ config: stack.config, client: stack.client, rag: stack.rag, logger: false });
    await restarted.listen(0, '127.0.0.1');
    try {
      const before = providerCalls();
      const again = await chat(question, { apiUrl: await restarted.getUrl() });
      expect(again.body['ballast'].cache).toMatchObject({ status: 'hit-exact', source_request_id: first.body['ballast'].request_id });
      expect(again.body['choices']).toEqual(first.body['choices']);
      expect(providerCalls() - before).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  test('identical requests on two API replicas join one workflow through its id', async () => {
    // A second API process in all but name: its own Nest app, cache and single-flight map.
    const replica: NestFastifyApplication = await createApiApp({ config: stack.config, client: stack.client, rag: stack.rag, logger: false });
    await replica.listen(0, '127.0.0.1');
    try {
      const replicaUrl = await replica.getUrl();
      const before = stack.simulator.stats().models[SLOW_MODEL]?.calls ?? 0;
      const question = { model: 'slow', messages: [{ role: 'user', content: 'Two replicas get this at once.' }] };
      const responses = await Promise.all([chat(question), chat(question, { apiUrl: replicaUrl }), chat(question), chat(question, { apiUrl: replicaUrl })]);
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
      expect((stack.simulator.stats().models[SLOW_MODEL]?.calls ?? 0) - before).toBe(1);
      expect(new Set(responses.map((response) => response.body['ballast'].request_id)).size).toBe(1);
      expect(responses.filter((response) => response.body['ballast'].cache.joined === true)).toHaveLength(3);
      // Each replica keeps the answer in its own cache.
      expect((await chat(question, { apiUrl: replicaUrl })).body['ballast'].cache.status).toBe('hit-exact');
    } finally {
      await replica.close();
    }
  });
});

describe('GET /v1/cache/stats', () => {
  test("counts the caller's tenant's hits, misses, bypasses and savings", async () => {
    const before = await stats();
    const question = ask('What do the stats count?');
    const miss = await chat(question);
    await chat(question);
    await chat(question);
    await chat(question, { headers: { 'cache-control': 'no-store' } });
    const after = await stats();

    const usage = miss.body['usage'] as Json;
    expect(after['hits'].exact - before['hits'].exact).toBe(2);
    expect(after['misses'] - before['misses']).toBe(1);
    expect(after['admitted'] - before['admitted']).toBe(1);
    expect(after['bypasses']['cache-control'] - (before['bypasses']['cache-control'] ?? 0)).toBe(1);
    expect(after['saved'].input_tokens - before['saved'].input_tokens).toBe(2 * (usage['prompt_tokens'] as number));
    expect(after['saved'].output_tokens - before['saved'].output_tokens).toBe(2 * (usage['completion_tokens'] as number));
    expect(after['saved'].cost_usd - before['saved'].cost_usd).toBeCloseTo(2 * (miss.body['ballast'].cost_usd as number), 9);
    expect(after['hit_rate']).toBeCloseTo(after['hits'].total / after['lookups'], 4);
    expect(after['tenant_id']).toBe('tenant-a');

    // Tenant B sees only its own counters.
    const other = await stats(OTHER_TENANT_KEY);
    expect(other['tenant_id']).toBe('tenant-b');
    expect(other['lookups']).toBeLessThan(after['lookups']);

    // Hits are metered in /v1/usage too: requests of cost 0 with what they saved.
    const today = new Date().toISOString().slice(0, 10);
    const usageResponse = await stack.api(`/v1/usage?group_by=day&from=${today}&tenant_id=tenant-a`, { key: ADMIN_API_KEY });
    const total = ((await usageResponse.json()) as Json)['total'] as Json;
    expect(total['cache_hits']).toBeGreaterThanOrEqual(after['hits'].total);
    expect(total['saved_cost_usd']).toBeGreaterThan(0);
  });

  test('needs an API key', async () => {
    expect((await stack.api('/v1/cache/stats', { key: null })).status).toBe(401);
  });
});
