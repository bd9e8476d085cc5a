import type Anthropic from '@anthropic-ai/sdk';
import { DEFAULT_LLM_TIMEOUT_MS } from '../default-llm-timeout.js';
import { describeResponseBody } from '../describe-response-body.js';
import { isSimulatedResponse } from '../is-simulated-response.js';
import type { GenerateOptions, GenerateResult, LanguageModel, LanguageModelStreamPart } from '../language-model.js';
import { LlmError } from '../llm-error.js';
import { guardProviderCall } from '../guard-provider-call.js';
import { ANTHROPIC_DEFAULT_BASE_URL, sharedAnthropicClients } from './anthropic-client.js';
import { convertAnthropicError } from './anthropic-error.js';
import { anthropicMessageSchema } from './anthropic-response-schema.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';
import { convertToAnthropicSettings } from './convert-to-anthropic-settings.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { streamAnthropicMessages } from './stream-anthropic-messages.js';

/** How to reach one Anthropic model. */
export interface AnthropicModelOptions {
  /** Config name of the provider (`anthropic`); appears in errors, traces and breakers. */
  readonly provider: string;
  readonly modelId: string;
  readonly apiKey: string;
  /** Without `/v1`; defaults to Anthropic's public endpoint. */
  readonly baseURL?: string;
  /** Timeout for calls that do not set `timeoutMs`. */
  readonly defaultTimeoutMs?: number;
  /** Extra headers sent with every call of this model (e.g. `anthropic-beta`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** A ready client (tests, custom fetch); otherwise the shared client for (baseURL, apiKey). */
  readonly client?: Anthropic;
}

/**
 * Header carrying the idempotency key. The `@anthropic-ai/sdk` `idempotencyKey` option is
 * deprecated and sends nothing (1.14), so the key travels as a plain header.
 */
export const ANTHROPIC_IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** A LanguageModel that talks to the Messages API through the official `@anthropic-ai/sdk`. */
export function createAnthropicModel(options: AnthropicModelOptions): LanguageModel {
  const { provider, modelId } = options;
  const client =
    options.client ?? sharedAnthropicClients.get({ baseURL: options.baseURL ?? ANTHROPIC_DEFAULT_BASE_URL, apiKey: options.apiKey });
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;

  async function generate(call: GenerateOptions): Promise<GenerateResult> {
    const prompt = convertToAnthropicMessages(call.messages);
    const settings = convertToAnthropicSettings(call.settings);
    if (prompt.messages.length === 0) {
      throw new LlmError({ kind: 'bad-request', message: 'Anthropic needs at least one user or assistant message', provider, modelId });
    }
    const timeoutMs = call.timeoutMs ?? defaultTimeoutMs;
    const guard = { provider, modelId, timeoutMs, abortSignal: call.abortSignal, convert: (cause: unknown) => convertAnthropicError(cause, { provider, modelId }) };
    return guardProviderCall(guard, async (deadline) => {
      const idempotency = call.idempotencyKey === undefined ? {} : { [ANTHROPIC_IDEMPOTENCY_KEY_HEADER]: call.idempotencyKey };
      // withResponse() hands over the headers of the response the SDK already read: no extra cost.
      const { data, response } = await client.messages
        .create(
          {
            model: modelId,
            messages: prompt.messages,
            ...(prompt.system === undefined ? {} : { system: prompt.system }),
            ...settings.params,
          },
          { signal: deadline.signal, timeout: timeoutMs, maxRetries: 0, headers: { ...options.headers, ...idempotency } },
        )
        .withResponse();

      const requestId = response.headers.get('request-id') ?? undefined;
      const parsed = anthropicMessageSchema.safeParse(data);
      if (!parsed.success) {
        throw new LlmError({
          kind: 'malformed-response',
          message: `response is not a message: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`,
          provider,
          modelId,
          statusCode: response.status,
          requestId,
          responseBody: describeResponseBody(data),
        });
      }
      const message = parsed.data;
      return {
        content: message.content.map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join(''),
        finishReason: { unified: mapAnthropicStopReason(message.stop_reason), raw: message.stop_reason ?? undefined },
        usage: convertAnthropicUsage(message.usage),
        warnings: [...prompt.warnings, ...settings.warnings],
        response: {
          id: message.id ?? undefined,
          modelId: message.model ?? modelId,
          requestId,
          simulated: isSimulatedResponse(response.headers),
        },
      };
    });
  }

  function stream(call: GenerateOptions): AsyncIterable<LanguageModelStreamPart> {
    const idempotency: Record<string, string> = call.idempotencyKey === undefined ? {} : { [ANTHROPIC_IDEMPOTENCY_KEY_HEADER]: call.idempotencyKey };
    return streamAnthropicMessages({ client, provider, modelId, timeoutMs: call.timeoutMs ?? defaultTimeoutMs, headers: { ...options.headers, ...idempotency } }, call);
  }

  return { provider, modelId, generate, stream };
}
