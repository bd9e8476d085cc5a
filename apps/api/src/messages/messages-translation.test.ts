import { Readable } from 'node:stream';
import Anthropic from '@anthropic-ai/sdk';
import type { ChatStreamSource } from '#libs/streaming';
import type { OpenAiChatCompletion } from '../chat/to-openai-response.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { AnthropicEventStream, type SourceChangePolicy } from './anthropic-event-stream.js';
import { MessagesRequestSchema, type MessagesRequestBody } from './messages-request.dto.js';
import { anthropicErrorType, toAnthropicMessage, toAnthropicStopReason, withAnthropicError } from './to-anthropic-message.js';
import { toChatCompletionBody } from './to-chat-completion-body.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading event JSON
type Json = Record<string, any>;

const first: ChatStreamSource = { targetIndex: 0, attempt: 1, provider: 'openai', model: 'gpt-4.1-mini' };
const second: ChatStreamSource = { ...first, attempt: 2 };

function completion(content: string, finishReason = 'stop'): OpenAiChatCompletion {
  return {
    model: 'gpt-4.1-mini',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason, logprobs: null }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    ballast: { request_id: 'req_1', cost_usd: 0.0001, cache: { status: 'bypass' } },
  } as unknown as OpenAiChatCompletion;
}

const pipe = new ZodBodyPipe(MessagesRequestSchema);

function rejected(body: unknown): Json {
  try {
    pipe.transform(body);
  } catch (error) {
    if (ProblemError.isInstance(error)) return error.problem as Json;
    throw error;
  }
  throw new Error('the body was accepted');
}

const valid = { model: 'auto', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] };

describe('MessagesRequestSchema', () => {
  test('accepts strings and text blocks, for messages and system', () => {
    const body = pipe.transform({ ...valid, system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }], messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] });
    expect(body.system).toEqual([{ type: 'text', text: 'Be brief.' }]);
    expect(body.messages[0]?.content).toEqual([{ type: 'text', text: 'Hi' }]);
  });

  test('max_tokens is required, as Anthropic requires it', () => {
    const { max_tokens: _omitted, ...body } = valid;
    const found = rejected(body);
    expect(found['status']).toBe(400);
    expect(found['issues']).toEqual([expect.objectContaining({ field: 'max_tokens', message: expect.stringContaining('max_tokens is required') })]);
  });

  test('an image or tool_use block is refused, naming the field that holds it', () => {
    const image = rejected({ ...valid, messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AA==' } }] }] });
    expect(image['issues']).toEqual([{ field: 'messages[0].content[1].type', message: expect.stringContaining("type 'image' are not supported") }]);
    const toolUse = rejected({ ...valid, messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: {} }] }] });
    expect(toolUse['issues'][0]['field']).toBe('messages[1].content[0].type');
    expect(rejected({ ...valid, tools: [{ name: 'f', input_schema: {} }] })['issues'][0]).toEqual({ field: 'tools', message: 'tools is not supported yet' });
    expect(rejected({ ...valid, messages: [{ role: 'system', content: 'x' }] })['issues'][0]['field']).toBe('messages[0].role');
  });
});

describe('toChatCompletionBody', () => {
  test('system first, blocks as paragraphs, stop sequences, the end user and Ballast options', () => {
    const body: MessagesRequestBody = pipe.transform({
      model: 'simple',
      max_tokens: 100,
      system: [{ type: 'text', text: 'You are terse.' }, { type: 'text', text: 'Answer in French.' }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'One.' }, { type: 'text', text: 'Two?' }] },
        { role: 'assistant', content: 'Un.' },
        { role: 'user', content: 'Trois?' },
      ],
      temperature: 0.2,
      top_p: 0.9,
      stop_sequences: ['END'],
      stream: true,
      metadata: { user_id: 'end-user-7' },
      ballast: { conversation_id: 'c-1' },
    });
    expect(toChatCompletionBody(body)).toEqual({
      model: 'simple',
      messages: [
        { role: 'system', content: 'You are terse.\n\nAnswer in French.' },
        { role: 'user', content: 'One.\n\nTwo?' },
        { role: 'assistant', content: 'Un.' },
        { role: 'user', content: 'Trois?' },
      ],
      max_tokens: 100,
      temperature: 0.2,
      top_p: 0.9,
      stop: ['END'],
      stream: true,
      user: 'end-user-7',
      ballast: { conversation_id: 'c-1' },
    });
  });

  test('without system nor options: only the turns and max_tokens', () => {
    expect(toChatCompletionBody(pipe.transform(valid))).toEqual({ model: 'auto', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 64 });
  });
});

describe('toAnthropicMessage', () => {
  test('stop reasons in Anthropic terms', () => {
    expect(toAnthropicStopReason('stop')).toBe('end_turn');
    expect(toAnthropicStopReason('length')).toBe('max_tokens');
    expect(toAnthropicStopReason('stop', 'END')).toBe('stop_sequence');
    expect(toAnthropicStopReason('content_filter')).toBe('refusal');
  });

  test("a completion becomes Anthropic's message, with the ballast object", () => {
    expect(toAnthropicMessage(completion('Bonjour', 'length'))).toEqual({
      id: 'msg_req_1',
      type: 'message',
      role: 'assistant',
      model: 'gpt-4.1-mini',
      content: [{ type: 'text', text: 'Bonjour' }],
      stop_reason: 'max_tokens',
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 5 },
      ballast: { request_id: 'req_1', cost_usd: 0.0001, cache: { status: 'bypass' } },
    });
  });

  test('problems keep their fields and get an Anthropic-style error member', () => {
    expect(anthropicErrorType(401)).toBe('authentication_error');
    expect(anthropicErrorType(502)).toBe('api_error');
    expect(withAnthropicError(problem('unknown-model', 404, 'Unknown Model', 'no such model'))).toMatchObject({
      type: '/problems/unknown-model',
      status: 404,
      detail: 'no such model',
      error: { type: 'not_found_error', message: 'no such model', code: 'unknown-model' },
    });
  });
});

/** The raw events of a finished stream: `[event name, data]`. */
async function events(stream: AnthropicEventStream): Promise<Array<[string, Json]>> {
  let body = '';
  for await (const piece of stream.body) body += String(piece);
  return body
    .split('\n\n')
    .filter((event) => event.length > 0)
    .map((event) => {
      const [name, data] = event.split('\n');
      return [String(name).replace(/^event: /, ''), JSON.parse(String(data).replace(/^data: /, '')) as Json];
    });
}

/** A client of the real SDK whose every response is the body of `stream`. */
function sdkReading(stream: AnthropicEventStream): Anthropic {
  const fetchStream = async () => new Response(Readable.toWeb(stream.body) as ReadableStream, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  return new Anthropic({ apiKey: 'unused', baseURL: 'http://ballast.test', maxRetries: 0, fetch: fetchStream });
}

const streamParams = { model: 'auto', max_tokens: 64, messages: [{ role: 'user' as const, content: 'Hi' }] };

function feed(stream: AnthropicEventStream, ...texts: Array<[ChatStreamSource, string]>): void {
  for (const [source, text] of texts) stream.onRelayEvent({ type: 'text-delta', source, text });
}

describe('AnthropicEventStream', () => {
  test("Anthropic's event sequence; the SDK's finalMessage has the text, usage and stop reason", async () => {
    const stream = new AnthropicEventStream('req_1', 'auto');
    const client = sdkReading(stream);
    const sdkStream = client.messages.stream(streamParams);
    const texts: string[] = [];
    sdkStream.on('text', (text) => texts.push(text));
    feed(stream, [first, 'Hel'], [first, 'lo']);
    stream.complete(completion('Hello'));
    const message = await sdkStream.finalMessage();

    expect(texts).toEqual(['Hel', 'lo']);
    expect(message).toMatchObject({ id: 'msg_req_1', model: 'gpt-4.1-mini', content: [{ type: 'text', text: 'Hello' }], stop_reason: 'end_turn', usage: { input_tokens: 10, output_tokens: 5 } });
  });

  test('the raw events, with ballast on message_delta', async () => {
    const stream = new AnthropicEventStream('req_1', 'auto');
    feed(stream, [first, 'Hel'], [first, 'lo']);
    stream.complete(completion('Hello'));
    const raw = await events(stream);
    expect(raw.map(([name]) => name)).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(raw.every(([name, data]) => data['type'] === name)).toBe(true);
    expect(raw[5]?.[1]).toMatchObject({ delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 5 }, ballast: { event: 'completed', request_id: 'req_1' } });
  });

  test('nothing streamed (split deployment): the recorded answer as one block; an empty answer is one empty block', async () => {
    const whole = new AnthropicEventStream('req_1', 'auto');
    whole.complete(completion('Whole answer'));
    expect((await events(whole)).filter(([name]) => name === 'content_block_delta').map(([, data]) => data['delta'].text)).toEqual(['Whole answer']);

    const empty = new AnthropicEventStream('req_2', 'auto');
    empty.complete(completion(''));
    expect((await events(empty)).map(([name]) => name)).toEqual(['message_start', 'content_block_start', 'content_block_stop', 'message_delta', 'message_stop']);
  });

  test("the route's streaming.validation buffer: nothing before the answer, then only the recorded (refused) text, even under the error policy", async () => {
    const stream = new AnthropicEventStream('req_1', 'auto', 'error', 'buffer');
    let written = '';
    stream.body.on('data', (piece: Buffer) => (written += String(piece)));
    feed(stream, [first, 'Refunds within 60 days']);
    stream.onRelayEvent({ type: 'attempt-failed', source: first, errorKind: 'connection', message: 'cut', retrying: true, publishedChars: 22 });
    feed(stream, [second, 'Refunds within 60 days [1].']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe('');

    stream.complete(completion('No reliable answer.'));
    await new Promise((resolve) => stream.body.once('end', resolve));
    expect(written).not.toContain('60 days');
    const names = [...written.matchAll(/^event: (\S+)$/gm)].map((match) => match[1]);
    expect(names).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(written).toContain('No reliable answer.');
  });

  test('a cut before any text was sent is invisible: the retried answer streams as usual', async () => {
    const stream = new AnthropicEventStream('req_1', 'auto');
    stream.onRelayEvent({ type: 'attempt-failed', source: first, errorKind: 'connection', message: 'cut', retrying: true, publishedChars: 0 });
    feed(stream, [second, 'Hello']);
    stream.complete(completion('Hello'));
    const raw = await events(stream);
    expect(raw.some(([name]) => name === 'error' || name === 'ballast')).toBe(false);
  });

  test('policy error (default): text already sent is never silently continued by another attempt; the SDK raises', async () => {
    const stream = new AnthropicEventStream('req_1', 'auto');
    const sdkStream = sdkReading(stream).messages.stream(streamParams);
    const texts: string[] = [];
    sdkStream.on('text', (text) => texts.push(text));
    feed(stream, [first, 'Hel']);
    stream.onRelayEvent({ type: 'attempt-failed', source: first, errorKind: 'connection', message: 'cut', retrying: true, publishedChars: 3 });
    feed(stream, [second, 'Hello world']);
    stream.complete(completion('Hello world'));

    const error = await sdkStream.finalMessage().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).type).toBe('api_error');
    expect((error as InstanceType<typeof Anthropic.APIError>).message).toContain("the answer's source changed after 3 characters");
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ ballast: { event: 'source-changed', reason: 'connection', retrying: true, request_id: 'req_1' } });
    expect(texts).toEqual(['Hel']);
  });

  test.each<[SourceChangePolicy]>([['restart']])('policy %s: the dropped text keeps its own block, a ballast event says so, the answer is the last block', async (policy) => {
    const stream = new AnthropicEventStream('req_1', 'auto', policy);
    const sdkStream = sdkReading(stream).messages.stream(streamParams);
    const ballastEvents: Json[] = [];
    sdkStream.on('streamEvent', (event) => {
      if ((event as Json)['type'] === 'ballast') ballastEvents.push(event as Json);
    });
    feed(stream, [first, 'Hel']);
    stream.onRelayEvent({ type: 'attempt-failed', source: first, errorKind: 'connection', message: 'cut', retrying: true, publishedChars: 3 });
    feed(stream, [second, 'Hello'], [second, ' world']);
    stream.complete(completion('Hello world'));
    const message = await sdkStream.finalMessage();

    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'Hel' }), expect.objectContaining({ type: 'text', text: 'Hello world' })]);
    expect(ballastEvents).toEqual([expect.objectContaining({ event: 'source-changed', reason: 'connection', retrying: true, discarded_chars: 3, discarded_block: 0 })]);
    expect(message.usage.output_tokens).toBe(5);
  });

  test('restart: a recorded answer that differs replaces the streamed text in a new block', async () => {
    const stream = new AnthropicEventStream('req_1', 'auto', 'restart');
    feed(stream, [first, 'an ungrounded answer']);
    stream.complete(completion('I cannot answer that from the sources.'));
    const raw = await events(stream);
    expect(raw.find(([name]) => name === 'ballast')?.[1]).toMatchObject({ reason: 'final-answer', discarded_block: 0 });
    expect(raw.filter(([name]) => name === 'content_block_delta').map(([, data]) => [data['index'], data['delta'].text])).toEqual([
      [0, 'an ungrounded answer'],
      [1, 'I cannot answer that from the sources.'],
    ]);
    expect(raw.find(([name]) => name === 'message_delta')?.[1]['ballast']).toMatchObject({ discarded_blocks: [0] });
  });

  test('a failure is an Anthropic error event the SDK raises, and nothing follows it', async () => {
    const stream = new AnthropicEventStream('req_1', 'auto');
    const sdkStream = sdkReading(stream).messages.stream(streamParams);
    feed(stream, [first, 'Hel']);
    stream.fail(problem('all-targets-failed', 502, 'All Providers Failed', 'every target failed'));
    feed(stream, [second, 'late']);
    const error = await sdkStream.finalMessage().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).message).toContain('every target failed');
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'api_error' }, ballast: { event: 'failed', status: 502 } });
  });
});
