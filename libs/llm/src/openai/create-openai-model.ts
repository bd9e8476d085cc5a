import type OpenAI from 'openai';
import { DEFAULT_LLM_TIMEOUT_MS } from '../default-llm-timeout.js';
import { describeResponseBody } from '../describe-response-body.js';
import { isSimulatedResponse } from '../is-simulated-response.js';
import type { GenerateOptions, GenerateResult, LanguageModel, LanguageModelStreamPart } from '../language-model.js';
import { LlmError } from '../llm-error.js';
import { guardProviderCall } from '../guard-provider-call.js';
import { convertOpenAiUsage } from './convert-openai-usage.js';
import { convertToOpenAiMessages } from './convert-to-openai-messages.js';
import { convertToOpenAiSettings } from './convert-to-openai-settings.js';
import { mapOpenAiFinishReason } from './map-openai-finish-reason.js';
import { OPENAI_DEFAULT_BASE_URL, sharedOpenAiClients } from './openai-client.js';
import { convertOpenAiError } from './openai-error.js';
import { openAiChatCompletionSchema } from './openai-response-schema.js';
import { streamOpenAiChat } from './stream-openai-chat.js';

/** How to reach one model of an OpenAI or OpenAI-compatible provider. */
export interface OpenAiModelOptions {
  /** Config name of the provider (`openai`, `local-vllm`); appears in errors, traces and breakers. */
  readonly provider: string;
  readonly modelId: string;
  readonly apiKey: string;
  /** Including `/v1`; defaults to OpenAI's public endpoint. */
  readonly baseURL?: string;
  /** Timeout for calls that do not set `timeoutMs`. */
  readonly defaultTimeoutMs?: number;
  /** Extra headers sent with every call of this model. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A ready client (tests, custom fetch); otherwise the shared client for (baseURL, apiKey). */
  readonly client?: OpenAI;
}

/**
 * Header carrying the idempotency key. The `openai` SDK accepts an `idempotencyKey` request
 * option but (as of 6.30) sends it only when a subclass names a header, so we name it here.
 */
export const OPENAI_IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** A LanguageModel that talks Chat Completions through the official `openai` SDK. */
export function createOpenAiModel(options: OpenAiModelOptions): LanguageModel {
  const { provider, modelId } = options;
  const client = options.client ?? sharedOpenAiClients.get({ baseURL: options.baseURL ?? OPENAI_DEFAULT_BASE_URL, apiKey: options.apiKey });
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;

  async function generate(call: GenerateOptions): Promise<GenerateResult> {
    const { params, warnings } = convertToOpenAiSettings(call.settings, modelId);
    const timeoutMs = call.timeoutMs ?? defaultTimeoutMs;
    const guard = { provider, modelId, timeoutMs, abortSignal: call.abortSignal, convert: (cause: unknown) => convertOpenAiError(cause, { provider, modelId }) };
    return guardProviderCall(guard, async (deadline) => {
      const idempotency = call.idempotencyKey === undefined ? {} : { [OPENAI_IDEMPOTENCY_KEY_HEADER]: call.idempotencyKey };
      // withResponse() hands over the headers of the response the SDK already read: no extra cost.
      const { data, response } = await client.chat.completions
        .create(
          { model: modelId, messages: convertToOpenAiMessages(call.messages), ...params },
          {
            signal: deadline.signal,
            timeout: timeoutMs,
            maxRetries: 0,
            ...(call.idempotencyKey === undefined ? {} : { idempotencyKey: call.idempotencyKey }),
            headers: { ...options.headers, ...idempotency },
          },
        )
        .withResponse();

      const requestId = response.headers.get('x-request-id') ?? undefined;
      const parsed = openAiChatCompletionSchema.safeParse(data);
      if (!parsed.success) {
        throw new LlmError({
          kind: 'malformed-response',
          message: `response is not a chat completion: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`,
          provider,
          modelId,
          statusCode: response.status,
          requestId,
          responseBody: describeResponseBody(data),
        });
      }
      const completion = parsed.data;
      const [choice] = completion.choices;
      return {
        content: choice.message.content ?? '',
        finishReason: { unified: mapOpenAiFinishReason(choice.finish_reason), raw: choice.finish_reason ?? undefined },
        usage: convertOpenAiUsage(completion.usage),
        warnings,
        response: {
          id: completion.id ?? undefined,
          modelId: completion.model ?? modelId,
          requestId,
          simulated: isSimulatedResponse(response.headers),
        },
      };
    });
  }

  function stream(call: GenerateOptions): AsyncIterable<LanguageModelStreamPart> {
    const idempotency: Record<string, string> = call.idempotencyKey === undefined ? {} : { [OPENAI_IDEMPOTENCY_KEY_HEADER]: call.idempotencyKey };
    return streamOpenAiChat({ client, provider, modelId, timeoutMs: call.timeoutMs ?? defaultTimeoutMs, headers: { ...options.headers, ...idempotency } }, call);
  }

  return { provider, modelId, generate, stream };
}
