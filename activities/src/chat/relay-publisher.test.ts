import type { GenerateResult, LanguageModel, LanguageModelStreamPart } from '#libs/llm';
import { LlmError } from '#libs/llm';
import { InProcessStreamRelay, type ChatStreamEvent } from '#libs/streaming';
import { RelayPublisher } from './relay-publisher.js';

const source = { targetIndex: 0, attempt: 1, provider: 'openai', model: 'gpt-4.1-mini' };
const result: GenerateResult = {
  content: 'Hello world',
  finishReason: { unified: 'stop', raw: 'stop' },
  usage: { inputTokens: 3, outputTokens: 2, cachedInputTokens: undefined },
  warnings: [],
  response: { id: 'x', modelId: 'gpt-4.1-mini', requestId: undefined, simulated: true },
};

async function subscribed(requestId: string) {
  const relay = new InProcessStreamRelay();
  const events: ChatStreamEvent[] = [];
  await relay.subscribe(requestId, (event) => events.push(event));
  return { relay, events };
}

function modelStreaming(parts: LanguageModelStreamPart[], failAfter?: Error): LanguageModel {
  return {
    provider: 'openai',
    modelId: 'gpt-4.1-mini',
    generate: () => Promise.reject(new Error('generate must not be called')),
    async *stream() {
      for (const part of parts) yield part;
      if (failAfter) throw failAfter;
    },
  };
}

describe('RelayPublisher', () => {
  test('publishes each delta under the request id and returns the finish result', async () => {
    const { relay, events } = await subscribed('req_1');
    const publisher = new RelayPublisher(relay, 'req_1', source);
    const returned = await publisher.call(modelStreaming([{ type: 'text-delta', text: 'Hello ' }, { type: 'text-delta', text: 'world' }, { type: 'finish', result }]), { messages: [], settings: {} });

    expect(returned).toBe(result);
    expect(events).toEqual([
      { type: 'text-delta', source, text: 'Hello ' },
      { type: 'text-delta', source, text: 'world' },
    ]);
    expect(publisher.publishedChars).toBe(11);
  });

  test('a cut stream propagates its error; failed() says how much text the client must drop', async () => {
    const { relay, events } = await subscribed('req_1');
    const publisher = new RelayPublisher(relay, 'req_1', source);
    const cut = new LlmError({ kind: 'connection', message: 'stream ended before its finish_reason', provider: 'openai', modelId: 'gpt-4.1-mini' });
    await expect(publisher.call(modelStreaming([{ type: 'text-delta', text: 'Hel' }], cut), { messages: [], settings: {} })).rejects.toBe(cut);
    publisher.failed(cut, true);

    expect(events.at(-1)).toEqual({ type: 'attempt-failed', source, errorKind: 'connection', message: cut.message, retrying: true, publishedChars: 3 });
  });

  test('a stream that stops without its finish part is a connection error, not an answer', async () => {
    const { relay } = await subscribed('req_1');
    const publisher = new RelayPublisher(relay, 'req_1', source);
    const error = await publisher.call(modelStreaming([{ type: 'text-delta', text: 'Hel' }]), { messages: [], settings: {} }).catch((caught: unknown) => caught);
    expect(LlmError.isInstance(error) && error.kind === 'connection').toBe(true);
  });

  test('a model without stream() is called with generate and its answer published as one delta', async () => {
    const { relay, events } = await subscribed('req_1');
    const model: LanguageModel = { provider: 'openai', modelId: 'gpt-4.1-mini', generate: () => Promise.resolve(result) };
    await expect(new RelayPublisher(relay, 'req_1', source).call(model, { messages: [], settings: {} })).resolves.toBe(result);
    expect(events).toEqual([{ type: 'text-delta', source, text: 'Hello world' }]);
  });
});
