import { setTimeout as sleep } from 'node:timers/promises';
import Anthropic from '@anthropic-ai/sdk';
import { startSimulator, type SimulatorHandle } from './index.js';

let simulator: SimulatorHandle;
let client: Anthropic;

beforeAll(async () => {
  simulator = await startSimulator();
  client = new Anthropic({ baseURL: simulator.url, apiKey: 'x', maxRetries: 0 });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.resetScenarios();
  simulator.resetStats();
  simulator.resetBatches();
});

type BatchRequest = Anthropic.Messages.Batches.BatchCreateParams.Request;

function request(customId: string, text: string, model = 'claude-haiku-4-5'): BatchRequest {
  return { custom_id: customId, params: { model, max_tokens: 64, messages: [{ role: 'user', content: text }] } };
}

async function waitUntilEnded(batchId: string, seen: string[] = []): Promise<Anthropic.Messages.Batches.MessageBatch> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const batch = await client.messages.batches.retrieve(batchId);
    if (seen.at(-1) !== batch.processing_status) seen.push(batch.processing_status);
    if (batch.processing_status === 'ended') return batch;
    await sleep(20);
  }
  throw new Error(`batch ${batchId} did not end`);
}

async function results(batchId: string): Promise<Anthropic.Messages.Batches.MessageBatchIndividualResponse[]> {
  const all: Anthropic.Messages.Batches.MessageBatchIndividualResponse[] = [];
  for await (const result of await client.messages.batches.results(batchId)) all.push(result);
  return all;
}

describe('Anthropic Message Batches through the official SDK', () => {
  it('stays in_progress (all requests processing) until it ends, then serves results like the Messages endpoint', async () => {
    simulator.setScenario('claude-haiku-4-5', { batch: { completionMs: 400 } });
    const texts = ['What does Temporal do after a crash?', 'Where are vectors stored?', 'When is lunch?'];
    const created = await client.messages.batches.create({ requests: texts.map((text, index) => request(`r-${index}`, text)) });
    expect(created).toMatchObject({
      type: 'message_batch',
      processing_status: 'in_progress',
      request_counts: { processing: 3, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
      ended_at: null,
      results_url: null,
      cancel_initiated_at: null,
      archived_at: null,
    });
    expect(created.id).toMatch(/^msgbatch_/);
    expect(Date.parse(created.expires_at) - Date.parse(created.created_at)).toBe(24 * 3600 * 1000);
    await expect(client.messages.batches.results(created.id)).rejects.toThrow(/results_url/);

    const seen: string[] = [created.processing_status];
    const batch = await waitUntilEnded(created.id, seen);
    expect(seen).toEqual(['in_progress', 'ended']);
    expect(batch.request_counts).toEqual({ processing: 0, succeeded: 3, errored: 0, canceled: 0, expired: 0 });
    expect(batch.results_url).toBe(`${simulator.url}/v1/messages/batches/${batch.id}/results`);
    expect(batch.ended_at).not.toBeNull();

    const lines = await results(batch.id);
    expect(lines.map((line) => line.custom_id)).toEqual(['r-0', 'r-1', 'r-2']);
    for (const [index, line] of lines.entries()) {
      const direct = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages: [{ role: 'user', content: texts[index] ?? '' }] });
      if (line.result.type !== 'succeeded') throw new Error(`line ${line.custom_id} did not succeed`);
      expect(line.result.message.content).toEqual(direct.content);
      expect(line.result.message.usage).toEqual(direct.usage);
      expect(line.result.message.stop_reason).toBe(direct.stop_reason);
    }
  });

  it('errors the configured lines with the status-derived error type, and invalid params per line', async () => {
    simulator.setScenario('claude-haiku-4-5', { batch: { completionMs: 0, failLines: { every: 2, customIds: ['only-this'], status: 529 } } });
    const requests = [request('a', 'One?'), request('b', 'Two?'), request('only-this', 'Three?'), { custom_id: 'bad', params: { model: 'claude-haiku-4-5', messages: [] } as unknown as Anthropic.MessageCreateParamsNonStreaming }];
    const batch = await waitUntilEnded((await client.messages.batches.create({ requests })).id);
    expect(batch.request_counts).toEqual({ processing: 0, succeeded: 1, errored: 3, canceled: 0, expired: 0 });
    const byId = new Map((await results(batch.id)).map((line) => [line.custom_id, line.result]));
    expect(byId.get('a')?.type).toBe('succeeded');
    expect(byId.get('b')).toMatchObject({ type: 'errored', error: { type: 'error', error: { type: 'overloaded_error' } } });
    expect(byId.get('only-this')).toMatchObject({ type: 'errored', error: { error: { type: 'overloaded_error' } } });
    expect(byId.get('bad')).toMatchObject({ type: 'errored', error: { error: { type: 'invalid_request_error' } } });
  });

  it('cancels: canceling for cancelMs, then ended with canceled results', async () => {
    simulator.setScenario('claude-haiku-4-5', { batch: { completionMs: 60_000, cancelMs: 150 } });
    const created = await client.messages.batches.create({ requests: [request('c-1', 'Hi?'), request('c-2', 'Hi?')] });
    const canceling = await client.messages.batches.cancel(created.id);
    expect(canceling.processing_status).toBe('canceling');
    expect(canceling.cancel_initiated_at).not.toBeNull();
    const batch = await waitUntilEnded(created.id);
    expect(batch.request_counts).toEqual({ processing: 0, succeeded: 0, errored: 0, canceled: 2, expired: 0 });
    expect((await results(batch.id)).map((line) => [line.custom_id, line.result.type])).toEqual([
      ['c-1', 'canceled'],
      ['c-2', 'canceled'],
    ]);
    await expect(client.messages.batches.cancel(created.id)).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('expires the unfinished lines, or errors every line of a "failed" batch', async () => {
    simulator.setScenario('expires', { batch: { completionMs: 0, outcome: 'expired', expireAfterLines: 1 } });
    simulator.setScenario('fails', { batch: { completionMs: 0, outcome: 'failed' } });
    const expired = await waitUntilEnded((await client.messages.batches.create({ requests: [request('e-1', 'Hi?', 'expires'), request('e-2', 'Hi?', 'expires')] })).id);
    expect(expired.request_counts).toMatchObject({ succeeded: 1, expired: 1 });
    expect((await results(expired.id)).map((line) => line.result.type)).toEqual(['succeeded', 'expired']);

    const failed = await waitUntilEnded((await client.messages.batches.create({ requests: [request('f-1', 'Hi?', 'fails'), request('f-2', 'Hi?', 'fails')] })).id);
    expect(failed.request_counts).toMatchObject({ succeeded: 0, errored: 2 });
    expect((await results(failed.id)).map((line) => line.result)).toEqual([
      expect.objectContaining({ type: 'errored', error: expect.objectContaining({ error: expect.objectContaining({ type: 'api_error' }) }) }),
      expect.objectContaining({ type: 'errored' }),
    ]);
  });

  it('lists batches newest first with after_id / before_id pagination', async () => {
    simulator.setScenario('*', { batch: { completionMs: 60_000 } });
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) ids.push((await client.messages.batches.create({ requests: [request(`l-${index}`, 'Hi?')] })).id);
    const newestFirst = [...ids].reverse();

    const first = await client.messages.batches.list({ limit: 2 });
    expect(first.data.map((batch) => batch.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.has_more).toBe(true);
    const all: string[] = [];
    for await (const batch of client.messages.batches.list({ limit: 2 })) all.push(batch.id);
    expect(all).toEqual(newestFirst);
    const before = await client.messages.batches.list({ limit: 2, before_id: newestFirst[3] });
    expect(before.data.map((batch) => batch.id)).toEqual(newestFirst.slice(1, 3));
  });

  it('rejects a custom_id outside [a-zA-Z0-9_-]{1,64} or a duplicate one with 400', async () => {
    await expect(client.messages.batches.create({ requests: [request('has space', 'Hi?')] })).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    await expect(client.messages.batches.create({ requests: [request('dup', 'Hi?'), request('dup', 'Hi?')] })).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    await expect(client.messages.batches.retrieve('msgbatch_nope')).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });

  it('POST /_sim/batches/:id/finish with outcome failed errors every line of an Anthropic batch', async () => {
    simulator.setScenario('claude-haiku-4-5', { batch: { completionMs: 3_600_000 } });
    const created = await client.messages.batches.create({ requests: [request('x-1', 'Hi?'), request('x-2', 'Hi?')] });
    const response = await fetch(`${simulator.url}/_sim/batches/${created.id}/finish`, { method: 'POST', body: JSON.stringify({ outcome: 'failed' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ processing_status: 'ended', request_counts: { errored: 2 } });
    expect(simulator.stats().models['claude-haiku-4-5']).toMatchObject({ calls: 2, failures: 2, failuresByStatus: { '500': 2 } });
  });
});
