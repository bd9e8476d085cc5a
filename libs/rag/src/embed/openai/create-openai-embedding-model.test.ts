import OpenAI from 'openai';
import { LlmError } from '#libs/llm';
import { createOpenAiEmbeddingModel, type OpenAiEmbeddingModelOptions } from './create-openai-embedding-model.js';

interface SentRequest {
  readonly url: string;
  readonly body: Record<string, unknown>;
  readonly signal: AbortSignal | undefined;
}

/** An OpenAI client whose fetch answers from `respond` and records what was sent. */
function scriptedClient(respond: (request: SentRequest) => Response | Promise<Response>): { client: OpenAI; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = {
      url: input instanceof Request ? input.url : String(input),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {},
      signal: init?.signal ?? undefined,
    };
    sent.push(request);
    return respond(request);
  };
  return { client: new OpenAI({ apiKey: 'sk-test', baseURL: 'http://provider.test/v1', maxRetries: 0, fetch }), sent };
}

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req_42' } });

function base64Of(values: readonly number[]): string {
  return Buffer.from(new Float32Array(values).buffer).toString('base64');
}

function modelWith(client: OpenAI, options: Partial<OpenAiEmbeddingModelOptions> = {}) {
  return createOpenAiEmbeddingModel({ provider: 'openai', modelId: 'text-embedding-3-small', apiKey: 'sk-test', dimensions: 2, client, ...options });
}

async function llmRejection(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!LlmError.isInstance(error)) throw new Error(`expected an LlmError, got ${String(error)}`);
  return error;
}

describe('createOpenAiEmbeddingModel', () => {
  it('asks for base64 with the dimensions of a text-embedding-3 model and decodes the vectors in input order', async () => {
    const { client, sent } = scriptedClient(() =>
      json({
        data: [
          { index: 1, embedding: base64Of([0, 1]) },
          { index: 0, embedding: base64Of([1, 0]) },
        ],
        usage: { prompt_tokens: 7, total_tokens: 7 },
      }),
    );
    const result = await modelWith(client).embed(['first', 'second']);

    expect(sent[0]?.url).toBe('http://provider.test/v1/embeddings');
    expect(sent[0]?.body).toEqual({ model: 'text-embedding-3-small', input: ['first', 'second'], encoding_format: 'base64', dimensions: 2 });
    expect(result).toEqual({ embeddings: [new Float32Array([1, 0]), new Float32Array([0, 1])], usage: { inputTokens: 7 } });
  });

  it('leaves dimensions out for other models, sends input_type when asked, and accepts float arrays', async () => {
    const { client, sent } = scriptedClient(() => json({ data: [{ index: 0, embedding: [0.6, 0.8] }] }));
    const model = modelWith(client, { modelId: 'multilingual-e5-small-q4', sendInputType: true });
    const result = await model.embed(['how long do refunds take'], { purpose: 'query' });
    await model.embed(['Refunds take 14 days.']);

    expect(sent[0]?.body).toEqual({ model: 'multilingual-e5-small-q4', input: ['how long do refunds take'], encoding_format: 'base64', input_type: 'query' });
    expect(sent[1]?.body['input_type']).toBe('passage');
    expect(result.embeddings[0]).toEqual(new Float32Array([0.6, 0.8]));
    expect(result.usage.inputTokens).toBeUndefined();
  });

  it('calls a response with a missing vector malformed, with the request id', async () => {
    const { client } = scriptedClient(() => json({ data: [{ index: 0, embedding: base64Of([1, 0]) }] }));
    const error = await llmRejection(modelWith(client).embed(['a', 'b']));

    expect(error.kind).toBe('malformed-response');
    expect(error.message).toBe('response has no embedding for input 1 of 2');
    expect(error.requestId).toBe('req_42');
  });

  it('refuses vectors of the wrong size as a non-retryable configuration error', async () => {
    const { client } = scriptedClient(() => json({ data: [{ index: 0, embedding: base64Of([1, 0, 0]) }] }));
    const error = await llmRejection(modelWith(client).embed(['a']));

    expect(error.kind).toBe('bad-request');
    expect(error.message).toBe('text-embedding-3-small returned 3-dimension vectors; the model is configured for 2');
  });

  it('maps provider errors through libs/llm: 400 context length, 401 auth', async () => {
    const contextLength = scriptedClient(() => json({ error: { message: "This model's maximum context length is 8192 tokens", code: null } }, 400));
    expect((await llmRejection(modelWith(contextLength.client).embed(['a']))).kind).toBe('context-length-exceeded');
    const auth = scriptedClient(() => json({ error: { message: 'Incorrect API key provided' } }, 401));
    expect((await llmRejection(modelWith(auth.client).embed(['a']))).kind).toBe('auth');
  });

  it('hands a caller abort back as the caller’s reason, not as a provider failure', async () => {
    const controller = new AbortController();
    const reason = new Error('activity cancelled');
    const { client } = scriptedClient(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal?.addEventListener('abort', () => reject(request.signal?.reason), { once: true });
          controller.abort(reason);
        }),
    );
    await expect(modelWith(client).embed(['a'], { abortSignal: controller.signal })).rejects.toBe(reason);
  });
});
