import type { ChatStreamSource } from '#libs/streaming';
import { problem } from '../../problems/problem-error.js';
import type { OpenAiChatCompletion } from '../to-openai-response.js';
import { ChatEventStream } from './chat-event-stream.js';

const first: ChatStreamSource = { targetIndex: 0, attempt: 1, provider: 'openai', model: 'gpt-4.1-mini' };
const second: ChatStreamSource = { ...first, attempt: 2 };

/** Just the fields ChatEventStream reads of a completion. */
function completion(content: string): OpenAiChatCompletion {
  return {
    model: 'gpt-4.1-mini',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    ballast: { request_id: 'req_1', cost_usd: 0.0001 },
  } as unknown as OpenAiChatCompletion;
}

async function events(stream: ChatEventStream): Promise<string[]> {
  let body = '';
  for await (const piece of stream.body) body += String(piece);
  return body.split('\n\n').filter((event) => event.length > 0).map((event) => event.replace(/^data: /, ''));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading chunk JSON
const parsed = (data: string): Record<string, any> => JSON.parse(data) as Record<string, any>;

const chunks = (data: string[]) => data.filter((item) => item !== '[DONE]').map(parsed);

/** The text a client shows: content after the last `source-changed`. */
function visible(data: string[]): string {
  let text = '';
  for (const event of chunks(data)) {
    if (event['ballast']?.event === 'source-changed') text = '';
    text += event['choices']?.[0]?.delta?.content ?? '';
  }
  return text;
}

describe('ChatEventStream', () => {
  test('streams deltas as OpenAI chunks, then finish with ballast, usage when asked, and [DONE]', async () => {
    const stream = new ChatEventStream({ id: 'chatcmpl-req_1', created: 1 }, 'auto', true);
    stream.onRelayEvent({ type: 'text-delta', source: first, text: 'Hello ' });
    stream.onRelayEvent({ type: 'text-delta', source: first, text: 'world' });
    stream.complete(completion('Hello world'));
    const data = await events(stream);

    expect(parsed(data[0] ?? '{}')).toMatchObject({ id: 'chatcmpl-req_1', object: 'chat.completion.chunk', choices: [{ delta: { role: 'assistant', content: 'Hello ' } }] });
    expect(parsed(data[2] ?? '{}')).toMatchObject({ choices: [{ delta: {}, finish_reason: 'stop' }], ballast: { event: 'completed', request_id: 'req_1' } });
    expect(parsed(data[3] ?? '{}')).toMatchObject({ choices: [], usage: { prompt_tokens: 10, completion_tokens: 5 } });
    expect(data.at(-1)).toBe('[DONE]');
    expect(visible(data)).toBe('Hello world');
  });

  test('a failed attempt after text tells the client to drop it; the next attempt restarts the answer', async () => {
    const stream = new ChatEventStream({ id: 'chatcmpl-req_1', created: 1 }, 'auto', false);
    stream.onRelayEvent({ type: 'text-delta', source: first, text: 'Hel' });
    stream.onRelayEvent({ type: 'attempt-failed', source: first, errorKind: 'connection', message: 'cut', retrying: true, publishedChars: 3 });
    stream.onRelayEvent({ type: 'text-delta', source: second, text: 'Hello world' });
    stream.complete(completion('Hello world'));
    const data = await events(stream);

    expect(chunks(data).find((event) => event['ballast']?.event === 'source-changed')?.['ballast']).toMatchObject({ reason: 'connection', retrying: true, discarded_chars: 3 });
    expect(visible(data)).toBe('Hello world');
  });

  test('a new source without a failure event (a worker died) still restarts the answer', async () => {
    const stream = new ChatEventStream({ id: 'chatcmpl-req_1', created: 1 }, 'auto', false);
    stream.onRelayEvent({ type: 'text-delta', source: first, text: 'Hel' });
    stream.onRelayEvent({ type: 'text-delta', source: second, text: 'Hello world' });
    stream.complete(completion('Hello world'));
    const data = await events(stream);

    expect(chunks(data).filter((event) => event['ballast']?.event === 'source-changed').map((event) => event['ballast'].reason)).toEqual(['new-attempt']);
    expect(visible(data)).toBe('Hello world');
  });

  test('a recorded answer that differs from the streamed text replaces it; nothing streamed: the whole answer at the end', async () => {
    const replaced = new ChatEventStream({ id: 'chatcmpl-req_1', created: 1 }, 'auto', false);
    replaced.onRelayEvent({ type: 'text-delta', source: first, text: 'an ungrounded answer' });
    replaced.complete(completion('I cannot answer that from the sources.'));
    const replacedData = await events(replaced);
    expect(chunks(replacedData).some((event) => event['ballast']?.reason === 'final-answer')).toBe(true);
    expect(visible(replacedData)).toBe('I cannot answer that from the sources.');

    const silent = new ChatEventStream({ id: 'chatcmpl-req_2', created: 1 }, 'auto', false);
    silent.complete(completion('Whole answer'));
    const silentData = await events(silent);
    expect(visible(silentData)).toBe('Whole answer');
    expect(silentData.at(-1)).toBe('[DONE]');
  });

  test('a failure ends the stream with an OpenAI-style error event and no [DONE]', async () => {
    const stream = new ChatEventStream({ id: 'chatcmpl-req_1', created: 1 }, 'auto', false);
    stream.onRelayEvent({ type: 'text-delta', source: first, text: 'Hel' });
    stream.fail(problem('all-targets-failed', 502, 'All Providers Failed', 'every target failed'));
    stream.onRelayEvent({ type: 'text-delta', source: second, text: 'late' });
    const data = await events(stream);

    expect(data).not.toContain('[DONE]');
    expect(parsed(data.at(-1) ?? '{}')).toMatchObject({ error: { message: 'every target failed', type: 'all-targets-failed' }, ballast: { event: 'failed', status: 502 } });
    expect(data.join('')).not.toContain('late');
  });

  describe("validation: 'buffer'", () => {
    test('writes nothing while the attempts stream, then the recorded answer in content chunks and the final chunk', async () => {
      const stream = new ChatEventStream({ id: 'chatcmpl-req_1', created: 1 }, 'auto', false, 'buffer');
      let written = '';
      stream.body.on('data', (piece: Buffer) => (written += String(piece)));
      stream.onRelayEvent({ type: 'text-delta', source: first, text: 'Refunds within 60 days' });
      stream.onRelayEvent({ type: 'attempt-failed', source: first, errorKind: 'connection', message: 'cut', retrying: true, publishedChars: 22 });
      stream.onRelayEvent({ type: 'text-delta', source: second, text: 'Refunds within 60 days [1].' });
      await new Promise((resolve) => setImmediate(resolve));
      expect(written).toBe('');

      const refusal = 'I could not find a reliable answer. '.repeat(12);
      stream.complete(completion(refusal));
      await new Promise((resolve) => stream.body.once('end', resolve));
      const data = written.split('\n\n').filter((event) => event.length > 0).map((event) => event.replace(/^data: /, ''));
      const all = chunks(data);
      // Only the refusal reaches the client: no rejected text, no source-changed event.
      expect(data.join('\n')).not.toContain('60 days');
      expect(all.some((chunk) => chunk['ballast']?.event === 'source-changed')).toBe(false);
      expect(visible(data)).toBe(refusal);
      const content = all.filter((chunk) => chunk['choices']?.[0]?.delta?.content);
      expect(content.length).toBeGreaterThan(1);
      expect(content[0]?.['choices'][0].delta.role).toBe('assistant');
      expect(all.at(-1)).toMatchObject({ choices: [{ finish_reason: 'stop' }], ballast: { event: 'completed' } });
      expect(data.at(-1)).toBe('[DONE]');
    });

    test('a failure after held text is only the error event', async () => {
      const stream = new ChatEventStream({ id: 'chatcmpl-req_1', created: 1 }, 'auto', false, 'buffer');
      stream.onRelayEvent({ type: 'text-delta', source: first, text: 'partial' });
      stream.fail(problem('all-targets-failed', 502, 'All Providers Failed', 'every target failed'));
      const data = await events(stream);
      expect(data).toHaveLength(1);
      expect(parsed(data[0] ?? '{}')).toMatchObject({ error: { code: 'all-targets-failed' } });
    });

    test("'after' (default) still sends text as it comes", async () => {
      const stream = new ChatEventStream({ id: 'chatcmpl-req_1', created: 1 }, 'auto', false, 'after');
      let written = '';
      stream.body.on('data', (piece: Buffer) => (written += String(piece)));
      stream.onRelayEvent({ type: 'text-delta', source: first, text: 'Hello' });
      await new Promise((resolve) => setImmediate(resolve));
      expect(written).toContain('Hello');
      expect(stream.finished).toBe(false);
      stream.complete(completion('Hello'));
      expect(stream.finished).toBe(true);
    });
  });
});
