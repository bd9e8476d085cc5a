import { ADMIN_API_KEY, startTestStack, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;
/** Worth a handful of the small requests below (each holds its worst case, ~$0.00017). */
const TENANT_A_DAILY_USD = 0.0008;

beforeAll(async () => {
  stack = await startTestStack({ config: { budgets: { tenants: { 'tenant-a': { dailyUsd: TENANT_A_DAILY_USD } } } } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

const ask = (content: string) => stack.api('/v1/chat/completions', { json: { model: 'gpt-4.1-mini', max_tokens: 100, messages: [{ role: 'user', content }] } });

async function spentToday(tenantId: string): Promise<Json> {
  const from = new Date().toISOString().slice(0, 10);
  const response = await stack.api(`/v1/usage?group_by=model&from=${from}&tenant_id=${tenantId}`, { key: ADMIN_API_KEY });
  expect(response.status).toBe(200);
  return ((await response.json()) as Json)['total'] as Json;
}

describe('spending caps through the chat path', () => {
  test('concurrent requests never spend beyond the cap; the refused ones get 402 naming the cap', async () => {
    const responses = await Promise.all(Array.from({ length: 24 }, (_, index) => ask(`Question ${index}: what is the capital of France?`)));
    const statuses = responses.map((response) => response.status);
    const admitted = statuses.filter((status) => status === 200).length;
    expect(admitted).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((status) => status === 402).length).toBe(24 - admitted);

    const refused = (await responses.find((response) => response.status === 402)?.json()) as Json;
    expect(refused['type']).toBe('/problems/budget-exceeded');
    expect(refused['cap']).toMatchObject({ scope: 'tenant-day', subject: 'tenant-a', limit_usd: TENANT_A_DAILY_USD });
    expect(refused['cap'].remaining_usd).toBeLessThan(refused['requested_usd']);
    expect(refused['error']).toMatchObject({ code: 'insufficient_quota' });

    // Every admitted request was settled exactly once at its real cost, and the total stays under the cap.
    const total = await spentToday('tenant-a');
    expect(total['requests']).toBe(admitted);
    expect(total['cost_usd']).toBeGreaterThan(0);
    expect(total['cost_usd']).toBeLessThanOrEqual(TENANT_A_DAILY_USD);
  });

  test("another tenant's spend is its own: tenant B is not capped by tenant A's budget", async () => {
    const response = await stack.api('/v1/chat/completions', {
      key: 'sk-test-tenant-b-000000',
      json: { model: 'gpt-4.1-mini', max_tokens: 100, messages: [{ role: 'user', content: 'Hello from tenant B' }] },
    });
    expect(response.status).toBe(200);
    expect((await spentToday('tenant-b'))['requests']).toBe(1);
  });
});
