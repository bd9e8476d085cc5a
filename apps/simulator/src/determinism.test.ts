import OpenAI from 'openai';
import { startSimulator, type Scenario } from './index.js';

/** Flaky on purpose: half the calls fail, and latency is long-tailed (but short, to keep the suite fast). */
const FLAKY: Scenario = {
  latencyMs: { distribution: 'lognormal', median: 2, p99: 15 },
  faults: [{ kind: 'status', status: 503, rate: 0.5 }],
};

/** What a client observes over 20 calls: the status of each and the latency the simulator drew. */
async function observe(seed: number): Promise<string[]> {
  const simulator = await startSimulator({ seed, scenarios: { '*': FLAKY } });
  const client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'x', maxRetries: 0 });
  const observed: string[] = [];
  try {
    for (let call = 0; call < 20; call += 1) {
      const { response } = await client.chat.completions
        .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Call ${call}?` }] })
        .withResponse()
        .catch((error: unknown) => ({ response: { status: (error as { status: number }).status, headers: (error as { headers: Headers }).headers } }));
      observed.push(`${response.status}/${response.headers.get('x-ballast-simulated-latency-ms')}ms`);
    }
  } finally {
    await simulator.close();
  }
  return observed;
}

describe('determinism under a seed', () => {
  it('reproduces the same faults and latencies for the same seed and call order', async () => {
    const first = await observe(42);
    const second = await observe(42);
    expect(second).toEqual(first);
    expect(first.some((entry) => entry.startsWith('503/'))).toBe(true);
    expect(first.some((entry) => entry.startsWith('200/'))).toBe(true);
  });

  it('a different seed gives a different sequence', async () => {
    expect(await observe(7)).not.toEqual(await observe(42));
  });
});
