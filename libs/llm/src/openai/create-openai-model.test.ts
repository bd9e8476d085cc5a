import OpenAI from 'openai';
import { LlmError } from '../llm-error.js';
import { readJsonFixture } from '../testing/read-fixture.js';
import {
  createScriptedFetch,
  hangUntilAborted,
  jsonResponse,
  stalledBodyResponse,
  type RecordedRequest,
} from '../testing/scripted-fetch.js';
import { createOpenAiModel } from './create-openai-model.js';
import { sharedOpenAiClients } from './openai-client.js';

const completion = readJsonFixture('./__fixtures__/chat-completion.json', import.meta.url);
const messages = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Capital of France?' },
] as const;

function setup(respond: (request: RecordedRequest) => Response | Promise<Response>, modelId = 'gpt-4o') {
  const scripted = createScriptedFetch(respond);
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: 'http://provider.test/v1', maxRetries: 0, fetch: scripted.fetch });
  const model = createOpenAiModel({ provider: 'openai', modelId, apiKey: 'sk-test', client, headers: { 'x-tenant': 'acme' } });
  return { model, requests: scripted.requests };
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!LlmError.isInstance(error)) throw new Error(`expected an LlmError, got ${String(error)}`);
  return error;
}

describe('createOpenAiModel', () => {
  test('sends the chat completion request with mapped settings, headers and idempotency key', async () => {
    const { model, requests } = setup(() => jsonResponse(completion));
    await model.generate({
      messages,
      settings: { maxOutputTokens: 50, temperature: 0, stop: ['END'], seed: 1 },
      idempotencyKey: 'req-1:call-model:0',
    });

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe('http://provider.test/v1/chat/completions');
    expect(request?.method).toBe('POST');
    expect(request?.body).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Capital of France?' },
      ],
      max_tokens: 50,
      temperature: 0,
      stop: ['END'],
      seed: 1,
    });
    expect(request?.headers.get('idempotency-key')).toBe('req-1:call-model:0');
    expect(request?.headers.get('x-tenant')).toBe('acme');
    expect(request?.headers.get('authorization')).toBe('Bearer sk-test');
  });

  test('translates the answer: content, finish reason, usage, ids and the simulated flag', async () => {
    const { model } = setup(() =>
      jsonResponse(completion, { headers: { 'x-request-id': 'req_abc', 'x-ballast-simulated': 'true' } }),
    );
    const result = await model.generate({ messages, settings: {} });
    expect(result).toEqual({
      content: 'The capital of France is Paris.',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: 1117, outputTokens: 8, cachedInputTokens: 1024 },
      warnings: [],
      response: {
        id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
        modelId: 'gpt-4o-2024-08-06',
        requestId: 'req_abc',
        simulated: true,
      },
    });
  });

  test('a real provider is not marked simulated', async () => {
    const { model } = setup(() => jsonResponse(completion));
    expect((await model.generate({ messages, settings: {} })).response.simulated).toBe(false);
  });

  test('reasoning models get max_completion_tokens and warnings instead of errors', async () => {
    const { model, requests } = setup(() => jsonResponse(completion), 'o4-mini');
    const result = await model.generate({ messages, settings: { maxOutputTokens: 64, temperature: 0.5 } });
    expect(requests[0]?.body).toMatchObject({ max_completion_tokens: 64 });
    expect(requests[0]?.body).not.toHaveProperty('temperature');
    expect(result.warnings).toEqual([expect.objectContaining({ type: 'unsupported-setting', setting: 'temperature' })]);
  });

  test('a provider error becomes an LlmError with status, request id and Retry-After, after one request', async () => {
    const { model, requests } = setup(() =>
      jsonResponse({ error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } }, {
        status: 429,
        headers: { 'retry-after': '2', 'x-request-id': 'req_429' },
      }),
    );
    const error = await failure(model.generate({ messages, settings: {} }));
    expect(error).toMatchObject({ kind: 'rate-limited', statusCode: 429, retryAfterMs: 2000, requestId: 'req_429', message: 'slow down' });
    // Temporal owns retries: the SDK must not have retried on its own.
    expect(requests).toHaveLength(1);
  });

  test.each([
    ['invalid JSON', () => new Response('{"id": "chatcmpl-1", "choi', { status: 200, headers: { 'content-type': 'application/json' } })],
    ['HTML', () => new Response('<html>bad gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
    ['the wrong shape', () => jsonResponse({ id: 'chatcmpl-1', choices: [] })],
  ])('a 200 with %s is a malformed response', async (_label, respond) => {
    const { model } = setup(respond);
    const error = await failure(model.generate({ messages, settings: {} }));
    expect(error.kind).toBe('malformed-response');
    expect(error.isRetryable).toBe(true);
  });

  test('a provider that never answers ends as a timeout', async () => {
    const { model } = setup(hangUntilAborted);
    const error = await failure(model.generate({ messages, settings: {}, timeoutMs: 50 }));
    expect(error.kind).toBe('timeout');
    expect(error.isRetryable).toBe(true);
  });

  test('a body that stalls after the headers also ends as a timeout', async () => {
    const { model } = setup(stalledBodyResponse);
    const error = await failure(model.generate({ messages, settings: {}, timeoutMs: 50 }));
    expect(error.kind).toBe('timeout');
  });

  test("the caller's abort is rethrown as the caller's reason, not as a provider failure", async () => {
    const { model } = setup(hangUntilAborted);
    const controller = new AbortController();
    const reason = new Error('activity cancelled');
    const pending = model.generate({ messages, settings: {}, abortSignal: controller.signal, timeoutMs: 60_000 });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  test('a refused connection is a connection error', async () => {
    const { model } = setup(() => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') })));
    const error = await failure(model.generate({ messages, settings: {} }));
    expect(error.kind).toBe('connection');
    expect(error.message).toContain('ECONNREFUSED');
  });

  test('models of one endpoint and key share one SDK client', () => {
    const before = sharedOpenAiClients.size;
    createOpenAiModel({ provider: 'p', modelId: 'a', apiKey: 'shared-key', baseURL: 'http://shared.test/v1' });
    createOpenAiModel({ provider: 'p', modelId: 'b', apiKey: 'shared-key', baseURL: 'http://shared.test/v1' });
    expect(sharedOpenAiClients.size).toBe(before + 1);
    createOpenAiModel({ provider: 'p', modelId: 'b', apiKey: 'other-key', baseURL: 'http://shared.test/v1' });
    expect(sharedOpenAiClients.size).toBe(before + 2);
  });
});
