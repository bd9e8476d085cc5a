import { startTestStack, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;
/** Two requests of ~1,020 estimated tokens fit the burst; a third must wait for the bucket to refill. */
const TPM = 3_000;

beforeAll(async () => {
  stack = await startTestStack({
    config: (simulatorUrl) => ({
      providers: [{ name: 'openai', kind: 'openai', apiKey: 'simulated', baseURL: `${simulatorUrl}/v1`, limits: { tpm: TPM } }],
    }),
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

const ask = (maxTokens: number) =>
  stack.api('/v1/chat/completions', { json: { model: 'gpt-4.1-mini', max_tokens: maxTokens, messages: [{ role: 'user', content: 'Say hello.' }] } });

describe('provider egress limits', () => {
  test('a provider at its limit makes requests wait for capacity instead of failing', async () => {
    const started = performance.now();
    const finished: number[] = [];
    const statuses = await Promise.all(
      [0, 1, 2].map(async () => {
        const response = await ask(1_000);
        finished.push(performance.now() - started);
        return response.status;
      }),
    );
    expect(statuses).toEqual([200, 200, 200]);
    // The third waited for ~60 tokens of refill at 50 tokens/s: at least a second after the start.
    expect(Math.max(...finished)).toBeGreaterThan(1_000);
  });

  test('a request larger than the whole limit is refused at once, not queued forever', async () => {
    const response = await ask(5_000);
    expect(response.status).toBe(503);
    const problem = (await response.json()) as Json;
    expect(problem['detail']).toContain("exceeds openai's whole rate limit");
  });
});
