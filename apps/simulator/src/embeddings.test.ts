import OpenAI from 'openai';
import { startSimulator, type SimulatorHandle } from './index.js';

let simulator: SimulatorHandle;
let client: OpenAI;

beforeAll(async () => {
  simulator = await startSimulator();
  client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'x', maxRetries: 0 });
});
afterAll(() => simulator.close());

const norm = (vector: readonly number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
const cosine = (left: readonly number[], right: readonly number[]) => left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);

async function embed(input: string | string[], options: { dimensions?: number; encoding_format?: 'float' } = {}): Promise<number[][]> {
  const response = await client.embeddings.create({ model: 'text-embedding-3-small', input, ...options });
  return response.data.map((item) => item.embedding);
}

describe('OpenAI embeddings through the official SDK', () => {
  it('returns 256-dimension unit vectors by default, decoded from the base64 the SDK asks for', async () => {
    const [vector] = await embed('Refunds are issued within 14 days.');
    expect(vector).toHaveLength(256);
    expect(norm(vector ?? [])).toBeCloseTo(1, 5);
  });

  it('honours `dimensions` and plain float encoding, with the same vector either way', async () => {
    const [asFloat] = await embed('Refunds are issued within 14 days.', { dimensions: 64, encoding_format: 'float' });
    const [asBase64] = await embed('Refunds are issued within 14 days.', { dimensions: 64 });
    expect(asFloat).toHaveLength(64);
    expect(norm(asFloat ?? [])).toBeCloseTo(1, 5);
    asBase64?.forEach((value, index) => expect(value).toBeCloseTo(asFloat?.[index] ?? NaN, 6));
  });

  it('is deterministic, and texts sharing words are closer than unrelated texts', async () => {
    const [first, again, paraphrase, unrelated] = await embed([
      'How long do refunds take?',
      'How long do refunds take?',
      'how long do refunds usually take',
      'The cafeteria serves lunch at noon.',
    ]);
    expect(again).toEqual(first);
    expect(cosine(first ?? [], paraphrase ?? [])).toBeGreaterThan(0.8);
    expect(cosine(first ?? [], unrelated ?? [])).toBeLessThan(0.3);
  });

  it('reports usage and bills it in the stats', async () => {
    simulator.resetStats();
    const response = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['abcd', 'abcdefgh'] });
    expect(response.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    expect(simulator.stats().models['text-embedding-3-small']).toMatchObject({ calls: 1, successes: 1, inputTokens: 3, outputTokens: 0 });
  });
});
