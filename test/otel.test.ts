import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Worker } from '@temporalio/worker';
import { DISABLED_TELEMETRY, temporalWorkerTracing } from '#libs/telemetry';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver.js';
import { sharedBundle, startTestStack, TEST_API_KEY, type TestStack } from './support/test-stack.js';
import { loadRecordedHistories } from './replay/recorded-histories.js';

/**
 * OpenTelemetry export end to end: a caller's `traceparent` on a chat completion, and one trace
 * from the HTTP request through the Temporal client, the workflow and its activities to the
 * provider call, exported over OTLP/HTTP to a receiver in this file.
 */

/** OTLP SpanKind values. */
const SERVER = 2;
const CLIENT = 3;
/** OTLP StatusCode.ERROR. */
const STATUS_ERROR = 2;

let receiver: OtlpReceiver;
let stack: TestStack;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  stack = await startTestStack({ config: { observability: { otel: { enabled: true, endpoint: receiver.url, serviceName: 'ballast-test' } } } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await receiver?.close();
}, 60_000);

beforeEach(() => {
  stack.simulator.resetScenarios();
});

/** A caller's W3C trace context, as an instrumented client would send it. */
function callerContext() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

/** Sends a chat completion continuing the caller's trace; waits for its workflow to close, then for its spans. */
async function tracedChat(content: string, expectedSpans: (spans: ReceivedSpan[]) => boolean) {
  const caller = callerContext();
  const response = await stack.api('/v1/chat/completions', {
    json: { model: 'simple', messages: [{ role: 'user', content }], max_tokens: 64, temperature: 0.3 },
    headers: { traceparent: caller.traceparent },
  });
  const body = (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON
  expect(response.status).toBe(200);
  // The answer comes from the update; the workflow span ends when the run does.
  await stack.client.workflow.getHandle(body['ballast'].workflow_id).result();
  const spans = await waitForSpans(caller.traceId, expectedSpans);
  return { caller, body, spans };
}

/** Flushes and polls the receiver: the HTTP span ends after the response is written, workflow spans after their task. */
async function waitForSpans(traceId: string, done: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await stack.telemetry.forceFlush();
    const spans = receiver.spans.filter((span) => span.traceId === traceId);
    if (done(spans)) return spans;
    if (Date.now() > deadline) throw new Error(`spans of trace ${traceId} incomplete: ${spans.map((span) => span.name).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const named = (spans: readonly ReceivedSpan[], name: string) => spans.filter((span) => span.name === name);

/** The names from a span up through its parents, as far as the trace has them. */
function ancestry(spans: readonly ReceivedSpan[], from: ReceivedSpan): { names: string[]; topParentId: string } {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const names: string[] = [];
  let current: ReceivedSpan | undefined = from;
  let topParentId = '';
  while (current) {
    names.push(current.name);
    topParentId = current.parentSpanId;
    current = byId.get(current.parentSpanId);
  }
  return { names, topParentId };
}

describe('one trace from the caller to the provider call', () => {
  const marker = `otel-privacy-marker-${randomBytes(6).toString('hex')}`;
  let traced: Awaited<ReturnType<typeof tracedChat>>;

  beforeAll(async () => {
    traced = await tracedChat(`${marker} What is the capital of France?`, (spans) => ['POST /v1/chat/completions', 'RunWorkflow:chatWorkflow', 'chat gpt-4.1-mini'].every((name) => named(spans, name).length > 0));
  }, 60_000);

  test('the caller’s trace id is on the API, client, workflow, activity and GenAI spans', () => {
    const names = traced.spans.map((span) => span.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /v1/chat/completions',
        'UpdateWithStartWorkflow:awaitChatResult',
        'RunWorkflow:chatWorkflow',
        'HandleUpdate:awaitChatResult',
        'StartActivity:planRoute',
        'RunActivity:planRoute',
        'StartActivity:callModel',
        'RunActivity:callModel',
        'chat gpt-4.1-mini',
      ]),
    );
    expect(receiver.contentTypes.every((type) => type.startsWith('application/json'))).toBe(true);
  });

  test('the spans nest: provider call → activity → scheduling → workflow → Update-with-Start → HTTP request → caller', () => {
    const [chat] = named(traced.spans, 'chat gpt-4.1-mini');
    const { names, topParentId } = ancestry(traced.spans, chat!);
    expect(names).toEqual(['chat gpt-4.1-mini', 'RunActivity:callModel', 'StartActivity:callModel', 'RunWorkflow:chatWorkflow', 'UpdateWithStartWorkflow:awaitChatResult', 'POST /v1/chat/completions']);
    expect(topParentId).toBe(traced.caller.spanId);
    const [update] = named(traced.spans, 'HandleUpdate:awaitChatResult');
    expect(ancestry(traced.spans, update!).names).toEqual(['HandleUpdate:awaitChatResult', 'UpdateWithStartWorkflow:awaitChatResult', 'POST /v1/chat/completions']);
  });

  test('the HTTP request is a SERVER span named by method and route, with HTTP semconv attributes', () => {
    const [server] = named(traced.spans, 'POST /v1/chat/completions');
    expect(server?.kind).toBe(SERVER);
    expect(server?.serviceName).toBe('ballast-test');
    expect(server?.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/v1/chat/completions',
      'url.path': '/v1/chat/completions',
      'url.scheme': 'http',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
    });
  });

  test('the provider call is a CLIENT `chat <model>` span with GenAI attributes and the simulator’s token counts', () => {
    const [chat] = named(traced.spans, 'chat gpt-4.1-mini');
    const { body } = traced;
    expect(chat?.kind).toBe(CLIENT);
    expect(chat?.statusCode).not.toBe(STATUS_ERROR);
    expect(chat?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.system': 'openai',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4.1-mini',
      'gen_ai.request.max_tokens': 64,
      'gen_ai.request.temperature': 0.3,
      'gen_ai.response.model': body['model'],
      'gen_ai.response.id': expect.stringMatching(/^chatcmpl-/),
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': body['usage'].prompt_tokens,
      'gen_ai.usage.output_tokens': body['usage'].completion_tokens,
      'server.address': '127.0.0.1',
      'server.port': Number(new URL(stack.simulator.url).port),
      'ballast.request_id': body['ballast'].request_id,
      'ballast.tenant_id': 'tenant-a',
      'ballast.route': 'simple',
      'ballast.attempt': 1,
      'ballast.cost_usd': body['ballast'].cost_usd,
    });
    expect(body['usage'].prompt_tokens).toBeGreaterThan(0);
    expect(body['usage'].completion_tokens).toBeGreaterThan(0);
  });

  test('neither the prompt nor the answer is exported', () => {
    const answer = String(traced.body['choices'][0].message.content);
    // The simulator quotes the prompt in its answer: the marker is in both.
    expect(answer).toContain(marker);
    const exported = receiver.rawBodies.join('\n');
    expect(exported).toContain(traced.body['ballast'].request_id);
    expect(exported).not.toContain(marker);
    expect(exported).not.toContain('capital of France');
  });
});

test('a failed provider attempt is an error span with error.type, and its retry is a second span of the same trace', async () => {
  stack.simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 429, count: 1, retryAfterMs: 50 }] });
  const { caller, spans } = await tracedChat('Hello there', (received) => named(received, 'chat gpt-4.1-mini').length >= 2 && named(received, 'POST /v1/chat/completions').length > 0);

  const calls = named(spans, 'chat gpt-4.1-mini').sort((a, b) => Number(a.attributes['ballast.attempt']) - Number(b.attributes['ballast.attempt']));
  expect(calls.map((call) => [call.attributes['ballast.attempt'], call.statusCode, call.attributes['error.type']])).toEqual([
    [1, STATUS_ERROR, 'rate-limited'],
    [2, 0, undefined],
  ]);
  expect(calls[0]?.attributes).not.toHaveProperty('gen_ai.usage.input_tokens');
  for (const call of calls) expect(ancestry(spans, call).topParentId).toBe(caller.spanId);
}, 60_000);

test('a request body arriving in pieces still continues the trace into the workflow', async () => {
  const caller = callerContext();
  const body = JSON.stringify({ model: 'simple', messages: [{ role: 'user', content: 'Hello in two packets' }] });
  // The second half arrives after Fastify started reading: the body is parsed in the socket's async context.
  const answer = await new Promise<Record<string, any>>((resolve, reject) => { // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON
    const url = new URL('/v1/chat/completions', stack.apiUrl);
    const sent = httpRequest(url, { method: 'POST', headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), traceparent: caller.traceparent } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    sent.on('error', reject);
    sent.write(body.slice(0, 20));
    setTimeout(() => sent.end(body.slice(20)), 200);
  });
  await stack.client.workflow.getHandle(answer['ballast'].workflow_id).result();
  const spans = await waitForSpans(caller.traceId, (received) => named(received, 'chat gpt-4.1-mini').length > 0 && named(received, 'POST /v1/chat/completions').length > 0);

  const [chat] = named(spans, 'chat gpt-4.1-mini');
  expect(ancestry(spans, chat!).names.slice(-2)).toEqual(['UpdateWithStartWorkflow:awaitChatResult', 'POST /v1/chat/completions']);
}, 60_000);

test('histories recorded without the OTel workflow interceptors replay against the bundle that has them', async () => {
  const histories = loadRecordedHistories();
  expect(histories.length).toBeGreaterThan(0);
  const failures: string[] = [];
  const replays = Worker.runReplayHistories(
    // Replay calls no sinks, but the worker still wants the interceptors' `exporter` sink registered.
    { workflowBundle: await sharedBundle(), replayName: 'ballast-otel-replay', sinks: temporalWorkerTracing(DISABLED_TELEMETRY).sinks },
    histories.map(({ history, workflowId }) => ({ history, workflowId })),
  );
  for await (const result of replays) if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  expect(failures).toEqual([]);
}, 120_000);
