import OpenAI from 'openai';
import { startSimulator, type SimulatorHandle } from './index.js';

let simulator: SimulatorHandle;
let client: OpenAI;

beforeAll(async () => {
  simulator = await startSimulator();
  client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'x', maxRetries: 0 });
});
afterAll(() => simulator.close());

const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Pace yourself?' }];

describe('latency and chunk pacing', () => {
  it('waits the scenario latency before answering and reports it in a header', async () => {
    simulator.setScenario('slow-model', { latencyMs: { distribution: 'fixed', value: 60 } });
    const started = performance.now();
    const { response } = await client.chat.completions.create({ model: 'slow-model', messages }).withResponse();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(response.headers.get('x-ballast-simulated-latency-ms')).toBe('60');
  });

  it('spaces stream chunks by chunkDelayMs', async () => {
    simulator.setScenario('paced-model', { chunkDelayMs: 10, outputTokens: 12 });
    const arrivals: number[] = [];
    const started = performance.now();
    const stream = await client.chat.completions.create({ model: 'paced-model', messages, stream: true });
    for await (const chunk of stream) if (chunk.choices[0]?.delta.content) arrivals.push(performance.now());
    expect(arrivals.length).toBeGreaterThan(3);
    // Measured from the request start, not the first arrival: a busy client may read several
    // chunks at once, but the last cannot have been sent before (n - 1) delays had passed.
    // Timers fire late, never early (1 ms of slack for clock rounding).
    expect((arrivals.at(-1) ?? 0) - started).toBeGreaterThanOrEqual((arrivals.length - 1) * 10 - 1);
  });
});
