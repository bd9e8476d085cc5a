import { ADMIN_API_KEY, startTestStack, type TestStack } from './support/test-stack.js';

/**
 * Inputs schemathesis (`npm run fuzz`) found answered with a 500, each now a 400 problem+json
 * that says what to fix, with nothing written.
 */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

async function problemOf(response: Response): Promise<{ status: number; contentType: string | null; body: Record<string, unknown> }> {
  return { status: response.status, contentType: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
}

test.each([
  ['a monthly cap beyond what the ledger counts exactly', { monthly_usd: 99_999_999 }, /budgets\.monthly_usd.*at most \$9,000,000/],
  ['a daily cap smaller than one nano-dollar', { daily_usd: 5e-324 }, /budgets\.daily_usd.*at least \$1e-9/],
])('a key with %s is refused with 400 and not created', async (_case, budgets, detail) => {
  const before = (await (await stack.api('/v1/admin/keys?tenant_id=tenant-a', { key: ADMIN_API_KEY })).json()) as { data: unknown[] };
  const response = await stack.api('/v1/admin/keys', { key: ADMIN_API_KEY, json: { tenant_id: 'tenant-a', user_id: 'fuzz', name: 'fuzz', budgets } });
  const problem = await problemOf(response);
  expect(problem.status).toBe(400);
  expect(problem.contentType).toMatch(/^application\/problem\+json/);
  expect(JSON.stringify(problem.body)).toMatch(detail);
  const after = (await (await stack.api('/v1/admin/keys?tenant_id=tenant-a', { key: ADMIN_API_KEY })).json()) as { data: unknown[] };
  expect(after.data).toHaveLength(before.data.length);
});

test('a multipart upload without a boundary is a 400 that says how to send it', async () => {
  const created = await stack.api('/v1/collections', { json: { name: 'fuzz-docs' } });
  expect(created.status).toBe(201);
  const response = await stack.api('/v1/collections/fuzz-docs/documents', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: '' });
  const problem = await problemOf(response);
  expect(problem).toMatchObject({ status: 400, body: { type: expect.stringMatching(/invalid-multipart$/) } });
  expect(problem.contentType).toMatch(/^application\/problem\+json/);
  expect(problem.body['detail']).toMatch(/boundary/i);
  // The service is still up and the collection holds nothing.
  const documents = (await (await stack.api('/v1/collections/fuzz-docs/documents')).json()) as { data: unknown[] };
  expect(documents.data).toEqual([]);
});
