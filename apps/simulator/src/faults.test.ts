import Anthropic from '@anthropic-ai/sdk';
import { request as httpRequest } from 'node:http';
import OpenAI from 'openai';
import { startSimulator, type SimulatorHandle } from './index.js';

let simulator: SimulatorHandle;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  simulator = await startSimulator();
  // logLevel 'off': the SDKs log every unparsable stream event to the console, which is the point here.
  openai = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'x', maxRetries: 0, logLevel: 'off' });
  anthropic = new Anthropic({ baseURL: simulator.url, apiKey: 'x', maxRetries: 0, logLevel: 'off' });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.resetScenarios();
  simulator.resetStats();
});

const chat = (model = 'gpt-4o-mini') => openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Is it up?' }] });
const message = (model = 'claude-haiku-4-5') =>
  anthropic.messages.create({ model, max_tokens: 100, messages: [{ role: 'user', content: 'Is it up?' }] });

async function drainOpenAiStream(model: string): Promise<number> {
  const stream = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Tell me a long story about rivers.' }], stream: true });
  let chunks = 0;
  for await (const chunk of stream) if (chunk) chunks += 1;
  return chunks;
}

describe('status faults', () => {
  it('429 with retry-after reaches the OpenAI SDK as a RateLimitError carrying the headers', async () => {
    simulator.setScenario('gpt-4o-mini', { faults: [{ kind: 'status', status: 429, retryAfterSeconds: 2, retryAfterMs: 1500 }] });
    const error = await chat().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.headers.get('retry-after')).toBe('2');
    expect(rateLimit.headers.get('retry-after-ms')).toBe('1500');
    expect(rateLimit.code).toBe('rate_limit_exceeded');
    expect(rateLimit.requestID).toMatch(/^req_/);
  });

  it('429 reaches the Anthropic SDK as a RateLimitError with rate_limit_error', async () => {
    simulator.setScenario('claude-haiku-4-5', { faults: [{ kind: 'status', status: 429, retryAfterSeconds: 3 }] });
    const error = await message().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const rateLimit = error as InstanceType<typeof Anthropic.RateLimitError>;
    expect(rateLimit.type).toBe('rate_limit_error');
    expect(rateLimit.headers.get('retry-after')).toBe('3');
    expect(rateLimit.requestID).toMatch(/^req_/);
  });

  it.each([
    [529, 'overloaded_error'],
    [500, 'api_error'],
    [401, 'authentication_error'],
  ])('Anthropic %i carries error type %s', async (status, type) => {
    simulator.setScenario('claude-haiku-4-5', { faults: [{ kind: 'status', status, message: 'custom words' }] });
    const error = await message().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).toMatchObject({ status, type, apiMessage: 'custom words' });
  });

  it('a 401 fault arrives as the SDK AuthenticationError, although keys are not checked otherwise', async () => {
    simulator.setScenario('gpt-4o-mini', { faults: [{ kind: 'status', status: 401 }] });
    await expect(chat()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(chat('another-model')).resolves.toBeDefined();
  });

  it('a count-limited fault fires that many times, then the model answers; only the success is billed', async () => {
    simulator.setScenario('gpt-4o-mini', { faults: [{ kind: 'status', status: 503, count: 2 }] });
    await expect(chat()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(chat()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    const completion = await chat();

    const stats = simulator.stats().models['gpt-4o-mini'];
    expect(stats).toEqual({
      calls: 3,
      successes: 1,
      failures: 2,
      failuresByStatus: { '503': 2 },
      inputTokens: completion.usage?.prompt_tokens,
      outputTokens: completion.usage?.completion_tokens,
    });
  });

  it('the `*` scenario applies to models without their own', async () => {
    simulator.setScenario('*', { faults: [{ kind: 'status', status: 500 }] });
    simulator.setScenario('gpt-4o', {});
    await expect(chat('any-model')).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(chat('gpt-4o')).resolves.toBeDefined();
  });
});

describe('transport faults', () => {
  it('malformed: a 200 with invalid JSON makes both SDKs throw', async () => {
    simulator.setScenario('*', { faults: [{ kind: 'malformed' }] });
    await expect(chat()).rejects.toThrow();
    await expect(message()).rejects.toThrow();
    await expect(drainOpenAiStream('gpt-4o-mini')).rejects.toThrow();
    expect(simulator.stats().totals.failuresByStatus).toEqual({ malformed: 3 });
  });

  // Under Jest's VM modules the abort error crosses realms and loses its name, so the SDKs report
  // APIConnectionError there; in plain Node it is the APIConnectionTimeoutError subclass. Either way
  // the call ends at the SDK timeout instead of hanging the test.
  it("hang: never answers, and the SDK's timeout aborts the call", async () => {
    simulator.setScenario('*', { faults: [{ kind: 'hang', count: 2 }] });
    await expect(openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }, { timeout: 100 })).rejects.toBeInstanceOf(
      OpenAI.APIConnectionError,
    );
    await expect(
      anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] }, { timeout: 100 }),
    ).rejects.toBeInstanceOf(Anthropic.APIConnectionError);
    expect(simulator.stats().totals.failuresByStatus).toEqual({ hang: 2 });
    await expect(chat()).resolves.toBeDefined();
  });

  it('cut-stream: OpenAI stream iteration throws instead of ending cleanly', async () => {
    const intact = await drainOpenAiStream('intact-model');
    simulator.setScenario('gpt-4o-mini', { faults: [{ kind: 'cut-stream', afterChunks: 3 }] });
    await expect(drainOpenAiStream('gpt-4o-mini')).rejects.toThrow();
    expect(intact).toBeGreaterThan(3);
    expect(simulator.stats().models['gpt-4o-mini']).toMatchObject({ successes: 0, failuresByStatus: { 'cut-stream': 1 }, outputTokens: 0 });
  });

  it('cut-stream: Anthropic stream iteration throws, and the events before the cut arrive', async () => {
    simulator.setScenario('claude-haiku-4-5', { faults: [{ kind: 'cut-stream', afterChunks: 4 }] });
    const stream = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }], stream: true });
    const seen: string[] = [];
    const iterate = async () => {
      for await (const event of stream) seen.push(event.type);
    };
    await expect(iterate()).rejects.toThrow();
    // message_start, content_block_start, then a delta (the ping is not surfaced by the SDK).
    expect(seen).toEqual(['message_start', 'content_block_start', 'content_block_delta']);
  });

  it('cut-stream does not apply to plain calls', async () => {
    simulator.setScenario('gpt-4o-mini', { faults: [{ kind: 'cut-stream', afterChunks: 1 }] });
    await expect(chat()).resolves.toBeDefined();
  });
});

describe('shutdown', () => {
  it('close() drops a hanging call instead of waiting for it', async () => {
    const hanging = await startSimulator({ scenarios: { '*': { faults: [{ kind: 'hang' }] } } });
    const outcome = new Promise<string>((resolve) => {
      const call = httpRequest(`${hanging.url}/v1/chat/completions`, { method: 'POST' }, () => resolve('answered'));
      call.on('error', (error) => resolve(`error: ${error.message}`));
      // Once the request is on the wire, close the simulator under it.
      call.on('finish', () => void hanging.close());
      call.end(JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] }));
    });
    await expect(outcome).resolves.toMatch(/^error: /);
    await hanging.close();
  });
});
