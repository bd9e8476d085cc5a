import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator, type Scenario, type SimulatorHandle } from '#apps/simulator';
import type { ChatMessage } from '#libs/contracts';
import { LlmError } from '../llm-error.js';
import { createAnthropicBatchClient } from './anthropic-batch-client.js';
import type { BatchLineOutcome, BatchPollResult, BatchProviderClient, BatchSubmitLine } from './batch-provider.js';
import { createBatchProviderClient } from './create-batch-provider-client.js';
import { createOpenAiBatchClient } from './openai-batch-client.js';

/** What each implementation hands the shared cases. */
interface BatchContractSubject {
  readonly name: string;
  readonly createClient: (simulatorUrl: string) => BatchProviderClient;
  /**
   * Whether a retried submit finds a batch that is still running. OpenAI's batches carry the job
   * key in metadata; Anthropic's can only be recognised by their results, once they ended.
   */
  readonly findsRunningBatch: boolean;
}

const subjects: BatchContractSubject[] = [
  {
    name: 'openai (Files + Batch API, official openai SDK)',
    createClient: (url) => createOpenAiBatchClient({ provider: 'simulated-openai', apiKey: 'sk-simulated', baseURL: `${url}/v1` }),
    findsRunningBatch: true,
  },
  {
    name: 'anthropic (Message Batches, official @anthropic-ai/sdk)',
    createClient: (url) => createAnthropicBatchClient({ provider: 'simulated-anthropic', apiKey: 'sk-ant-simulated', baseURL: url }),
    findsRunningBatch: false,
  },
];

const ENDED = new Set(['completed', 'failed', 'cancelled', 'expired']);

const ask = (text: string): ChatMessage[] => [
  { role: 'system', content: 'Answer briefly.' },
  { role: 'user', content: text },
];

function lines(...customIds: string[]): BatchSubmitLine[] {
  return customIds.map((customId) => ({ customId, messages: ask(`Question ${customId}?`), settings: { maxOutputTokens: 200 } }));
}

async function pollUntilEnded(client: BatchProviderClient, batchId: string): Promise<BatchPollResult> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const poll = await client.poll(batchId);
    if (ENDED.has(poll.status)) return poll;
    await sleep(20);
  }
  throw new Error(`batch ${batchId} did not end`);
}

async function collect(client: BatchProviderClient, batchId: string): Promise<BatchLineOutcome[]> {
  const outcomes: BatchLineOutcome[] = [];
  for await (const outcome of client.results(batchId)) outcomes.push(outcome);
  return outcomes;
}

describe.each(subjects)('BatchProviderClient contract: $name', (subject) => {
  let simulator: SimulatorHandle;
  let client: BatchProviderClient;

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 7 });
    client = subject.createClient(simulator.url);
  });
  afterAll(() => simulator.close());

  /** A model id unique to the test, so scenarios never leak between tests. */
  function modelWith(name: string, scenario: Scenario): string {
    const model = `batch-contract-${name}`;
    simulator.setScenario(model, scenario);
    return model;
  }

  test('submit → poll until completed → results give every custom_id exactly once, with usage', async () => {
    const model = modelWith('happy', { batch: { completionMs: 200 } });
    const customIds = ['a-1', 'a-2', 'with spaces/and ünïcode', 'x'.repeat(45), 'a-5'];
    const submitted = await client.submit({ jobKey: 'job-happy', model, lines: [...lines(...customIds.slice(0, 4)), { customId: 'a-5', messages: ask('Tell me a long story.'), settings: { maxOutputTokens: 3 } }] });
    expect(submitted.providerBatchId).toEqual(expect.any(String));

    const poll = await pollUntilEnded(client, submitted.providerBatchId);
    expect(poll).toEqual({ status: 'completed', counts: { total: 5, completed: 5, failed: 0 } });

    const outcomes = await collect(client, submitted.providerBatchId);
    expect(outcomes.map((outcome) => outcome.customId).sort()).toEqual([...customIds].sort());
    for (const outcome of outcomes) {
      if (outcome.outcome !== 'succeeded') throw new Error(`${outcome.customId} failed: ${outcome.message}`);
      expect(`[simulated ${model}] `.startsWith(outcome.content) || outcome.content.startsWith(`[simulated ${model}] `)).toBe(true);
      expect(outcome.modelId).toBe(model);
      expect(outcome.responseId).toEqual(expect.any(String));
      expect(outcome.usage.inputTokens).toBeGreaterThan(0);
      expect(outcome.usage.outputTokens).toBe(Math.ceil(outcome.content.length / 4));
      expect(outcome.usage.cachedInputTokens).toBe(0);
      expect(outcome.finishReason).toBe(outcome.customId === 'a-5' ? 'length' : 'stop');
    }
    // The simulator billed exactly the lines' tokens.
    const billed = simulator.stats().models[model];
    expect(billed?.successes).toBe(5);
    expect(billed?.outputTokens).toBe(outcomes.reduce((sum, outcome) => sum + (outcome.outcome === 'succeeded' ? (outcome.usage.outputTokens ?? 0) : 0), 0));
  });

  test('a per-line failure arrives as a failed outcome with the error kind a chat call would get', async () => {
    const model = modelWith('failures', { contextWindow: 1100, batch: { completionMs: 0, failLines: { customIds: ['b-2'], status: 429, message: 'Too many requests in this line.' } } });
    const batchLines = [...lines('b-1', 'b-2'), { customId: 'b-3', messages: ask('Summarise this. '.repeat(30)), settings: { maxOutputTokens: 1024 } }];
    const { providerBatchId } = await client.submit({ jobKey: 'job-failures', model, lines: batchLines });
    expect(await pollUntilEnded(client, providerBatchId)).toEqual({ status: 'completed', counts: { total: 3, completed: 1, failed: 2 } });

    const byId = new Map((await collect(client, providerBatchId)).map((outcome) => [outcome.customId, outcome]));
    expect(byId.size).toBe(3);
    expect(byId.get('b-1')?.outcome).toBe('succeeded');
    expect(byId.get('b-2')).toMatchObject({ outcome: 'failed', errorKind: 'rate-limited', message: 'Too many requests in this line.' });
    expect(byId.get('b-3')).toMatchObject({ outcome: 'failed', errorKind: 'context-length-exceeded' });
  });

  test('a repeated submit with the same jobKey returns the same provider batch; another jobKey gets its own', async () => {
    const model = modelWith('idempotent', { batch: { completionMs: 0 } });
    const first = await client.submit({ jobKey: 'job-repeat', model, lines: lines('r-1', 'r-2') });
    await pollUntilEnded(client, first.providerBatchId);
    const again = await client.submit({ jobKey: 'job-repeat', model, lines: lines('r-1', 'r-2') });
    expect(again.providerBatchId).toBe(first.providerBatchId);

    const other = await client.submit({ jobKey: 'job-other', model, lines: lines('r-1', 'r-2') });
    expect(other.providerBatchId).not.toBe(first.providerBatchId);
  });

  test(`a submit retried while the first batch still runs ${subject.findsRunningBatch ? 'finds it' : 'cannot recognise it and creates another'}`, async () => {
    const model = modelWith('idempotent-running', { batch: { completionMs: 60_000 } });
    const first = await client.submit({ jobKey: 'job-running', model, lines: lines('s-1') });
    const again = await client.submit({ jobKey: 'job-running', model, lines: lines('s-1') });
    if (subject.findsRunningBatch) expect(again.providerBatchId).toBe(first.providerBatchId);
    else expect(again.providerBatchId).not.toBe(first.providerBatchId);
    await client.cancel(first.providerBatchId);
    await client.cancel(again.providerBatchId);
  });

  test('cancel: the batch ends cancelled, lines that never ran are left out of the results, a second cancel is harmless', async () => {
    const model = modelWith('cancel', { batch: { completionMs: 60_000, cancelMs: 500 } });
    const { providerBatchId } = await client.submit({ jobKey: 'job-cancel', model, lines: lines('c-1', 'c-2', 'c-3') });
    expect((await client.poll(providerBatchId)).status).toBe('in_progress');
    await client.cancel(providerBatchId);
    expect((await client.poll(providerBatchId)).status).toBe('cancelling');
    const poll = await pollUntilEnded(client, providerBatchId);
    expect(poll.status).toBe('cancelled');
    expect(poll.counts).toMatchObject({ total: 3, completed: 0, failed: 0 });
    expect(await collect(client, providerBatchId)).toEqual([]);
    await expect(client.cancel(providerBatchId)).resolves.toBeUndefined();
  });

  test('expiry: the batch ends expired with the lines that finished before it', async () => {
    const model = modelWith('expiry', { batch: { completionMs: 0, outcome: 'expired', expireAfterLines: 1 } });
    const { providerBatchId } = await client.submit({ jobKey: 'job-expiry', model, lines: lines('e-1', 'e-2', 'e-3') });
    expect((await pollUntilEnded(client, providerBatchId)).status).toBe('expired');
    expect((await collect(client, providerBatchId)).map((outcome) => [outcome.customId, outcome.outcome])).toEqual([['e-1', 'succeeded']]);
  });

  test('provider errors are LlmErrors with their kind', async () => {
    const error = await client.poll('batch_does_not_exist').catch((caught: unknown) => caught);
    expect(LlmError.isInstance(error)).toBe(true);
    expect((error as LlmError).kind).toBe('not-found');
  });
});

describe('createBatchProviderClient', () => {
  test('returns a client for openai and anthropic, none for openai-compatible providers', () => {
    expect(createBatchProviderClient({ name: 'openai', kind: 'openai', apiKey: 'k' })?.provider).toBe('openai');
    expect(createBatchProviderClient({ name: 'claude', kind: 'anthropic', apiKey: 'k' })?.provider).toBe('claude');
    expect(createBatchProviderClient({ name: 'vllm', kind: 'openai-compatible', apiKey: 'k', baseURL: 'http://localhost:8000/v1' })).toBeUndefined();
  });
});
