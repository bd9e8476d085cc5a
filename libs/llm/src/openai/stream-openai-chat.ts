import type OpenAI from 'openai';
import { describeResponseBody } from '../describe-response-body.js';
import { isSimulatedResponse } from '../is-simulated-response.js';
import type { GenerateOptions, LanguageModelStreamPart } from '../language-model.js';
import { LlmError } from '../llm-error.js';
import { streamCutError } from '../stream-cut-error.js';
import { guardProviderStream } from '../guard-provider-call.js';
import { convertOpenAiUsage } from './convert-openai-usage.js';
import { convertToOpenAiMessages } from './convert-to-openai-messages.js';
import { convertToOpenAiSettings } from './convert-to-openai-settings.js';
import { mapOpenAiFinishReason } from './map-openai-finish-reason.js';
import { convertOpenAiError } from './openai-error.js';
import { openAiChatChunkSchema, type OpenAiChatChunk } from './openai-chunk-schema.js';
import type { ProviderCallTarget } from '../provider-call-target.js';

/** What one streaming call needs besides its options. */
export type OpenAiStreamTarget = ProviderCallTarget<OpenAI>;

/**
 * Streams one Chat Completions call with `stream_options.include_usage`, so usage is exact.
 * The stream must deliver a `finish_reason` and the usage chunk: a connection that drops or a
 * stream that ends before them is a retryable `connection` LlmError, never a clean end.
 */
export async function* streamOpenAiChat(target: OpenAiStreamTarget, call: GenerateOptions): AsyncGenerator<LanguageModelStreamPart> {
  const { client, provider, modelId, timeoutMs } = target;
  const { params, warnings } = convertToOpenAiSettings(call.settings, modelId);
  const guard = { provider, modelId, timeoutMs, abortSignal: call.abortSignal, convert: (cause: unknown) => convertOpenAiError(cause, { provider, modelId }) };
  yield* guardProviderStream(guard, async function* (deadline) {
    const { data: stream, response } = await client.chat.completions
      .create(
        { model: modelId, messages: convertToOpenAiMessages(call.messages), ...params, stream: true, stream_options: { include_usage: true } },
        { signal: deadline.signal, timeout: timeoutMs, maxRetries: 0, headers: { ...target.headers } },
      )
      .withResponse();
    const requestId = response.headers.get('x-request-id') ?? undefined;
    let content = '';
    let id: string | undefined;
    let model: string | undefined;
    let finishReason: string | undefined;
    let usage: OpenAiChatChunk['usage'];
    try {
      for await (const raw of stream) {
        const parsed = openAiChatChunkSchema.safeParse(raw);
        if (!parsed.success) {
          throw new LlmError({
            kind: 'malformed-response',
            message: `stream event is not a chat.completion.chunk: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`,
            provider,
            modelId,
            requestId,
            responseBody: describeResponseBody(raw),
          });
        }
        const chunk = parsed.data;
        id ??= chunk.id ?? undefined;
        model ??= chunk.model ?? undefined;
        if (chunk.usage) usage = chunk.usage;
        const [choice] = chunk.choices;
        const text = choice?.delta?.content;
        if (text) {
          content += text;
          yield { type: 'text-delta', text };
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
      }
    } catch (error) {
      if (LlmError.isInstance(error) || deadline.timedOut || call.abortSignal?.aborted === true) throw error;
      // The SDK hands over a dropped connection as the fetch body's own error (`terminated`).
      throw streamCutError({ provider, modelId, receivedChars: content.length, missing: finishReason === undefined ? 'finish_reason' : 'usage chunk', requestId, cause: error });
    }
    // The SDK ends iteration quietly when the request is aborted: that is our timeout, not an answer.
    if (deadline.timedOut || call.abortSignal?.aborted === true) throw new Error('stream aborted');
    if (finishReason === undefined || usage === undefined) {
      throw streamCutError({ provider, modelId, receivedChars: content.length, missing: finishReason === undefined ? 'finish_reason' : 'usage chunk', requestId });
    }
    yield {
      type: 'finish',
      result: {
        content,
        finishReason: { unified: mapOpenAiFinishReason(finishReason), raw: finishReason },
        usage: convertOpenAiUsage(usage),
        warnings,
        response: { id, modelId: model ?? modelId, requestId, simulated: isSimulatedResponse(response.headers) },
      },
    };
  });
}
