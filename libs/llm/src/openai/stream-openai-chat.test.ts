import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import type { GenerateResult } from '../language-model.js';
import { LlmError } from '../llm-error.js';
import { createScriptedFetch, type RecordedRequest } from '../testing/scripted-fetch.js';
import { createOpenAiModel } from './create-openai-model.js';

/** A recorded OpenAI stream: deltas, a finish_reason chunk, the usage chunk, [DONE]. */
const recorded = readFileSync(new URL('./__fixtures__/chat-completion.chunks.txt', import.meta.url), 'utf8');
const events = recorded.split('\n\n').filter((event) => event.trim().length > 0);

function eventStream(body: string): Response {
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_123' } });
}

function setup(respond: (request: RecordedRequest) => Response) {
  const scripted = createScriptedFetch(respond);
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: 'http://provider.test/v1', maxRetries: 0, fetch: scripted.fetch });
  return { model: createOpenAiModel({ provider: 'openai', modelId: 'gpt-4o', apiKey: 'sk-test', client }), requests: scripted.requests };
}

async function drain(stream: AsyncIterable<{ type: string; text?: string; result?: GenerateResult }>) {
  const deltas: string[] = [];
  let result: GenerateResult | undefined;
  let error: unknown;
  try {
    for await (const part of stream) {
      if (part.type === 'text-delta') deltas.push(part.text ?? '');
      else result = part.result;
    }
  } catch (caught) {
    error = caught;
  }
  return { deltas, result, error };
}

describe('streamOpenAiChat', () => {
  test('asks for usage in the stream and returns the whole answer with exact usage', async () => {
    const { model, requests } = setup(() => eventStream(recorded));
    const { deltas, result, error } = await drain(model.stream!({ messages: [{ role: 'user', content: 'Capital of France?' }], settings: { maxOutputTokens: 50 }, idempotencyKey: 'req_1:call-model:0' }));

    expect(error).toBeUndefined();
    expect(requests[0]?.body).toMatchObject({ model: 'gpt-4o', stream: true, stream_options: { include_usage: true }, max_tokens: 50 });
    expect(requests[0]?.headers.get('idempotency-key')).toBe('req_1:call-model:0');
    expect(deltas).toEqual(['Paris', ' is the capital.']);
    expect(result).toMatchObject({
      content: 'Paris is the capital.',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: 21, outputTokens: 6, cachedInputTokens: 0 },
      response: { id: 'chatcmpl-abc', modelId: 'gpt-4o-2024-08-06', requestId: 'req_123' },
    });
  });

  test('a stream that ends cleanly without its usage chunk is a retryable connection error, not an answer', async () => {
    const withoutUsage = events.filter((event) => !event.includes('"usage":{')).join('\n\n') + '\n\n';
    const { model } = setup(() => eventStream(withoutUsage));
    const { deltas, result, error } = await drain(model.stream!({ messages: [{ role: 'user', content: 'Hi' }], settings: {} }));

    expect(deltas.join('')).toBe('Paris is the capital.');
    expect(result).toBeUndefined();
    expect(LlmError.isInstance(error) && error.kind === 'connection' && error.isRetryable).toBe(true);
    expect((error as LlmError).message).toContain('usage chunk');
  });

  test('a stream that ends without a finish_reason is a retryable connection error', async () => {
    const { model } = setup(() => eventStream(`${events.slice(0, 2).join('\n\n')}\n\n`));
    const { deltas, result, error } = await drain(model.stream!({ messages: [{ role: 'user', content: 'Hi' }], settings: {} }));

    expect(deltas).toEqual(['Paris']);
    expect(result).toBeUndefined();
    expect(LlmError.isInstance(error) && error.kind === 'connection').toBe(true);
    expect((error as LlmError).message).toContain('finish_reason after 5 characters');
  });

  test('an error event mid-stream is a retryable failure carrying the provider message', async () => {
    const { model } = setup(() => eventStream(`${events.slice(0, 2).join('\n\n')}\n\ndata: {"error":{"message":"The server had an error","type":"server_error"}}\n\n`));
    const { error } = await drain(model.stream!({ messages: [{ role: 'user', content: 'Hi' }], settings: {} }));

    expect(LlmError.isInstance(error) && error.isRetryable).toBe(true);
    expect((error as LlmError).message).toContain('The server had an error');
  });
});
