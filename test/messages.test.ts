import Anthropic from '@anthropic-ai/sdk';
import type { ChatResult } from '#libs/contracts';
import { STREAMING_TEST_CONFIG, useTestStack } from './support/stack-suite.js';
import { ADMIN_API_KEY, OTHER_TENANT_KEY, TEST_API_KEY, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the `ballast` extension fields
type Json = Record<string, any>;

let stack: TestStack;

useTestStack((started) => (stack = started), { config: STREAMING_TEST_CONFIG }, { resetStats: true });

/** The official Anthropic client pointed at Ballast: it sends the key as `x-api-key`. */
const anthropic = (apiKey = TEST_API_KEY) => new Anthropic({ baseURL: stack.apiUrl, apiKey, maxRetries: 0 });

const question = (content: string) => [{ role: 'user' as const, content }];

async function recordedResult(requestId: string): Promise<ChatResult> {
  return (await stack.client.workflow.getHandle(`chat-${requestId}`).result()) as ChatResult;
}

const requestIdOf = (messageId: string) => messageId.replace(/^msg_/, '');

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('POST /v1/messages (Anthropic Messages-compatible)', () => {
  test('a non-streaming message: the recorded answer, usage, the ballast object and headers', async () => {
    const { data: message, response } = await anthropic(OTHER_TENANT_KEY)
      .messages.create({ model: 'simple', max_tokens: 256, messages: question('Tell me about ballast.'), metadata: { user_id: 'end-user-42' } })
      .withResponse();

    const result = await recordedResult(requestIdOf(message.id));
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'gpt-4.1-mini', stop_reason: 'end_turn', stop_sequence: null });
    expect(message.content).toEqual([{ type: 'text', text: result.response.content }]);
    expect(message.usage).toMatchObject({ input_tokens: result.response.usage.inputTokens, output_tokens: result.response.usage.outputTokens });
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    const ballast = (message as unknown as Json)['ballast'];
    expect(ballast).toMatchObject({ request_id: result.requestId, cost_usd: result.costUsd, provider: 'openai', route: { name: 'simple' } });
    expect(result.costUsd).toBeGreaterThan(0);
    expect(response.headers.get('x-ballast-request-id')).toBe(result.requestId);
    expect(response.headers.get('x-ballast-cache')).toBe(ballast.cache.status);

    // metadata.user_id is the end user Ballast bills, as `user` is on /v1/chat/completions.
    const from = new Date().toISOString().slice(0, 10);
    const byUser = (await (await stack.api(`/v1/usage?group_by=user&from=${from}&tenant_id=tenant-b`, { key: ADMIN_API_KEY })).json()) as Json;
    expect(byUser['data']).toEqual([expect.objectContaining({ group: 'end-user-42', requests: 1, cost_usd: result.costUsd })]);
  });

  test('the system prompt reaches the provider', async () => {
    const ask = { model: 'simple', max_tokens: 256, messages: question('What is the name of the lighthouse keeper?') };
    const withSystem = await anthropic().messages.create({ ...ask, system: [{ type: 'text', text: 'The lighthouse keeper is named Marguerite Okonkwo.' }] });
    const without = await anthropic().messages.create(ask);
    const text = (message: Anthropic.Message) => message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    expect(text(withSystem)).toContain('Marguerite Okonkwo');
    expect(text(without)).not.toContain('Marguerite');
  });

  test('messages.stream(): text arrives before the workflow completes; finalMessage matches the record', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { outputTokens: 60, chunkDelayMs: 25 });
    const stream = anthropic().messages.stream({ model: 'streamed', max_tokens: 512, messages: question('Tell me about streaming.') });
    const texts: string[] = [];
    let statusAtFirstText: Promise<string> | undefined;
    stream.on('text', (text) => {
      texts.push(text);
      const id = stream.currentMessage?.id;
      if (statusAtFirstText === undefined && id) statusAtFirstText = stack.client.workflow.getHandle(`chat-${requestIdOf(id)}`).describe().then((described) => described.status.name);
    });
    const message = await stream.finalMessage();

    expect(await statusAtFirstText).toBe('RUNNING');
    expect(texts.length).toBeGreaterThan(10);
    const result = await recordedResult(requestIdOf(message.id));
    expect(texts.join('')).toBe(result.response.content);
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: result.response.content })]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({ input_tokens: result.response.usage.inputTokens, output_tokens: result.response.usage.outputTokens });
    expect(message.usage.input_tokens).toBeGreaterThan(0);

    // The raw events are Anthropic's, and message_delta carries the ballast object.
    const raw = await stack.api('/v1/messages', { json: { model: 'streamed', max_tokens: 128, messages: question('Hi there.'), stream: true } });
    expect(raw.headers.get('content-type')).toContain('text/event-stream');
    expect(raw.headers.get('x-ballast-cache')).toBe('bypass');
    const body = await raw.text();
    const names = [...body.matchAll(/^event: (.+)$/gm)].map((match) => match[1]);
    expect(names[0]).toBe('message_start');
    expect(names.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(body).toMatch(/"ballast":\{"event":"completed","request_id":"req_/);
    expect(body).toContain(`"request_id":"${raw.headers.get('x-ballast-request-id')}"`);
  });

  test('a stream cut after text was sent: by default the SDK raises instead of continuing with another attempt; the request still completes', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { outputTokens: 60, chunkDelayMs: 5, faults: [{ kind: 'cut-stream', afterChunks: 6, count: 1 }] });
    const stream = anthropic().messages.stream({ model: 'streamed', max_tokens: 512, messages: question('Explain retries.') });
    const texts: string[] = [];
    stream.on('text', (text) => texts.push(text));
    const error = await caught(stream.finalMessage());

    expect(error).toBeInstanceOf(Anthropic.APIError);
    const apiError = error as InstanceType<typeof Anthropic.APIError>;
    expect(apiError.type).toBe('api_error');
    expect(apiError.message).toContain("the answer's source changed");
    const change = (apiError.error as Json)['ballast'];
    expect(change).toMatchObject({ event: 'source-changed', reason: 'connection', retrying: true, from: { provider: 'openai', attempt: 1 } });
    expect(change.discarded_chars).toBe(texts.join('').length);
    expect(texts.join('').length).toBeGreaterThan(0);

    // The workflow went on: its retried answer is recorded, and it is not the text the client got.
    const result = await recordedResult(change.request_id);
    expect(result.attempts.map((attempt) => [attempt.attempt, attempt.outcome, attempt.errorKind])).toEqual([
      [1, 'error', 'connection'],
      [2, 'success', undefined],
    ]);
    expect((await stack.api(`/v1/requests/${change.request_id}`)).status).toBe(200);
  });

  test('x-ballast-source-change: restart — the dropped text keeps its own block, a ballast event says so, and the last block is the whole retried answer', async () => {
    stack.simulator.setScenario('gpt-4.1-mini', { outputTokens: 60, chunkDelayMs: 5, faults: [{ kind: 'cut-stream', afterChunks: 6, count: 1 }] });
    const stream = anthropic().messages.stream({ model: 'streamed', max_tokens: 512, messages: question('Explain retries again.') }, { headers: { 'x-ballast-source-change': 'restart' } });
    const changes: Json[] = [];
    stream.on('streamEvent', (event) => {
      if ((event as Json)['type'] === 'ballast') changes.push(event as Json);
    });
    const message = await stream.finalMessage();

    const result = await recordedResult(requestIdOf(message.id));
    expect(changes).toEqual([expect.objectContaining({ event: 'source-changed', reason: 'connection', retrying: true, discarded_block: 0 })]);
    expect(message.content).toHaveLength(2);
    const [dropped, answer] = message.content as Anthropic.TextBlock[];
    expect(dropped?.text.length).toBe(changes[0]?.['discarded_chars']);
    expect(answer?.text).toBe(result.response.content);
    expect(result.attempts.map((attempt) => attempt.outcome)).toEqual(['error', 'success']);
  });

  test('when every attempt fails, the SDK raises: an error event while streaming, an APIError with the status otherwise', async () => {
    stack.simulator.setScenario('gpt-4.1', { outputTokens: 40, faults: [{ kind: 'cut-stream', afterChunks: 4 }] });
    const stream = anthropic().messages.stream({ model: 'streamed-single', max_tokens: 256, messages: question('Explain failure.') }, { headers: { 'x-ballast-source-change': 'restart' } });
    const error = await caught(stream.finalMessage());
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).message).toContain('stream ended before');
    expect(((error as InstanceType<typeof Anthropic.APIError>).error as Json)['ballast']).toMatchObject({ event: 'failed', status: 502, type: '/problems/all-targets-failed' });

    stack.simulator.setScenario('gpt-4.1', { faults: [{ kind: 'status', status: 500 }] });
    const failed = await caught(anthropic().messages.create({ model: 'streamed-single', max_tokens: 256, messages: question('Explain failure again.') }));
    expect(failed).toBeInstanceOf(Anthropic.InternalServerError);
    expect((failed as InstanceType<typeof Anthropic.APIError>).status).toBe(502);
    expect((failed as InstanceType<typeof Anthropic.APIError>).type).toBe('api_error');
  });

  test('a bad body is a 400 problem+json the SDK raises as BadRequestError, naming the field', async () => {
    const missing = await caught(anthropic().messages.create({ model: 'simple', messages: question('Hi') } as unknown as Anthropic.MessageCreateParamsNonStreaming));
    expect(missing).toBeInstanceOf(Anthropic.BadRequestError);
    expect((missing as InstanceType<typeof Anthropic.APIError>).type).toBe('invalid_request_error');
    expect(((missing as InstanceType<typeof Anthropic.APIError>).error as Json)['issues']).toEqual([expect.objectContaining({ field: 'max_tokens' })]);

    const image = await stack.api('/v1/messages', {
      json: { model: 'simple', max_tokens: 64, messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }] }] },
    });
    expect(image.status).toBe(400);
    expect(image.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await image.json()) as Json;
    expect(problem).toMatchObject({ type: '/problems/invalid-request', status: 400, error: { type: 'invalid_request_error' } });
    expect(problem['issues']).toEqual([{ field: 'messages[0].content[1].type', message: expect.stringContaining("'image' are not supported") }]);

    const unknownModel = await caught(anthropic().messages.create({ model: 'no-such-model', max_tokens: 64, messages: question('Hi') }));
    expect(unknownModel).toBeInstanceOf(Anthropic.NotFoundError);
    expect(stack.simulator.stats().totals.calls).toBe(0);
  });

  test('no key or a wrong key is a 401 problem+json, not a stream', async () => {
    const wrong = await caught(anthropic('sk-not-a-real-key-123').messages.create({ model: 'simple', max_tokens: 64, messages: question('Hi'), stream: true }));
    expect(wrong).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((wrong as InstanceType<typeof Anthropic.APIError>).type).toBe('authentication_error');

    const none = await stack.api('/v1/messages', { key: null, json: { model: 'simple', max_tokens: 64, messages: question('Hi'), stream: true } });
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    expect(((await none.json()) as Json)['type']).toBe('/problems/missing-api-key');
  });

  test('the OpenAPI document describes it under the messages tag', async () => {
    const spec = (await (await stack.api('/docs/json', { key: null })).json()) as Json;
    const operation = spec['paths']?.['/v1/messages']?.['post'];
    expect(operation?.['tags']).toEqual(['messages']);
    expect(operation?.['requestBody']?.['content']?.['application/json']?.['schema']?.['required']).toEqual(expect.arrayContaining(['model', 'max_tokens', 'messages']));
  });
});
