import type Anthropic from '@anthropic-ai/sdk';
import { APIError } from '@anthropic-ai/sdk';
import { z } from 'zod';
import { ANTHROPIC_DEFAULT_BASE_URL, sharedAnthropicClients } from '../anthropic/anthropic-client.js';
import { convertAnthropicError } from '../anthropic/anthropic-error.js';
import { anthropicMessageSchema } from '../anthropic/anthropic-response-schema.js';
import { convertAnthropicUsage } from '../anthropic/convert-anthropic-usage.js';
import { convertToAnthropicMessages } from '../anthropic/convert-to-anthropic-messages.js';
import { convertToAnthropicSettings } from '../anthropic/convert-to-anthropic-settings.js';
import { mapAnthropicStopReason } from '../anthropic/map-anthropic-stop-reason.js';
import { LlmError } from '../llm-error.js';
import { anthropicJobTag, decodeAnthropicCustomId, encodeAnthropicCustomId, MAX_ANTHROPIC_RAW_CUSTOM_ID } from './anthropic-batch-custom-id.js';
import {
  DEFAULT_BATCH_CONTROL_TIMEOUT_MS,
  DEFAULT_BATCH_LOOKBACK_MS,
  DEFAULT_BATCH_TRANSFER_TIMEOUT_MS,
  MAX_BATCHES_SCANNED,
  type BatchClientTuning,
  type BatchJobStatus,
  type BatchLineOutcome,
  type BatchProviderClient,
  type BatchSubmitLine,
} from './batch-provider.js';

type MessageBatch = Anthropic.Messages.Batches.MessageBatch;
type BatchRequest = Anthropic.Messages.Batches.BatchCreateParams.Request;

/** How to reach Anthropic's Message Batches API. */
export interface AnthropicBatchClientOptions extends BatchClientTuning {
  /** Config name of the provider; appears in errors. */
  readonly provider: string;
  readonly apiKey: string;
  /** Without `/v1`; defaults to Anthropic's public endpoint. */
  readonly baseURL?: string;
  /** Timeout of each control call; default 60 s. */
  readonly timeoutMs?: number;
  /** A ready client (tests); otherwise the shared client for (baseURL, apiKey). */
  readonly client?: Anthropic;
}

/** At most this many ended candidates have their results opened to check the job tag. */
const MAX_CANDIDATES_VERIFIED = 5;

/** The HTTP status each Anthropic error type is sent with, so an errored line classifies like a failed call. */
const STATUS_OF_ERROR_TYPE: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

const resultLineSchema = z.object({
  custom_id: z.string(),
  result: z.object({ type: z.string(), message: z.unknown().optional(), error: z.unknown().optional() }),
});

const errorResponseSchema = z.object({ error: z.object({ type: z.string().nullish(), message: z.string().nullish() }).nullish() }).nullish();

function requestParams(model: string, line: BatchSubmitLine): Anthropic.MessageCreateParamsNonStreaming {
  const prompt = convertToAnthropicMessages(line.messages);
  // A line with no user turn is sent as it is: Anthropic errors that one request, not the batch.
  return { model, messages: prompt.messages, ...(prompt.system === undefined ? {} : { system: prompt.system }), ...convertToAnthropicSettings(line.settings).params };
}

function statusOf(batch: MessageBatch): BatchJobStatus {
  if (batch.processing_status === 'in_progress') return 'in_progress';
  if (batch.processing_status === 'canceling') return 'cancelling';
  if (batch.cancel_initiated_at !== null) return 'cancelled';
  return batch.request_counts.expired > 0 ? 'expired' : 'completed';
}

function totalOf(batch: MessageBatch): number {
  const counts = batch.request_counts;
  return counts.processing + counts.succeeded + counts.errored + counts.canceled + counts.expired;
}

/**
 * One results line as an outcome, custom_id decoded back to Ballast's; undefined for requests
 * Anthropic never ran (`canceled`, `expired`). An errored request's kind is what the same error
 * of a Messages call would be.
 */
export function anthropicBatchLineOutcome(raw: unknown, context: { provider: string; modelId: string }): BatchLineOutcome | undefined {
  const parsed = resultLineSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LlmError({ kind: 'malformed-response', message: `batch result line is not a Message Batches result: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`, ...context });
  }
  const { customId } = decodeAnthropicCustomId(parsed.data.custom_id);
  const { result } = parsed.data;
  switch (result.type) {
    case 'succeeded': {
      const message = anthropicMessageSchema.safeParse(result.message);
      if (!message.success) return { customId, outcome: 'failed', errorKind: 'malformed-response', message: 'batch result line carries no message' };
      return {
        customId,
        outcome: 'succeeded',
        content: message.data.content.map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join(''),
        finishReason: mapAnthropicStopReason(message.data.stop_reason),
        usage: convertAnthropicUsage(message.data.usage),
        modelId: message.data.model ?? context.modelId,
        responseId: message.data.id ?? customId,
      };
    }
    case 'errored': {
      const body = errorResponseSchema.safeParse(result.error);
      const type = body.success ? (body.data?.error?.type ?? undefined) : undefined;
      const status = (type === undefined ? undefined : STATUS_OF_ERROR_TYPE[type]) ?? 500;
      const converted = convertAnthropicError(APIError.generate(status, (result.error ?? undefined) as object | undefined, undefined, new Headers()), context);
      return { customId, outcome: 'failed', errorKind: converted?.kind ?? 'server-error', message: converted?.message ?? `the request failed (${type ?? 'unknown error'})` };
    }
    case 'canceled':
    case 'expired':
      return undefined;
    default:
      return { customId, outcome: 'failed', errorKind: 'malformed-response', message: `unknown batch result type ${result.type}` };
  }
}

/**
 * Anthropic's Message Batches behind the {@link BatchProviderClient} port. The API has no batch
 * metadata and no idempotency key, so the job is written into every request's custom_id (see
 * anthropic-batch-custom-id.ts) and a submit first lists recent batches (newest first, back to
 * `lookbackMs`) for an ended one with the same number of requests whose results carry the job's
 * tag. A batch still processing cannot be checked (its results are not readable yet): a submit
 * retried while the first batch runs creates a second one.
 */
export function createAnthropicBatchClient(options: AnthropicBatchClientOptions): BatchProviderClient {
  const { provider } = options;
  const client = options.client ?? sharedAnthropicClients.get({ baseURL: options.baseURL ?? ANTHROPIC_DEFAULT_BASE_URL, apiKey: options.apiKey });
  const control = { timeout: options.timeoutMs ?? DEFAULT_BATCH_CONTROL_TIMEOUT_MS, maxRetries: 0 };
  const transfer = { timeout: options.transferTimeoutMs ?? DEFAULT_BATCH_TRANSFER_TIMEOUT_MS, maxRetries: 0 };
  const lookbackMs = options.lookbackMs ?? DEFAULT_BATCH_LOOKBACK_MS;

  async function call<T>(modelId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw convertAnthropicError(error, { provider, modelId }) ?? error;
    }
  }

  async function carriesTag(batchId: string, tag: string): Promise<boolean> {
    const decoder = await client.messages.batches.results(batchId, {}, transfer);
    try {
      for await (const line of decoder) return decodeAnthropicCustomId(line.custom_id).tag === tag;
      return false;
    } finally {
      decoder.controller.abort();
    }
  }

  async function findBatch(tag: string, requestCount: number): Promise<MessageBatch | undefined> {
    const since = Date.now() - lookbackMs;
    let scanned = 0;
    let verified = 0;
    for await (const batch of client.messages.batches.list({ limit: 100 }, control)) {
      scanned += 1;
      if (Date.parse(batch.created_at) < since || scanned > MAX_BATCHES_SCANNED) return undefined;
      if (batch.results_url === null || totalOf(batch) !== requestCount) continue;
      if (verified >= MAX_CANDIDATES_VERIFIED) return undefined;
      verified += 1;
      if (await carriesTag(batch.id, tag)) return batch;
    }
    return undefined;
  }

  return {
    provider,

    async submit(input) {
      const { model } = input;
      if (input.lines.length === 0) throw new LlmError({ kind: 'bad-request', message: 'a provider batch needs at least one line', provider, modelId: model });
      const tag = anthropicJobTag(input.jobKey);
      const requests: BatchRequest[] = input.lines.map((line) => {
        const customId = encodeAnthropicCustomId(tag, line.customId);
        if (customId === undefined) {
          throw new LlmError({
            kind: 'bad-request',
            message: `custom_id '${line.customId.slice(0, 40)}…' is too long for Anthropic batches (at most ${MAX_ANTHROPIC_RAW_CUSTOM_ID} characters of [A-Za-z0-9_-])`,
            provider,
            modelId: model,
          });
        }
        return { custom_id: customId, params: requestParams(model, line) };
      });
      const existing = await call(model, () => findBatch(tag, requests.length));
      if (existing) return { providerBatchId: existing.id };
      const batch = await call(model, () => client.messages.batches.create({ requests }, transfer));
      return { providerBatchId: batch.id };
    },

    async poll(providerBatchId) {
      const batch = await call(providerBatchId, () => client.messages.batches.retrieve(providerBatchId, {}, control));
      return { status: statusOf(batch), counts: { total: totalOf(batch), completed: batch.request_counts.succeeded, failed: batch.request_counts.errored } };
    },

    async *results(providerBatchId) {
      const context = { provider, modelId: providerBatchId };
      const decoder = await call(providerBatchId, () => client.messages.batches.results(providerBatchId, {}, transfer));
      const lines = decoder[Symbol.asyncIterator]();
      const seen = new Set<string>();
      try {
        for (;;) {
          const next = await call(providerBatchId, () => lines.next());
          if (next.done) break;
          const outcome = anthropicBatchLineOutcome(next.value, context);
          if (!outcome || seen.has(outcome.customId)) continue;
          seen.add(outcome.customId);
          yield outcome;
        }
      } finally {
        await lines.return?.(undefined);
        decoder.controller.abort();
      }
    },

    async cancel(providerBatchId) {
      try {
        await call(providerBatchId, () => client.messages.batches.cancel(providerBatchId, {}, control));
      } catch (error) {
        // Cancelling a batch that has already ended is refused; it needs no cancelling then.
        const batch = await call(providerBatchId, () => client.messages.batches.retrieve(providerBatchId, {}, control));
        if (batch.processing_status === 'in_progress') throw error;
      }
    },
  };
}
