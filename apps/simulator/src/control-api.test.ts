import OpenAI from 'openai';
import { startSimulator, type SimulatorHandle, type SimulatorStats } from './index.js';

let simulator: SimulatorHandle;
let client: OpenAI;

beforeAll(async () => {
  simulator = await startSimulator({ scenarios: { 'boot-model': { faults: [{ kind: 'status', status: 500 }] } } });
  client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'x', maxRetries: 0 });
});
afterAll(() => simulator.close());
beforeEach(async () => {
  await fetch(`${simulator.url}/_sim/scenarios`, { method: 'DELETE' });
  await fetch(`${simulator.url}/_sim/stats`, { method: 'DELETE' });
});

const putScenario = (model: string, body: unknown) =>
  fetch(`${simulator.url}/_sim/scenarios/${encodeURIComponent(model)}`, { method: 'PUT', body: JSON.stringify(body) });
const chat = (model: string) => client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Ping?' }] });

describe('control API over HTTP', () => {
  it('PUT /_sim/scenarios/:model installs a scenario for that model only (ids with slashes included)', async () => {
    const response = await putScenario('meta/llama-3', { faults: [{ kind: 'status', status: 503, count: 1 }] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ model: 'meta/llama-3', scenario: { faults: [{ kind: 'status', status: 503, count: 1 }] } });

    await expect(chat('meta/llama-3')).rejects.toMatchObject({ status: 503 });
    await expect(chat('meta/llama-3')).resolves.toBeDefined();
    await expect(chat('gpt-4o-mini')).resolves.toBeDefined();
  });

  it('rejects a bad scenario with 400 and a message naming the field', async () => {
    const response = await putScenario('gpt-4o-mini', { latencyMs: { distribution: 'uniform', min: 5 }, faults: [{ kind: 'explode' }] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/Invalid scenario/);
    expect(body.error.message).toMatch(/latencyMs\.max/);
    expect(body.error.message).toMatch(/faults\[0\]\.kind/);
    await expect(chat('gpt-4o-mini')).resolves.toBeDefined();
  });

  it('rejects a scenario that is not JSON with 400', async () => {
    const response = await fetch(`${simulator.url}/_sim/scenarios/gpt-4o-mini`, { method: 'PUT', body: '{not json' });
    expect(response.status).toBe(400);
  });

  it('DELETE /_sim/scenarios returns to the start-up scenarios', async () => {
    await putScenario('boot-model', {});
    await expect(chat('boot-model')).resolves.toBeDefined();
    expect((await fetch(`${simulator.url}/_sim/scenarios`, { method: 'DELETE' })).status).toBe(204);
    await expect(chat('boot-model')).rejects.toMatchObject({ status: 500 });
  });

  it('GET /_sim/stats counts calls, failures and billed tokens; DELETE clears them', async () => {
    await putScenario('gpt-4o-mini', { faults: [{ kind: 'status', status: 429, count: 1 }] });
    await expect(chat('gpt-4o-mini')).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    const completion = await chat('gpt-4o-mini');

    const stats = (await (await fetch(`${simulator.url}/_sim/stats`)).json()) as SimulatorStats;
    const expected = {
      calls: 2,
      successes: 1,
      failures: 1,
      failuresByStatus: { '429': 1 },
      inputTokens: completion.usage?.prompt_tokens,
      outputTokens: completion.usage?.completion_tokens,
    };
    expect(stats).toEqual({ totals: expected, models: { 'gpt-4o-mini': expected } });
    expect(simulator.stats()).toEqual(stats);

    expect((await fetch(`${simulator.url}/_sim/stats`, { method: 'DELETE' })).status).toBe(204);
    expect(simulator.stats().totals.calls).toBe(0);
  });

  it('GET /_sim/health answers ok', async () => {
    const response = await fetch(`${simulator.url}/_sim/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', simulated: true });
    expect(response.headers.get('x-ballast-simulated')).toBe('true');
  });

  it('setScenario in code rejects an invalid scenario', () => {
    expect(() => simulator.setScenario('m', { faults: [{ kind: 'status', status: 200 }] })).toThrow(/faults\[0\]\.status/);
  });
});

describe('routing', () => {
  it('answers an unknown OpenAI path with 404 in OpenAI shape and an x-request-id', async () => {
    const response = await fetch(`${simulator.url}/v1/nothing-here`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(response.headers.get('x-ballast-simulated')).toBe('true');
    expect(await response.json()).toEqual({ error: { message: 'Invalid URL (POST /v1/nothing-here)', type: 'invalid_request_error', param: null, code: null } });
  });

  it('answers an unknown Anthropic path with 404 in Anthropic shape and a request-id', async () => {
    const response = await fetch(`${simulator.url}/v1/messages/nothing`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });

  it('accepts Anthropic and OpenAI paths without the /v1 prefix', async () => {
    const message = await fetch(`${simulator.url}/messages`, {
      method: 'POST',
      body: JSON.stringify({ model: 'claude-haiku-4-5', max_tokens: 50, messages: [{ role: 'user', content: 'Hi?' }] }),
    });
    expect(message.status).toBe(200);
    expect(await message.json()).toMatchObject({ type: 'message', role: 'assistant' });
    const embedding = await fetch(`${simulator.url}/embeddings`, { method: 'POST', body: JSON.stringify({ model: 'e', input: 'x', dimensions: 8 }) });
    expect(await embedding.json()).toMatchObject({ object: 'list', data: [{ embedding: expect.any(Array) }] });
  });

  it('lists models, including ones that have a scenario', async () => {
    await putScenario('my-custom-model', {});
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(['gpt-4o-mini', 'claude-haiku-4-5', 'my-custom-model']));
  });

  it('answers a body that is not JSON with a 400 in the provider shape', async () => {
    const response = await fetch(`${simulator.url}/v1/messages`, { method: 'POST', body: '{oops' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });
});
