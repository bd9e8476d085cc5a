import Anthropic from '@anthropic-ai/sdk';
import { startSimulator, type SimulatorHandle } from './index.js';

const SYSTEM = 'Use these notes. Temporal replays workflow history after a crash. Qdrant stores the vectors. Lunch is at noon.';
const QUESTION = 'What does Temporal do after a crash?';

let simulator: SimulatorHandle;
let client: Anthropic;

beforeAll(async () => {
  simulator = await startSimulator();
  client = new Anthropic({ baseURL: simulator.url, apiKey: 'x', maxRetries: 0 });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.resetScenarios());

const request = { model: 'claude-haiku-4-5', max_tokens: 512, system: SYSTEM, messages: [{ role: 'user' as const, content: QUESTION }] };

describe('Anthropic messages through the official SDK', () => {
  it('answers with a labelled, grounded message and provider-style headers', async () => {
    const { data, response } = await client.messages.create(request).withResponse();

    const block = data.content[0];
    expect(block?.type).toBe('text');
    const text = block?.type === 'text' ? block.text : '';
    expect(text.startsWith('[simulated claude-haiku-4-5] ')).toBe(true);
    expect(text).toContain('Temporal replays workflow history after a crash.');
    expect(text).not.toContain('Lunch');
    expect(data.stop_reason).toBe('end_turn');
    expect(data.usage.input_tokens).toBe(Math.ceil(`${SYSTEM}\n${QUESTION}`.length / 4));
    expect(data.usage.output_tokens).toBe(Math.ceil(text.length / 4));
    expect(response.headers.get('x-ballast-simulated')).toBe('true');
    expect(response.headers.get('request-id')).toMatch(/^req_/);
  });

  it('streams message_start … message_stop with usage at both ends, matching the plain answer', async () => {
    const plain = await client.messages.create(request);
    const stream = await client.messages.create({ ...request, stream: true });
    const types: string[] = [];
    let text = '';
    let startInputTokens: number | undefined;
    let deltaOutputTokens: number | undefined;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'message_start') startInputTokens = event.message.usage.input_tokens;
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
      if (event.type === 'message_delta') deltaOutputTokens = event.usage.output_tokens;
    }
    expect(types[0]).toBe('message_start');
    expect(types[1]).toBe('content_block_start');
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(plain.content[0]).toMatchObject({ type: 'text', text });
    expect(startInputTokens).toBe(plain.usage.input_tokens);
    expect(deltaOutputTokens).toBe(plain.usage.output_tokens);
  });

  it("works with the SDK's MessageStream helper", async () => {
    const message = await client.messages.stream(request).finalMessage();
    expect(message.stop_reason).toBe('end_turn');
    expect(message.content[0]).toMatchObject({ type: 'text', text: expect.stringContaining('Temporal replays') });
  });

  it('honours max_tokens with stop_reason max_tokens', async () => {
    const message = await client.messages.create({ ...request, max_tokens: 4 });
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(4);
  });

  it("returns Anthropic's 'prompt is too long' error when the prompt alone exceeds the window", async () => {
    simulator.setScenario('claude-haiku-4-5', { contextWindow: 10 });
    const error = await client.messages.create(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    const badRequest = error as InstanceType<typeof Anthropic.BadRequestError>;
    expect(badRequest.type).toBe('invalid_request_error');
    expect(badRequest.apiMessage).toMatch(/^prompt is too long: \d+ tokens > 10 maximum$/);
  });

  it('names input + max_tokens when only their sum exceeds the window', async () => {
    simulator.setScenario('claude-haiku-4-5', { contextWindow: 100 });
    const error = await client.messages.create(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).apiMessage).toMatch(
      /^input length and `max_tokens` exceed context limit: \d+ \+ 512 > 100/,
    );
  });

  it('reads plain-text documents in the user turn as context', async () => {
    const message = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 256,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'The vault opens at dawn. The moat is deep.' } },
            { type: 'text', text: 'When does the vault open?' },
          ],
        },
      ],
    });
    expect(message.content[0]).toMatchObject({ text: expect.stringContaining('The vault opens at dawn.') });
  });

  it('rejects a request without max_tokens as a 400 in Anthropic shape', async () => {
    const error = await client.messages
      .create({ model: 'claude-haiku-4-5', messages: request.messages } as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).apiMessage).toMatch(/^max_tokens: /);
  });
});
