import { request as httpRequest } from 'node:http';
import OpenAI from 'openai';
import type { ChatResult } from '#libs/contracts';
import { addPoliciesCollection, useTestStack } from './support/stack-suite.js';
import { TEST_API_KEY, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the `ballast` extension fields of chunks
type Json = Record<string, any>;

const MODEL = 'gpt-4.1-mini';
const STRONG_MODEL = 'gpt-4.1';
const REFUSAL = 'Sorry, the policy documents do not answer that reliably.';
const WRONG = 'Refunds are accepted within 60 days of delivery [1].';
const RIGHT = 'Refunds are accepted within 30 days of delivery [1].';

let stack: TestStack;

const grounded = (validation: Json, streaming: Json) => ({
  targets: [
    { provider: 'openai', model: MODEL, maxAttempts: 1 },
    { provider: 'openai', model: STRONG_MODEL, maxAttempts: 1 },
  ],
  retrieval: { collections: ['policies'], topK: 3 },
  validation,
  streaming,
});

useTestStack(
  (started) => (stack = started),
  {
    config: {
      circuitBreaker: { failureThreshold: 10_000 },
      routes: {
        simple: { targets: [{ provider: 'openai', model: MODEL, maxAttempts: 1 }] },
        complex: { targets: [{ provider: 'openai', model: STRONG_MODEL, maxAttempts: 1 }] },
        'buffer-refuse': grounded({ mode: 'refuse', refusalMessage: REFUSAL }, { validation: 'buffer' }),
        'buffer-regenerate': grounded({ mode: 'regenerate' }, { validation: 'buffer' }),
        'after-refuse': grounded({ mode: 'refuse', refusalMessage: REFUSAL }, { validation: 'after' }),
        'cancel-on-leave': { targets: [{ provider: 'openai', model: MODEL, maxAttempts: 1 }, { provider: 'openai', model: STRONG_MODEL, maxAttempts: 1 }], streaming: { onDisconnect: 'cancel' } },
        'complete-on-leave': { targets: [{ provider: 'openai', model: MODEL, maxAttempts: 1 }] },
      },
      observability: { traces: { flushIntervalMs: 50 } },
    },
  },
  { setup: addPoliciesCollection, resetStats: true },
);

const question = [{ role: 'user' as const, content: 'How long do I have to ask for a refund after delivery?' }];
const openai = () => new OpenAI({ baseURL: `${stack.apiUrl}/v1`, apiKey: TEST_API_KEY, maxRetries: 0 });
const requestIdOf = (chunk: Json) => String(chunk['id']).replace(/^chatcmpl-/, '');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The stream's chunks; at the first content chunk, the request's steps as `GET /v1/requests/:id` shows them. */
async function streamed(model: string) {
  const stream = await openai().chat.completions.create({ model, messages: question, stream: true });
  const chunks: Json[] = [];
  let stepsAtFirstText: Json[] | undefined;
  for await (const chunk of stream) {
    chunks.push(chunk as Json);
    if (stepsAtFirstText === undefined && chunk.choices[0]?.delta?.content) {
      const progress = (await (await stack.api(`/v1/requests/${requestIdOf(chunk as Json)}`)).json()) as Json;
      stepsAtFirstText = progress['steps'] as Json[];
    }
  }
  const texts = chunks.map((chunk) => chunk['choices']?.[0]?.delta?.content ?? '').filter((text: string) => text.length > 0);
  return { chunks, texts, text: texts.join(''), stepsAtFirstText: stepsAtFirstText ?? [] };
}

const validateStep = (steps: Json[]) => steps.find((step) => step['name'] === 'validate');

describe("streaming.validation: 'buffer'", () => {
  test('refuse: no text before validation, then only the refusal — never the rejected answer', async () => {
    stack.simulator.setScenario(MODEL, { replies: [WRONG], chunkDelayMs: 20 });
    const { chunks, texts, text, stepsAtFirstText } = await streamed('buffer-refuse');

    // The first text the client got came after the workflow had validated the answer.
    expect(validateStep(stepsAtFirstText)).toMatchObject({ status: 'completed' });
    expect(text).toBe(REFUSAL);
    expect(texts.join('|')).not.toContain('60');
    expect(chunks.some((chunk) => chunk['ballast']?.event === 'source-changed')).toBe(false);
    const finish = chunks.find((chunk) => chunk['choices']?.[0]?.finish_reason);
    expect(finish?.['ballast']).toMatchObject({ event: 'completed', validation: { action: 'refused' }, streaming: { validation: 'buffer', on_disconnect: 'complete' } });
  });

  test('regenerate: only the regenerated answer reaches the client', async () => {
    stack.simulator.setScenario(MODEL, { replies: [WRONG], chunkDelayMs: 10 });
    stack.simulator.setScenario(STRONG_MODEL, { replies: [RIGHT], chunkDelayMs: 10 });
    const { chunks, text, stepsAtFirstText } = await streamed('buffer-regenerate');

    expect(validateStep(stepsAtFirstText)).toMatchObject({ status: 'completed' });
    expect(text).toBe(RIGHT);
    expect(chunks.map((chunk) => JSON.stringify(chunk)).join('\n')).not.toContain('60 days');
    expect(chunks.find((chunk) => chunk['choices']?.[0]?.finish_reason)?.['ballast']).toMatchObject({ validation: { action: 'regenerated' } });
  });

  test('a passing answer is released whole, in content chunks, after validation', async () => {
    stack.simulator.setScenario(MODEL, { replies: [RIGHT], chunkDelayMs: 10 });
    const { text, stepsAtFirstText } = await streamed('buffer-refuse');
    expect(validateStep(stepsAtFirstText)).toMatchObject({ status: 'completed' });
    expect(text).toBe(RIGHT);
  });
});

describe("streaming.validation: 'after' (default)", () => {
  test('text streams before validation; the rejected answer is withdrawn by a source-changed event and the refusal follows', async () => {
    stack.simulator.setScenario(MODEL, { replies: [WRONG], chunkDelayMs: 20 });
    const { chunks, texts, stepsAtFirstText } = await streamed('after-refuse');

    // The first text came while the workflow was still calling the model, before any validation.
    expect(validateStep(stepsAtFirstText)).toBeUndefined();
    expect(texts.join('')).toContain('60 days');
    const changed = chunks.findIndex((chunk) => chunk['ballast']?.event === 'source-changed');
    expect(chunks[changed]?.['ballast']).toMatchObject({ reason: 'final-answer' });
    const after = chunks.slice(changed + 1).map((chunk) => chunk['choices']?.[0]?.delta?.content ?? '').join('');
    expect(after).toBe(REFUSAL);
    expect(chunks.find((chunk) => chunk['choices']?.[0]?.finish_reason)?.['ballast']).toMatchObject({ streaming: { validation: 'after', on_disconnect: 'complete' } });
  });
});

/**
 * Opens a stream, leaves after the first content chunk (its socket destroyed, as a client that
 * goes away), returns the request id and when it left. A plain socket of its own, not a pooled
 * fetch: an aborted fetch can leave a pooled connection to the API open, which the stack's
 * shutdown then waits on (Node's server.close() waits for connections that are not idle).
 */
async function leaveMidStream(model: string): Promise<{ requestId: string; leftAt: number }> {
  const body = JSON.stringify({ model, messages: [{ role: 'user', content: 'A long answer, please.' }], stream: true });
  const url = new URL(`${stack.apiUrl}/v1/chat/completions`);
  return new Promise((resolve, reject) => {
    let requestId: string | undefined;
    let buffered = '';
    const leaving = httpRequest(
      url,
      { method: 'POST', agent: false, headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`stream answered ${response.statusCode}`));
        response.setEncoding('utf8');
        response.on('data', (text: string) => {
          buffered += text;
          const events = buffered.split('\n\n');
          buffered = events.pop() ?? '';
          for (const event of events) {
            const data = event.replace(/^data: /, '');
            if (!data.startsWith('{')) continue;
            const chunk = JSON.parse(data) as Json;
            requestId ??= requestIdOf(chunk);
            if (chunk['choices']?.[0]?.delta?.content) {
              leaving.destroy();
              resolve({ requestId, leftAt: Date.now() });
              return;
            }
          }
        });
        response.on('end', () => reject(new Error('the stream ended before any content')));
      },
    );
    // The client's own destroy surfaces as an error on the request: expected once it left.
    leaving.on('error', (error) => {
      if (requestId === undefined) reject(error);
    });
    leaving.end(body);
  });
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(100);
    value = await read();
  }
  return value;
}

/** How soon after the client left the cancelled provider call must have ended (an un-aborted one streams for a minute). */
const ABORT_WITHIN_MS = 5_000;

describe('streaming.onDisconnect', () => {
  test("'cancel': a client that leaves cancels the workflow; the hold is freed or settled once, at most the worst case; the request and trace say cancelled", async () => {
    // Slow: 2000 tokens at 30 ms per chunk would stream for a minute, far past the checks below
    // (and past the attempt's 10 s timeout): only an aborted provider call ends within seconds.
    stack.simulator.setScenario(MODEL, { outputTokens: 2000, chunkDelayMs: 30 });
    const { requestId, leftAt } = await leaveMidStream('cancel-on-leave');
    const handle = stack.client.workflow.getHandle(`chat-${requestId}`);

    // The activity learns of the cancellation on its next heartbeat and aborts the provider call
    // in flight: the simulator sees its client close the connection mid-stream, within seconds.
    const simulated = await eventually(
      () => Promise.resolve(stack.simulator.stats().models[MODEL]),
      (stats) => (stats?.failuresByStatus['client-closed'] ?? 0) > 0,
      ABORT_WITHIN_MS,
    );
    expect(simulated).toMatchObject({ calls: 1, successes: 0, failuresByStatus: { 'client-closed': 1 } });
    // The hold ended with the call (settled at the estimate of what was received: prompt + text
    // so far; never left reserved, never charged twice), also within seconds of the client leaving.
    const reservation = await eventually(
      () => stack.rag.ledger.findReservation({ requestId, attempt: 1 }),
      (found) => found !== undefined && found.status !== 'reserved',
      ABORT_WITHIN_MS,
    );
    expect(Date.now() - leftAt).toBeLessThan(ABORT_WITHIN_MS);
    expect(reservation?.status).toBe('settled');
    expect(reservation?.actualUsd ?? 0).toBeGreaterThan(0);
    expect(reservation?.actualUsd ?? 0).toBeLessThan(reservation?.amountUsd ?? 0);

    const description = await eventually(
      () => handle.describe(),
      (described) => described.status.name !== 'RUNNING',
    );
    expect(description.status.name).toBe('CANCELLED');
    // No fallback to the second target after the cancellation.
    expect(stack.simulator.stats().models[STRONG_MODEL]?.calls ?? 0).toBe(0);
    const usage = await stack.rag.usage.query({ scope: { tenantId: 'tenant-a' }, groupBy: 'model', from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) });
    expect(usage.reduce((sum, group) => sum + group.costUsd, 0)).toBeGreaterThan(0);
    expect(await stack.rag.ledger.findReservation({ requestId, attempt: 2 })).toBeUndefined();

    const progress = (await (await stack.api(`/v1/requests/${requestId}`)).json()) as Json;
    expect(progress).toMatchObject({ status: 'cancelled', error: { code: 'cancelled', http_status: 499 } });
    const trace = await eventually(
      () => stack.rag.traces.get(requestId, 'all-tenants'),
      (found) => found !== undefined,
    );
    expect(trace).toMatchObject({ status: 'cancelled', errorType: 'client-disconnected', httpStatus: 499 });
  }, 60_000);

  test("'complete' (default): a client that leaves does not stop the workflow; it answers and is billed once", async () => {
    stack.simulator.setScenario(MODEL, { outputTokens: 80, chunkDelayMs: 20 });
    const { requestId } = await leaveMidStream('complete-on-leave');
    const result = (await stack.client.workflow.getHandle(`chat-${requestId}`).result()) as ChatResult;
    expect(result.response.content.length).toBeGreaterThan(0);
    const reservation = await eventually(
      () => stack.rag.ledger.findReservation({ requestId, attempt: 1 }),
      (found) => found?.status === 'settled',
    );
    expect(reservation).toMatchObject({ status: 'settled', actualUsd: result.costUsd });
    const progress = (await (await stack.api(`/v1/requests/${requestId}`)).json()) as Json;
    expect(progress['status']).toBe('completed');
  }, 60_000);
});
