import OpenAI from 'openai';
import type { ChatResult } from '#libs/contracts';
import { sharedInProcessStreamRelay } from '#libs/streaming';
import { drain, requestIdOf, visibleText } from './support/sse-chunks.js';
import { STREAMING_TEST_CONFIG, useTestStack } from './support/stack-suite.js';
import { ADMIN_API_KEY, OTHER_TENANT_KEY, TEST_API_KEY, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the `ballast` extension fields of chunks
type Json = Record<string, any>;

let stack: TestStack;

useTestStack((started) => (stack = started), { config: STREAMING_TEST_CONFIG }, { resetStats: true });

const question = (content: string) => [{ role: 'user' as const, content }];

async function recordedResult(requestId: string): Promise<ChatResult> {
  return (await stack.client.workflow.getHandle(`chat-${requestId}`).result()) as ChatResult;
}

describe('stream: true through the durable workflow', () => {
  test('the official openai client streams deltas before the workflow completes; text, usage and cost match the record', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { outputTokens: 60, chunkDelayMs: 25 });
    const openai = new OpenAI({ baseURL: `${stack.apiUrl}/v1`, apiKey: OTHER_TENANT_KEY, maxRetries: 0 });
    const stream = await openai.chat.completions.create({ model: 'streamed', messages: question('Tell me about ballast.'), stream: true, stream_options: { include_usage: true } });
    let statusAtFirstDelta: string | undefined;
    const { chunks, error } = await drain(stream, async (chunk) => {
      if (statusAtFirstDelta === undefined && chunk['choices']?.[0]?.delta?.content) {
        statusAtFirstDelta = (await stack.client.workflow.getHandle(`chat-${String(chunk['id']).replace(/^chatcmpl-/, '')}`).describe()).status.name;
      }
    });

    expect(error).toBeUndefined();
    expect(statusAtFirstDelta).toBe('RUNNING');
    expect(chunks.every((chunk) => chunk['object'] === 'chat.completion.chunk')).toBe(true);
    const contentChunks = chunks.filter((chunk) => chunk['choices']?.[0]?.delta?.content);
    expect(contentChunks.length).toBeGreaterThan(10);
    expect(chunks.some((chunk) => chunk['ballast']?.event === 'source-changed')).toBe(false);

    const result = await recordedResult(requestIdOf(chunks));
    expect(visibleText(chunks)).toBe(result.response.content);
    const finish = chunks.find((chunk) => chunk['choices']?.[0]?.finish_reason);
    expect(finish?.['choices'][0].finish_reason).toBe('stop');
    expect(finish?.['ballast']).toMatchObject({ event: 'completed', request_id: result.requestId, cost_usd: result.costUsd, cache: { status: 'bypass', reason: 'streaming' } });
    const usage = chunks.at(-1)?.['usage'];
    expect(usage).toMatchObject({ prompt_tokens: result.response.usage.inputTokens, completion_tokens: result.response.usage.outputTokens });
    expect(usage.completion_tokens).toBeGreaterThan(0);

    // The ledger holds exactly the recorded cost of this tenant's one request.
    const from = new Date().toISOString().slice(0, 10);
    const spent = (await (await stack.api(`/v1/usage?group_by=model&from=${from}&tenant_id=tenant-b`, { key: ADMIN_API_KEY })).json()) as Json;
    expect(spent['total']).toMatchObject({ requests: 1, cost_usd: result.costUsd });
    expect(result.costUsd).toBeGreaterThan(0);
  });

  test('a stream cut mid-answer: the client is told the source changed and gets the whole retried answer', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { outputTokens: 60, chunkDelayMs: 5, faults: [{ kind: 'cut-stream', afterChunks: 6, count: 1 }] });
    const openai = new OpenAI({ baseURL: `${stack.apiUrl}/v1`, apiKey: TEST_API_KEY, maxRetries: 0 });
    const { chunks, error } = await drain(await openai.chat.completions.create({ model: 'streamed', messages: question('Explain retries.'), stream: true }));

    expect(error).toBeUndefined();
    const changeIndex = chunks.findIndex((chunk) => chunk['ballast']?.event === 'source-changed');
    expect(changeIndex).toBeGreaterThan(0);
    const change = chunks[changeIndex]?.['ballast'];
    expect(change).toMatchObject({ reason: 'connection', retrying: true, from: { provider: 'openai', model: 'gpt-4.1-mini', attempt: 1 } });
    expect(change.discarded_chars).toBeGreaterThan(0);
    expect(chunks.slice(0, changeIndex).some((chunk) => chunk['choices']?.[0]?.delta?.content)).toBe(true);

    const result = await recordedResult(requestIdOf(chunks));
    expect(visibleText(chunks)).toBe(result.response.content);
    expect(result.attempts.map((attempt) => [attempt.attempt, attempt.outcome, attempt.errorKind])).toEqual([
      [1, 'error', 'connection'],
      [2, 'success', undefined],
    ]);
  });

  test('a target whose streams keep breaking falls back, and the fallback answer is streamed from the start', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { outputTokens: 40, faults: [{ kind: 'cut-stream', afterChunks: 4 }] });
    const openai = new OpenAI({ baseURL: `${stack.apiUrl}/v1`, apiKey: TEST_API_KEY, maxRetries: 0 });
    const { chunks, error } = await drain(await openai.chat.completions.create({ model: 'streamed', messages: question('Explain fallbacks.'), stream: true }));

    expect(error).toBeUndefined();
    const changes = chunks.filter((chunk) => chunk['ballast']?.event === 'source-changed').map((chunk) => chunk['ballast']);
    expect(changes.map((change) => [change.from.model, change.retrying])).toEqual([
      ['gpt-4.1-mini', true],
      ['gpt-4.1-mini', false],
    ]);
    const result = await recordedResult(requestIdOf(chunks));
    expect(result.response.provider).toBe('anthropic');
    expect(visibleText(chunks)).toBe(result.response.content);
  });

  test('when every attempt breaks, the stream ends with an explicit error event, never a clean end', async () => {
    stack.simulator.setScenario('gpt-4.1', { outputTokens: 40, faults: [{ kind: 'cut-stream', afterChunks: 4 }] });
    const openai = new OpenAI({ baseURL: `${stack.apiUrl}/v1`, apiKey: TEST_API_KEY, maxRetries: 0 });
    const { chunks, error } = await drain(await openai.chat.completions.create({ model: 'streamed-single', messages: question('Explain failure.'), stream: true }));

    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain('stream ended before');
    expect(chunks.some((chunk) => chunk['choices']?.[0]?.finish_reason)).toBe(false);
    expect(chunks.filter((chunk) => chunk['ballast']?.event === 'source-changed').map((chunk) => chunk['ballast'].retrying)).toEqual([true, false]);

    const raw = await stack.api('/v1/chat/completions', { json: { model: 'streamed-single', messages: question('Explain failure again.'), stream: true } });
    expect(raw.headers.get('content-type')).toContain('text/event-stream');
    const text = await raw.text();
    expect(text).toMatch(/data: \{"error":\{"message":"[^"]*stream ended before/);
    expect(text).toContain('"type":"all-targets-failed"');
    expect(text).not.toContain('[DONE]');
  });

  test('a client that leaves mid-stream: the workflow still completes, and the relay keeps no subscription', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { outputTokens: 80, chunkDelayMs: 20 });
    const openai = new OpenAI({ baseURL: `${stack.apiUrl}/v1`, apiKey: TEST_API_KEY, maxRetries: 0 });
    const leaving = new AbortController();
    const stream = await openai.chat.completions.create({ model: 'streamed', messages: question('A long answer, please.'), stream: true }, { signal: leaving.signal });
    let requestId: string | undefined;
    await drain(stream, async (chunk) => {
      requestId ??= String(chunk['id']).replace(/^chatcmpl-/, '');
      if (chunk['choices']?.[0]?.delta?.content) leaving.abort();
    });
    expect(requestId).toBeDefined();

    const result = await recordedResult(requestId ?? '');
    expect(result.response.content.length).toBeGreaterThan(0);
    const deadline = Date.now() + 5_000;
    while (sharedInProcessStreamRelay.activeRequests > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sharedInProcessStreamRelay.activeRequests).toBe(0);
    expect((await stack.api('/health/live', { key: null })).status).toBe(200);
  });

  test('a wrong API key gets 401 problem+json, not a stream', async () => {
    const response = await stack.api('/v1/chat/completions', { key: 'sk-not-a-real-key-123', json: { model: 'streamed', messages: question('Hi'), stream: true } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as Json)['type']).toBe('/problems/invalid-api-key');
  });
});
