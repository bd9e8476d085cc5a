import { ADMIN_API_KEY, startTestStack, TEST_API_KEY, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ config: { eval: { concurrency: 2, suitePaths: ['demo/golden.yaml'] } } });
  expect((await stack.api('/v1/collections', { json: { name: 'policies' } })).status).toBe(201);
  const document = await stack.api('/v1/collections/policies/documents', {
    json: { title: 'Returns policy', media_type: 'text/plain', content: 'Refunds are accepted within 30 days of delivery. Shipping fees are not refunded.' },
  });
  await stack.client.workflow.getHandle(((await document.json()) as Json)['workflow_id'] as string).result();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

const SUITE_YAML = `suite: returns-api
defaults:
  model: gpt-4.1-mini
  collections: [policies]
queries:
  - id: refund-window
    question: "Within how many days of delivery are refunds accepted?"
    assert:
      - { type: contains-all, value: ["30 days"] }
  - id: shipping
    question: "Are shipping fees refunded?"
    assert:
      - { type: contains-any, value: ["not refunded"] }
`;

const asAdmin = (path: string, init: Parameters<TestStack['api']>[1] = {}) => stack.api(path, { ...init, key: ADMIN_API_KEY });

async function waitForRun(id: string): Promise<Json> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const run = (await (await asAdmin(`/v1/evals/${id}`)).json()) as Json;
    if (run['status'] !== 'running') return run;
    if (Date.now() > deadline) throw new Error(`eval run ${id} still running`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('a run started with the suite YAML completes; its reports are read back and it is listed', async () => {
  const created = await asAdmin('/v1/evals', { json: { suite_yaml: SUITE_YAML, tenant_id: 'tenant-a', baseline: { summary: { passRate: 1, passedIds: ['refund-window', 'shipping'] } } } });
  expect(created.status).toBe(202);
  const started = (await created.json()) as Json;
  expect(started).toMatchObject({ object: 'eval_run', suite: 'returns-api', status: 'running', trigger: 'api', tenant_id: 'tenant-a', queries: 2, workflow_id: `eval-${started['id']}` });

  const run = await waitForRun(started['id']);
  expect(run).toMatchObject({ status: 'completed', pass_rate: 1, gate: 'pass', gate_reasons: [] });
  expect(run['summary']).toMatchObject({ queries: 2, passed: 2 });
  expect(run['report']['results'].map((result: Json) => result['id'])).toEqual(['refund-window', 'shipping']);
  expect(run['report_markdown']).toContain('refund-window');
  expect(run['report_html']).toContain('<html');

  const listed = (await (await asAdmin('/v1/evals?suite=returns-api')).json()) as Json;
  expect(listed['data'].map((item: Json) => item['id'])).toContain(started['id']);
  expect(listed['data'][0]).not.toHaveProperty('report_html');
  // Another tenant's view does not have it.
  expect((await asAdmin(`/v1/evals/${started['id']}?tenant_id=tenant-b`)).status).toBe(404);
}, 120_000);

test('the suite file itself can be the body (application/yaml), options as query parameters', async () => {
  const created = await asAdmin('/v1/evals?tenant_id=tenant-a&model=gpt-4.1', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: SUITE_YAML });
  expect(created.status).toBe(202);
  const run = await waitForRun(((await created.json()) as Json)['id']);
  expect(run['status']).toBe('completed');
  expect(run['report']['results'].map((result: Json) => result['model'])).toEqual(['gpt-4.1', 'gpt-4.1']);
}, 120_000);

test('a bad suite is a problem+json listing every issue with its path and line', async () => {
  const bad = SUITE_YAML.replace('{ type: contains-all, value: ["30 days"] }', '{ type: latency, threshold: fast }').replace('id: shipping', 'id: Shipping');
  const response = await asAdmin('/v1/evals', { json: { suite_yaml: bad, tenant_id: 'tenant-a' } });
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = (await response.json()) as Json;
  expect(body['type']).toContain('invalid-suite');
  expect(body['issues']).toEqual(
    expect.arrayContaining([
      { path: 'queries[0].assert[0].threshold', line: 9, message: 'must be a number' },
      { path: 'queries[1].id', line: 10, message: 'must be kebab-case (a-z, 0-9 and single dashes)' },
    ]),
  );
});

test('requests that cannot run are refused before anything starts: unknown path, missing collection, no suite, weak key', async () => {
  const unknownPath = await asAdmin('/v1/evals', { json: { suite_path: '/etc/passwd' } });
  expect(unknownPath.status).toBe(404);
  expect(((await unknownPath.json()) as Json)['detail']).toContain('demo/golden.yaml');

  const missing = await asAdmin('/v1/evals', { json: { suite_yaml: SUITE_YAML, tenant_id: 'tenant-b' } });
  expect(missing.status).toBe(400);
  expect(((await missing.json()) as Json)['collections']).toEqual(['policies']);

  expect((await asAdmin('/v1/evals', { json: { tenant_id: 'tenant-a' } })).status).toBe(400);
  expect((await stack.api('/v1/evals', { json: { suite_yaml: SUITE_YAML }, key: TEST_API_KEY })).status).toBe(403);
  expect((await asAdmin('/v1/evals/not-a-run-id')).status).toBe(404);
});
