import type OpenAI from 'openai';
import { APIError, toFile } from 'openai';
import { z } from 'zod';
import { LlmError } from '../llm-error.js';
import { convertOpenAiUsage } from '../openai/convert-openai-usage.js';
import { convertToOpenAiMessages } from '../openai/convert-to-openai-messages.js';
import { convertToOpenAiSettings } from '../openai/convert-to-openai-settings.js';
import { mapOpenAiFinishReason } from '../openai/map-openai-finish-reason.js';
import { OPENAI_DEFAULT_BASE_URL, sharedOpenAiClients } from '../openai/openai-client.js';
import { convertOpenAiError } from '../openai/openai-error.js';
import { openAiChatCompletionSchema } from '../openai/openai-response-schema.js';
import {
  BATCH_JOB_METADATA_KEY,
  DEFAULT_BATCH_CONTROL_TIMEOUT_MS,
  DEFAULT_BATCH_LOOKBACK_MS,
  DEFAULT_BATCH_TRANSFER_TIMEOUT_MS,
  MAX_BATCHES_SCANNED,
  type BatchClientTuning,
  type BatchJobStatus,
  type BatchLineOutcome,
  type BatchProviderClient,
  type BatchSubmitInput,
} from './batch-provider.js';
import { readJsonlLines } from './read-jsonl-lines.js';

const CHAT_ENDPOINT = '/v1/chat/completions';
/** OpenAI caps metadata values at 512 characters. */
const MAX_JOB_KEY_LENGTH = 512;
/** Error codes of lines OpenAI never ran: they are left out of the results. */
const NOT_RUN_CODES = new Set(['batch_expired', 'batch_cancelled']);

/** How to reach OpenAI's Files and Batch APIs. */
export interface OpenAiBatchClientOptions extends BatchClientTuning {
  /** Config name of the provider; appears in errors. */
  readonly provider: string;
  readonly apiKey: string;
  /** Including `/v1`; defaults to OpenAI's public endpoint. */
  readonly baseURL?: string;
  /** Timeout of each control call; default 60 s. */
  readonly timeoutMs?: number;
  /** A ready client (tests); otherwise the shared client for (baseURL, apiKey). */
  readonly client?: OpenAI;
}

/** One line of a batch output or error file. */
const outputLineSchema = z.object({
  id: z.string().nullish(),
  custom_id: z.string(),
  response: z.object({ status_code: z.number(), request_id: z.string().nullish(), body: z.unknown() }).nullish(),
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

const STATUS: Record<OpenAI.Batch['status'], BatchJobStatus> = {
  validating: 'in_progress',
  in_progress: 'in_progress',
  finalizing: 'finalizing',
  completed: 'completed',
  failed: 'failed',
  cancelling: 'cancelling',
  cancelled: 'cancelled',
  expired: 'expired',
};

/** The JSONL input file of a batch: one `POST /v1/chat/completions` request per line. */
export function buildOpenAiBatchInput(input: BatchSubmitInput): string {
  return input.lines
    .map((line) => {
      const { params } = convertToOpenAiSettings(line.settings, input.model);
      const body = { model: input.model, messages: convertToOpenAiMessages(line.messages), ...params };
      return `${JSON.stringify({ custom_id: line.customId, method: 'POST', url: CHAT_ENDPOINT, body })}\n`;
    })
    .join('');
}

/**
 * One line of an output or error file as an outcome; undefined for lines OpenAI never ran
 * (`batch_expired`, `batch_cancelled`). A failed line's kind is what the same HTTP error of a
 * chat call would be.
 */
export function openAiBatchLineOutcome(raw: unknown, context: { provider: string; modelId: string }): BatchLineOutcome | undefined {
  const parsed = outputLineSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LlmError({ kind: 'malformed-response', message: `batch result line is not in OpenAI's batch output format: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`, ...context });
  }
  const { custom_id: customId, response, error } = parsed.data;
  if (response && response.status_code >= 200 && response.status_code < 300) {
    const completion = openAiChatCompletionSchema.safeParse(response.body);
    if (!completion.success) return { customId, outcome: 'failed', errorKind: 'malformed-response', message: 'batch result line carries no chat completion' };
    const [choice] = completion.data.choices;
    return {
      customId,
      outcome: 'succeeded',
      content: choice.message.content ?? '',
      finishReason: mapOpenAiFinishReason(choice.finish_reason),
      usage: convertOpenAiUsage(completion.data.usage),
      modelId: completion.data.model ?? context.modelId,
      responseId: completion.data.id ?? response.request_id ?? parsed.data.id ?? customId,
    };
  }
  if (response) {
    // The same classification as a failed chat call with this status and error body.
    const headers = new Headers(response.request_id ? { 'x-request-id': response.request_id } : {});
    const converted = convertOpenAiError(APIError.generate(response.status_code, response.body as object | undefined, undefined, headers), context);
    return { customId, outcome: 'failed', errorKind: converted?.kind ?? 'server-error', message: converted?.message ?? `status ${response.status_code}` };
  }
  if (error?.code && NOT_RUN_CODES.has(error.code)) return undefined;
  return { customId, outcome: 'failed', errorKind: 'server-error', message: error?.message ?? error?.code ?? 'the line failed without an error message' };
}

/**
 * OpenAI's Batch API behind the {@link BatchProviderClient} port: the lines go up as a JSONL file
 * (Files API), the batch carries the job key in its metadata (`ballast_job`), and a submit first
 * lists recent batches (newest first, back to `lookbackMs`) for one carrying the key, so a
 * retried submit never creates a second batch.
 */
export function createOpenAiBatchClient(options: OpenAiBatchClientOptions): BatchProviderClient {
  const { provider } = options;
  const client = options.client ?? sharedOpenAiClients.get({ baseURL: options.baseURL ?? OPENAI_DEFAULT_BASE_URL, apiKey: options.apiKey });
  const control = { timeout: options.timeoutMs ?? DEFAULT_BATCH_CONTROL_TIMEOUT_MS, maxRetries: 0 };
  const transfer = { timeout: options.transferTimeoutMs ?? DEFAULT_BATCH_TRANSFER_TIMEOUT_MS, maxRetries: 0 };
  const lookbackMs = options.lookbackMs ?? DEFAULT_BATCH_LOOKBACK_MS;

  async function call<T>(modelId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw convertOpenAiError(error, { provider, modelId }) ?? error;
    }
  }

  async function findBatch(jobKey: string): Promise<OpenAI.Batch | undefined> {
    const since = (Date.now() - lookbackMs) / 1000;
    let scanned = 0;
    for await (const batch of client.batches.list({ limit: 100 }, control)) {
      if (batch.metadata?.[BATCH_JOB_METADATA_KEY] === jobKey) return batch;
      scanned += 1;
      if (batch.created_at < since || scanned >= MAX_BATCHES_SCANNED) return undefined;
    }
    return undefined;
  }

  return {
    provider,

    async submit(input) {
      const { jobKey, model } = input;
      if (input.lines.length === 0) throw new LlmError({ kind: 'bad-request', message: 'a provider batch needs at least one line', provider, modelId: model });
      if (jobKey.length > MAX_JOB_KEY_LENGTH) throw new Error(`batch job key is longer than ${MAX_JOB_KEY_LENGTH} characters`);
      const existing = await call(model, () => findBatch(jobKey));
      if (existing) return { providerBatchId: existing.id, inputFileId: existing.input_file_id };

      const filename = `ballast-${jobKey.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100)}.jsonl`;
      const file = await call(model, async () =>
        client.files.create({ file: await toFile(Buffer.from(buildOpenAiBatchInput(input), 'utf8'), filename, { type: 'application/jsonl' }), purpose: 'batch' }, transfer),
      );
      const batch = await call(model, () =>
        client.batches.create({ input_file_id: file.id, endpoint: CHAT_ENDPOINT, completion_window: '24h', metadata: { [BATCH_JOB_METADATA_KEY]: jobKey } }, control),
      );
      return { providerBatchId: batch.id, inputFileId: file.id };
    },

    async poll(providerBatchId) {
      const batch = await call(providerBatchId, () => client.batches.retrieve(providerBatchId, control));
      const counts = batch.request_counts;
      return { status: STATUS[batch.status] ?? 'in_progress', counts: { total: counts?.total ?? 0, completed: counts?.completed ?? 0, failed: counts?.failed ?? 0 } };
    },

    async *results(providerBatchId) {
      const batch = await call(providerBatchId, () => client.batches.retrieve(providerBatchId, control));
      const context = { provider, modelId: batch.model ?? providerBatchId };
      const seen = new Set<string>();
      for (const fileId of [batch.output_file_id, batch.error_file_id]) {
        if (!fileId) continue;
        const response = await call(context.modelId, () => client.files.content(fileId, transfer));
        const lines = readJsonlLines(response.body);
        try {
          for (;;) {
            const next = await call(context.modelId, () => lines.next());
            if (next.done) break;
            let raw: unknown;
            try {
              raw = JSON.parse(next.value);
            } catch {
              throw new LlmError({ kind: 'malformed-response', message: `a line of batch file ${fileId} is not valid JSON`, ...context });
            }
            const outcome = openAiBatchLineOutcome(raw, context);
            if (!outcome || seen.has(outcome.customId)) continue;
            seen.add(outcome.customId);
            yield outcome;
          }
        } finally {
          await lines.return(undefined);
        }
      }
    },

    async cancel(providerBatchId) {
      try {
        await call(providerBatchId, () => client.batches.cancel(providerBatchId, control));
      } catch (error) {
        // Cancelling a batch that has already ended is refused; it needs no cancelling then.
        const batch = await call(providerBatchId, () => client.batches.retrieve(providerBatchId, control));
        if (!['in_progress', 'finalizing', 'validating'].includes(batch.status)) return;
        throw error;
      }
    },
  };
}
