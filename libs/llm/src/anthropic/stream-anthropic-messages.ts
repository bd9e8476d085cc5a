import type Anthropic from '@anthropic-ai/sdk';
import { describeResponseBody } from '../describe-response-body.js';
import { isSimulatedResponse } from '../is-simulated-response.js';
import type { GenerateOptions, LanguageModelStreamPart } from '../language-model.js';
import { LlmError } from '../llm-error.js';
import { streamCutError } from '../stream-cut-error.js';
import { guardProviderStream } from '../guard-provider-call.js';
import { convertAnthropicError } from './anthropic-error.js';
import type { AnthropicUsage } from './anthropic-response-schema.js';
import { anthropicStreamEventSchema } from './anthropic-stream-event-schema.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';
import { convertToAnthropicSettings } from './convert-to-anthropic-settings.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';
import type { ProviderCallTarget } from '../provider-call-target.js';

/** What one streaming call needs besides its options. */
export type AnthropicStreamTarget = ProviderCallTarget<Anthropic>;

/**
 * Streams one Messages call. Usage is exact: input counts from `message_start`, the final
 * output count from `message_delta`. A stream without `message_stop` (dropped connection,
 * early end) is a retryable `connection` LlmError, never a clean end.
 */
export async function* streamAnthropicMessages(target: AnthropicStreamTarget, call: GenerateOptions): AsyncGenerator<LanguageModelStreamPart> {
  const { client, provider, modelId, timeoutMs } = target;
  const prompt = convertToAnthropicMessages(call.messages);
  const settings = convertToAnthropicSettings(call.settings);
  if (prompt.messages.length === 0) {
    throw new LlmError({ kind: 'bad-request', message: 'Anthropic needs at least one user or assistant message', provider, modelId });
  }
  const guard = { provider, modelId, timeoutMs, abortSignal: call.abortSignal, convert: (cause: unknown) => convertAnthropicError(cause, { provider, modelId }) };
  yield* guardProviderStream(guard, async function* (deadline) {
    const { data: stream, response } = await client.messages
      .create(
        { model: modelId, messages: prompt.messages, ...(prompt.system === undefined ? {} : { system: prompt.system }), ...settings.params, stream: true },
        { signal: deadline.signal, timeout: timeoutMs, maxRetries: 0, headers: { ...target.headers } },
      )
      .withResponse();
    const requestId = response.headers.get('request-id') ?? undefined;
    let content = '';
    let id: string | undefined;
    let model: string | undefined;
    let stopReason: string | undefined;
    let usage: NonNullable<AnthropicUsage> = {};
    let stopped = false;
    try {
      for await (const raw of stream) {
        const parsed = anthropicStreamEventSchema.safeParse(raw);
        if (!parsed.success) {
          // Event types added after this adapter was written are skipped, not failed.
          if (typeof (raw as { type?: unknown }).type === 'string' && !KNOWN_TYPES.has((raw as { type: string }).type)) continue;
          throw new LlmError({
            kind: 'malformed-response',
            message: `stream event is not a Messages event: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`,
            provider,
            modelId,
            requestId,
            responseBody: describeResponseBody(raw),
          });
        }
        const event = parsed.data;
        switch (event.type) {
          case 'message_start':
            id = event.message.id ?? undefined;
            model = event.message.model ?? undefined;
            usage = { ...usage, ...definedCounts(event.message.usage) };
            break;
          case 'content_block_delta':
            if (event.delta.type === 'text_delta' && event.delta.text) {
              content += event.delta.text;
              yield { type: 'text-delta', text: event.delta.text };
            }
            break;
          case 'message_delta':
            stopReason = event.delta.stop_reason ?? stopReason;
            usage = { ...usage, ...definedCounts(event.usage) };
            break;
          case 'message_stop':
            stopped = true;
            break;
          default:
            break;
        }
      }
    } catch (error) {
      if (LlmError.isInstance(error) || deadline.timedOut || call.abortSignal?.aborted === true) throw error;
      // A dropped connection (the fetch body's `terminated`) or an `error` event mid-answer.
      throw streamCutError({ provider, modelId, receivedChars: content.length, missing: 'message_stop', requestId, cause: error });
    }
    // The SDK ends iteration quietly when the request is aborted: that is our timeout, not an answer.
    if (deadline.timedOut || call.abortSignal?.aborted === true) throw new Error('stream aborted');
    if (!stopped) throw streamCutError({ provider, modelId, receivedChars: content.length, missing: 'message_stop', requestId });
    yield {
      type: 'finish',
      result: {
        content,
        finishReason: { unified: mapAnthropicStopReason(stopReason), raw: stopReason },
        usage: convertAnthropicUsage(usage),
        warnings: [...prompt.warnings, ...settings.warnings],
        response: { id, modelId: model ?? modelId, requestId, simulated: isSimulatedResponse(response.headers) },
      },
    };
  });
}

const KNOWN_TYPES = new Set(['message_start', 'content_block_delta', 'message_delta', 'message_stop', 'ping', 'content_block_start', 'content_block_stop']);

/** The counts an event reported; absent ones must not erase earlier ones. */
function definedCounts(usage: AnthropicUsage): Partial<NonNullable<AnthropicUsage>> {
  return Object.fromEntries(Object.entries(usage ?? {}).filter(([, value]) => value !== null && value !== undefined));
}
