import { startTestStack, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;

const target = (model: string) => ({ provider: 'openai', model, maxAttempts: 1 });
/** gpt-4.1-nano's window shrunk so that budgets bite with small test prompts. */
const SMALL_WINDOW = 2_000;

beforeAll(async () => {
  stack = await startTestStack({
    config: {
      models: [{ id: 'gpt-4.1-nano', contextWindow: SMALL_WINDOW, maxOutputTokens: 1_000 }],
      routes: {
        simple: { targets: [target('gpt-4.1-mini')] },
        complex: { targets: [target('gpt-4.1')] },
        small: { targets: [target('gpt-4.1-nano')], context: { output: { tokens: 200 } } },
        'small-summarized': { targets: [target('gpt-4.1-nano')], context: { output: { tokens: 200 }, historySummary: true, historySummaryTokens: 120 } },
        'small-then-large': { targets: [target('gpt-4.1-nano'), target('gpt-4.1-mini')] },
        compressed: { targets: [target('gpt-4.1-mini')], context: { compression: { enabled: true, targetRatio: 0.5, minChunkTokens: 20 } } },
        strict: { targets: [target('gpt-4.1-mini')], context: { maxQueryTokens: 400, oversizedInput: 'reject' } },
        excerpt: { targets: [target('gpt-4.1-mini')], context: { maxQueryTokens: 400, oversizedInput: 'ephemeral-document' } },
        summarize: { targets: [target('gpt-4.1-mini')], context: { maxQueryTokens: 400, oversizedInput: 'summarize' } },
      },
    },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

async function chat(body: Json): Promise<{ status: number; body: Json }> {
  const response = await stack.api('/v1/chat/completions', { json: body });
  return { status: response.status, body: (await response.json()) as Json };
}

const sentence = (index: number) => `Turn ${index} talks about the weather in a city far away and nothing else at all. `.repeat(3);
const longDocument = Array.from({ length: 60 }, (_, index) =>
  index === 41
    ? 'Enterprise plans can be refunded within 45 days of purchase, by written request to billing.'
    : `Section ${index}: the office plants are watered on ${['Mondays', 'Tuesdays', 'Fridays'][index % 3]} by the facilities team, who keep a log.`,
).join('\n\n');

describe('context budgeting', () => {
  test('a conversation longer than the window keeps the system prompt and the question, dropping the oldest turns', async () => {
    const history = Array.from({ length: 40 }, (_, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: sentence(index) }));
    const { status, body } = await chat({
      model: 'small',
      messages: [{ role: 'system', content: 'You answer briefly.' }, ...history, { role: 'user', content: 'What was the last turn about?' }],
    });
    expect(status).toBe(200);
    const context = body['ballast'].context as Json;
    expect(context.window).toBe(SMALL_WINDOW);
    expect(context.used.system + context.used.history + context.used.query + context.used.output).toBeLessThanOrEqual(SMALL_WINDOW);
    const dropped = (context.dropped as Json[]).filter((drop) => drop['section'] === 'history');
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((drop) => drop['reason'] === 'history-over-budget')).toBe(true);
    // Oldest first, in whole user/assistant pairs.
    expect(dropped[0]?.['message_index']).toBe(0);
    expect(dropped.length % 2).toBe(0);
  });

  test('dropped turns become a rolling summary, stored per conversation and reused', async () => {
    const turns = (count: number) => Array.from({ length: count }, (_, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: sentence(index) }));
    const ask = (history: Json[]) =>
      chat({ model: 'small-summarized', messages: [...history, { role: 'user', content: 'What was the last turn about?' }], ballast: { conversation_id: 'weather-chat' } });

    const first = await ask(turns(40));
    expect(first.status).toBe(200);
    const summarized = first.body['ballast'].context.summarized as Json;
    expect(summarized['messages']).toBeGreaterThan(0);
    expect(summarized).toMatchObject({ cached: false, new_messages: summarized['messages'] });
    expect(summarized['cost_usd']).toBeGreaterThan(0);

    // The same conversation again: the stored summary is reused, no extra call is paid.
    const again = await ask(turns(40));
    expect(again.body['ballast'].context.summarized).toMatchObject({ messages: summarized['messages'], cached: true, new_messages: 0, cost_usd: 0 });

    // Four turns later: only the turns dropped since are folded into the stored summary.
    const later = await ask(turns(44));
    const rolled = later.body['ballast'].context.summarized as Json;
    expect(rolled['cached']).toBe(false);
    expect(rolled['messages']).toBeGreaterThan(summarized['messages']);
    expect(rolled['new_messages']).toBe(rolled['messages'] - summarized['messages']);
  });

  test('system instructions and the message alone too large for the first target go to a larger window', async () => {
    const system = Array.from({ length: 200 }, (_, index) => `Rule ${index}: always be exact about numbers.`).join(' ');
    const { status, body } = await chat({ model: 'small-then-large', messages: [{ role: 'system', content: system }, { role: 'user', content: 'Hello?' }] });
    expect(status).toBe(200);
    expect(body['ballast'].model).toBe('gpt-4.1-mini');
    expect(body['ballast'].route.attempts[0]).toMatchObject({ model: 'gpt-4.1-nano', outcome: 'skipped' });
  });

  test('too large for every target: 413 naming the numbers', async () => {
    const system = Array.from({ length: 200 }, (_, index) => `Rule ${index}: always be exact about numbers.`).join(' ');
    const response = await stack.api('/v1/chat/completions', { json: { model: 'small', messages: [{ role: 'system', content: system }, { role: 'user', content: 'Hello?' }] } });
    expect(response.status).toBe(413);
    const problem = (await response.json()) as Json;
    expect(problem['type']).toContain('no-target-fits');
    expect(problem['detail']).toMatch(/\d+ tokens that cannot be cut/);
    expect(problem['detail']).toContain(`largest context window is ${SMALL_WINDOW} tokens`);
  });
});

describe('oversized input is never silently truncated', () => {
  test('reject: 413 with the message size and the limit', async () => {
    const response = await stack.api('/v1/chat/completions', { json: { model: 'strict', messages: [{ role: 'user', content: `${longDocument}\n\nWhen can enterprise plans be refunded?` }] } });
    expect(response.status).toBe(413);
    const problem = (await response.json()) as Json;
    expect(problem['type']).toContain('input-too-large');
    expect(problem['detail']).toMatch(/has \d+ tokens; this route takes at most 400/);
  });

  test('ephemeral document: the answer comes from excerpts of the message, cited', async () => {
    const { status, body } = await chat({ model: 'excerpt', messages: [{ role: 'user', content: `${longDocument}\n\nWhen can enterprise plans be refunded?` }] });
    expect(status).toBe(200);
    const oversized = body['ballast'].context.oversized_input as Json;
    expect(oversized).toMatchObject({ policy: 'ephemeral-document', limit: 400 });
    expect(oversized['message_tokens']).toBeGreaterThan(400);
    expect(oversized['excerpts']).toBeGreaterThan(0);
    const citations = body['ballast'].citations as Json[];
    expect(citations[0]?.['title']).toMatch(/^Your message \(\d+ tokens\), excerpt 1 of/);
    expect(body['choices'][0].message.content).toContain('45 days');
  });

  test('summarize: a durable map-reduce child workflow, its calls and cost reported', async () => {
    const { status, body } = await chat({ model: 'summarize', messages: [{ role: 'user', content: `${longDocument}\n\nWhen can enterprise plans be refunded?` }] });
    expect(status).toBe(200);
    const oversized = body['ballast'].context.oversized_input as Json;
    expect(oversized).toMatchObject({ policy: 'summarize', limit: 400 });
    expect(oversized['summary_calls']).toBeGreaterThanOrEqual(2);
    expect(body['ballast'].cost_usd).toBeGreaterThan(oversized['summary_cost_usd']);
    const child = stack.client.workflow.getHandle(`${body['ballast'].workflow_id as string}-summarize-input`);
    expect((await child.describe()).status.name).toBe('COMPLETED');
  });
});

describe('compression', () => {
  test('retrieved context is compressed to the route’s ratio and the saving reported', async () => {
    await stack.api('/v1/collections', { json: { name: 'plants' } });
    const upload = await stack.api('/v1/collections/plants/documents', { json: { title: 'Facilities', content: longDocument, media_type: 'text/plain' } });
    const uploaded = (await upload.json()) as Json;
    await stack.client.workflow.getHandle(uploaded['workflow_id'] as string).result();
    const { status, body } = await chat({ model: 'compressed', messages: [{ role: 'user', content: 'When can enterprise plans be refunded?' }], ballast: { collections: ['plants'], top_k: 3 } });
    expect(status).toBe(200);
    const compressed = body['ballast'].context.compressed as Json;
    expect(compressed['tokens_saved']).toBeGreaterThan(0);
    expect(compressed['tokens_after']).toBeLessThan(compressed['tokens_before']);
    expect(compressed['usd_saved']).toBeGreaterThan(0);
    expect(body['choices'][0].message.content).toContain('45 days');
  });
});
