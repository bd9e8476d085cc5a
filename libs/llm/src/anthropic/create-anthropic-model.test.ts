import Anthropic from '@anthropic-ai/sdk';
import { LlmError } from '../llm-error.js';
import { readJsonFixture } from '../testing/read-fixture.js';
import { createScriptedFetch, hangUntilAborted, jsonResponse, type RecordedRequest } from '../testing/scripted-fetch.js';
import { sharedAnthropicClients } from './anthropic-client.js';
import { createAnthropicModel } from './create-anthropic-model.js';

const message = readJsonFixture('./__fixtures__/message.json', import.meta.url);
const truncated = readJsonFixture('./__fixtures__/message-max-tokens.json', import.meta.url);
const messages = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Capital of France?' },
] as const;

function setup(respond: (request: RecordedRequest) => Response | Promise<Response>) {
  const scripted = createScriptedFetch(respond);
  const client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: 'http://provider.test', maxRetries: 0, fetch: scripted.fetch });
  const model = createAnthropicModel({ provider: 'anthropic', modelId: 'claude-haiku-4-5', apiKey: 'sk-ant-test', client });
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

describe('createAnthropicModel', () => {
  test('sends a Messages request: system apart, default max_tokens, idempotency key', async () => {
    const { model, requests } = setup(() => jsonResponse(message));
    const result = await model.generate({ messages, settings: { stop: ['END'], temperature: 0.3 }, idempotencyKey: 'req-9:call-model:1' });

    const [request] = requests;
    expect(request?.url).toBe('http://provider.test/v1/messages');
    expect(request?.body).toEqual({
      model: 'claude-haiku-4-5',
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Capital of France?' }],
      max_tokens: 1024,
      stop_sequences: ['END'],
    });
    expect(request?.headers.get('idempotency-key')).toBe('req-9:call-model:1');
    expect(result.warnings).toEqual([expect.objectContaining({ setting: 'temperature' })]);
  });

  test('translates the answer: joined text, finish reason, usage with cache, ids, simulated flag', async () => {
    const { model } = setup(() => jsonResponse(message, { headers: { 'request-id': 'req_011', 'x-ballast-simulated': 'true' } }));
    expect(await model.generate({ messages, settings: {} })).toEqual({
      content: 'The capital of France is Paris.',
      finishReason: { unified: 'stop', raw: 'end_turn' },
      usage: { inputTokens: 2160, outputTokens: 9, cachedInputTokens: 2048 },
      warnings: [],
      response: { id: 'msg_01XFDUDYJgAACzvnptvVoYEL', modelId: 'claude-sonnet-4-5-20250929', requestId: 'req_011', simulated: true },
    });
  });

  test('max_tokens is finish reason length', async () => {
    const { model } = setup(() => jsonResponse(truncated));
    const result = await model.generate({ messages, settings: { maxOutputTokens: 3 } });
    expect(result.finishReason).toEqual({ unified: 'length', raw: 'max_tokens' });
  });

  test('529 overloaded becomes an LlmError after exactly one request', async () => {
    const { model, requests } = setup(() =>
      jsonResponse({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, { status: 529, headers: { 'request-id': 'req_x' } }),
    );
    const error = await failure(model.generate({ messages, settings: {} }));
    expect(error).toMatchObject({ kind: 'overloaded', statusCode: 529, requestId: 'req_x', provider: 'anthropic' });
    expect(requests).toHaveLength(1);
  });

  test('a 200 that is not a message is a malformed response', async () => {
    const { model } = setup(() => jsonResponse({ type: 'message', content: 'not an array' }));
    expect((await failure(model.generate({ messages, settings: {} }))).kind).toBe('malformed-response');
  });

  test('a provider that never answers ends as a timeout', async () => {
    const { model } = setup(hangUntilAborted);
    expect((await failure(model.generate({ messages, settings: {}, timeoutMs: 50 }))).kind).toBe('timeout');
  });

  test('no user or assistant message is a bad request, sent nowhere', async () => {
    const { model, requests } = setup(() => jsonResponse(message));
    const error = await failure(model.generate({ messages: [{ role: 'system', content: 'S' }], settings: {} }));
    expect(error.kind).toBe('bad-request');
    expect(requests).toHaveLength(0);
  });

  test('models of one endpoint and key share one SDK client', () => {
    const before = sharedAnthropicClients.size;
    createAnthropicModel({ provider: 'anthropic', modelId: 'a', apiKey: 'k', baseURL: 'http://shared.test' });
    createAnthropicModel({ provider: 'anthropic', modelId: 'b', apiKey: 'k', baseURL: 'http://shared.test' });
    expect(sharedAnthropicClients.size).toBe(before + 1);
  });
});
