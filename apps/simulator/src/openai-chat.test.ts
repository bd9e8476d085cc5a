import OpenAI from 'openai';
import { startSimulator, type SimulatorHandle } from './index.js';

const RAG_SYSTEM =
  'Answer from the context. [1] Invoices are emailed on the first business day of each month. ' +
  '[2] The office cafeteria serves lunch from noon. [3] Refunds for invoices are issued within 14 days of a request.';

let simulator: SimulatorHandle;
let client: OpenAI;

beforeAll(async () => {
  simulator = await startSimulator();
  client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'x', maxRetries: 0 });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.resetScenarios());

const ragMessages: OpenAI.ChatCompletionMessageParam[] = [
  { role: 'system', content: RAG_SYSTEM },
  { role: 'user', content: 'When are invoices emailed?' },
];

describe('OpenAI chat completions through the official SDK', () => {
  it('answers with a labelled, grounded completion and provider-style headers', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: ragMessages })
      .withResponse();

    const answer = data.choices[0]?.message.content ?? '';
    expect(answer.startsWith('[simulated gpt-4o-mini] ')).toBe(true);
    expect(answer).toContain('Invoices are emailed on the first business day of each month.');
    expect(answer).not.toContain('cafeteria');
    expect(data.choices[0]?.finish_reason).toBe('stop');
    expect(data.model).toBe('gpt-4o-mini');
    const promptCharacters = `${RAG_SYSTEM}\nWhen are invoices emailed?`.length;
    expect(data.usage?.prompt_tokens).toBe(Math.ceil(promptCharacters / 4));
    expect(data.usage?.completion_tokens).toBe(Math.ceil(answer.length / 4));
    expect(response.headers.get('x-ballast-simulated')).toBe('true');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('gives scripted replies in order, the last one repeating, billed by their length', async () => {
    simulator.setScenario('gpt-4o-mini', { replies: ['Invoices go out on the 3rd [1].', 'Invoices go out on the first business day [1].'] });
    const answers: string[] = [];
    for (let call = 0; call < 3; call += 1) {
      const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ragMessages });
      answers.push(completion.choices[0]?.message.content ?? '');
      expect(completion.usage?.completion_tokens).toBe(Math.ceil((completion.choices[0]?.message.content ?? '').length / 4));
    }
    expect(answers).toEqual(['Invoices go out on the 3rd [1].', 'Invoices go out on the first business day [1].', 'Invoices go out on the first business day [1].']);
  });

  it('is deterministic: the same prompt gets the same answer', async () => {
    const first = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ragMessages });
    const second = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ragMessages });
    expect(second.choices[0]?.message.content).toBe(first.choices[0]?.message.content);
  });

  it('streams the same answer in chunks, with a final usage chunk when asked', async () => {
    const plain = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ragMessages });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: ragMessages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let contentChunks = 0;
    const finishReasons: string[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) {
        text += choice.delta.content;
        contentChunks += 1;
      }
      if (choice?.finish_reason) finishReasons.push(choice.finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(plain.choices[0]?.message.content);
    expect(contentChunks).toBeGreaterThan(3);
    expect(finishReasons).toEqual(['stop']);
    expect(usage).toMatchObject({ prompt_tokens: plain.usage?.prompt_tokens, completion_tokens: plain.usage?.completion_tokens });
  });

  it('honours max_tokens: truncated answer, finish_reason length', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ragMessages, max_tokens: 5 });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage?.completion_tokens).toBe(5);
    expect(completion.choices[0]?.message.content).toHaveLength(20);
  });

  it('makes answers about as long as the scenario says', async () => {
    simulator.setScenario('gpt-4o-mini', { outputTokens: 200 });
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ragMessages });
    expect(completion.usage?.completion_tokens).toBeGreaterThan(170);
    expect(completion.usage?.completion_tokens).toBeLessThanOrEqual(200);
  });

  it("returns OpenAI's context-length error when prompt + max_tokens exceed the window", async () => {
    simulator.setScenario('small-model', { contextWindow: 50 });
    const error = await client.chat.completions
      .create({ model: 'small-model', messages: ragMessages, max_tokens: 20 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const badRequest = error as InstanceType<typeof OpenAI.BadRequestError>;
    expect(badRequest.status).toBe(400);
    expect(badRequest.code).toBe('context_length_exceeded');
    expect(badRequest.type).toBe('invalid_request_error');
    expect(badRequest.message).toMatch(/maximum context length is 50 tokens\. However, you requested \d+ tokens/);
  });

  it('accepts /chat/completions without the /v1 prefix', async () => {
    const bare = new OpenAI({ baseURL: simulator.url, apiKey: 'x', maxRetries: 0 });
    const completion = await bare.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello?' }] });
    expect(completion.choices[0]?.message.content).toMatch(/^\[simulated gpt-4o\] On "Hello\?"/);
  });

  it('rejects a request without messages as a 400 in OpenAI shape', async () => {
    const error = await client.chat.completions
      .create({ model: 'gpt-4o-mini' } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('messages');
  });
});
