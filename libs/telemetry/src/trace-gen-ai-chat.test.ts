import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { traceGenAiChat, type GenAiChatRequest } from './trace-gen-ai-chat.js';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => provider.register());
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});
beforeEach(() => exporter.reset());

const request: GenAiChatRequest = {
  provider: { system: 'openai', serverAddress: 'api.openai.com', serverPort: 443 },
  model: 'gpt-4.1-mini',
  maxTokens: 256,
  temperature: 0.2,
  requestId: 'req_1',
  tenantId: 'tenant-a',
  route: 'simple',
  attempt: 2,
};
const answer = { text: 'Paris is the capital of France.', usage: { input: 12, output: 7 } };

test('a call is a CLIENT span `chat <model>` with GenAI request and response attributes and Ballast ids', async () => {
  const result = await traceGenAiChat(request, async () => answer, (generated) => ({
    model: 'gpt-4.1-mini-2025-04-14',
    id: 'chatcmpl-1',
    finishReasons: ['stop'],
    inputTokens: generated.usage.input,
    outputTokens: generated.usage.output,
    costUsd: 0.000026,
  }));

  expect(result).toBe(answer);
  const [span] = exporter.getFinishedSpans();
  expect(span?.name).toBe('chat gpt-4.1-mini');
  expect(span?.kind).toBe(SpanKind.CLIENT);
  expect(span?.attributes).toEqual({
    'gen_ai.operation.name': 'chat',
    'gen_ai.system': 'openai',
    'gen_ai.provider.name': 'openai',
    'gen_ai.request.model': 'gpt-4.1-mini',
    'gen_ai.request.max_tokens': 256,
    'gen_ai.request.temperature': 0.2,
    'server.address': 'api.openai.com',
    'server.port': 443,
    'ballast.request_id': 'req_1',
    'ballast.tenant_id': 'tenant-a',
    'ballast.route': 'simple',
    'ballast.attempt': 2,
    'gen_ai.response.model': 'gpt-4.1-mini-2025-04-14',
    'gen_ai.response.id': 'chatcmpl-1',
    'gen_ai.response.finish_reasons': ['stop'],
    'gen_ai.usage.input_tokens': 12,
    'gen_ai.usage.output_tokens': 7,
    'ballast.cost_usd': 0.000026,
  });
  // Privacy by default: the answer's text is nowhere in the span.
  expect(JSON.stringify(span?.attributes)).not.toContain('Paris');
});

test('settings the caller did not set are left out, not written as empty', async () => {
  await traceGenAiChat({ ...request, maxTokens: undefined, temperature: undefined }, async () => answer, () => ({ finishReasons: ['stop'], costUsd: 0 }));
  const [span] = exporter.getFinishedSpans();
  expect(span?.attributes).not.toHaveProperty('gen_ai.request.max_tokens');
  expect(span?.attributes).not.toHaveProperty('gen_ai.request.temperature');
  expect(span?.attributes).not.toHaveProperty('gen_ai.usage.input_tokens');
});

test('a failed call is an error span whose error.type is the LlmError kind, and the error goes on', async () => {
  const failure = Object.assign(new Error('429 Too Many Requests: slow down'), { kind: 'rate-limited' });
  await expect(traceGenAiChat(request, () => Promise.reject(failure), () => ({ finishReasons: [], costUsd: 0 }))).rejects.toBe(failure);

  const [span] = exporter.getFinishedSpans();
  expect(span?.status).toEqual({ code: SpanStatusCode.ERROR });
  expect(span?.attributes['error.type']).toBe('rate-limited');
  expect(span?.attributes).not.toHaveProperty('gen_ai.usage.input_tokens');
});

test('spans started during the call (an SDK instrumentation) are its children', async () => {
  await traceGenAiChat(request, async () => {
    await new Promise((resolve) => setImmediate(resolve));
    trace.getTracer('sdk').startSpan('POST /v1/chat/completions').end();
    return answer;
  }, () => ({ finishReasons: ['stop'], costUsd: 0 }));

  const [inner, outer] = exporter.getFinishedSpans();
  expect(outer?.name).toBe('chat gpt-4.1-mini');
  expect(inner?.parentSpanId).toBe(outer?.spanContext().spanId);
});
