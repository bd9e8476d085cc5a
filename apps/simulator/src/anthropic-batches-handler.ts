import { z } from 'zod';
import { buildMessage } from './anthropic-message-response.js';
import { contextLengthMessage, messagesRequestSchema } from './anthropic-messages-handler.js';
import { answerBatchLine, BATCH_EXPIRY_MS, configuredLineFailure, isoTime, pageNewestFirst, readLimit, resolveBatchBehaviour } from './batch-lines.js';
import { BatchRun, type BatchLine, type BatchLineResult } from './batch-run.js';
import type { AnthropicBatchRecord } from './batch-store.js';
import { describeFirstIssue } from './describe-issue.js';
import { newId, type Exchange } from './exchange.js';
import { promptFromAnthropic } from './prompt-messages.js';
import { anthropicErrorBody, sendProviderError, type SimulatedError } from './provider-errors.js';
import type { SimulatorState } from './simulator-state.js';

const CUSTOM_ID_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

const createBatchSchema = z.looseObject({
  requests: z.array(z.looseObject({ custom_id: z.string(), params: z.unknown() })).min(1),
});

/** The error every line ends with when a scenario makes an Anthropic batch "fail" (Anthropic has no failed batch). */
export const ANTHROPIC_BATCH_FAILURE: SimulatedError = { status: 500, message: 'Simulated batch failure: the request could not be processed.' };

/**
 * Anthropic validates each request's params while processing, not on create: an invalid request
 * ends `errored` with an invalid_request_error, the others run.
 */
function answerRequest(state: SimulatorState, params: unknown, failure: SimulatedError | undefined): { model: string; result: BatchLineResult } {
  const parsed = messagesRequestSchema.safeParse(params);
  if (!parsed.success) {
    const model = (params as { model?: unknown } | null)?.model;
    return { model: typeof model === 'string' ? model : 'unknown-model', result: { kind: 'failed', error: { status: 400, message: `params.${describeFirstIssue(parsed.error).message}` } } };
  }
  const request = parsed.data;
  if (failure) return { model: request.model, result: { kind: 'failed', error: failure } };
  const messages = promptFromAnthropic(request.system, request.messages);
  const result = answerBatchLine(state, { model: request.model, messages, maxTokens: request.max_tokens }, (overflow) => ({ status: 400, message: contextLengthMessage(overflow) }));
  return { model: request.model, result };
}

function resultsUrl(exchange: Exchange, batchId: string): string {
  return `http://${exchange.request.headers.host ?? 'localhost'}/v1/messages/batches/${batchId}/results`;
}

/** The MessageBatch object at this instant. Counts stay `processing` until the whole batch ended, as at Anthropic. */
export function renderAnthropicBatch(state: SimulatorState, exchange: Exchange, record: AnthropicBatchRecord): Record<string, unknown> {
  const view = record.run.observe(state.now(), state.stats);
  const { counts } = view;
  return {
    id: record.id,
    type: 'message_batch',
    processing_status: view.terminal ? 'ended' : view.phase === 'cancelling' ? 'canceling' : 'in_progress',
    request_counts: view.terminal
      ? { processing: 0, succeeded: counts.succeeded, errored: counts.failed, canceled: counts.cancelled, expired: counts.expired }
      : { processing: counts.total, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
    ended_at: view.endedAt === undefined ? null : isoTime(view.endedAt),
    created_at: isoTime(record.run.createdAt),
    expires_at: isoTime(record.run.createdAt + BATCH_EXPIRY_MS),
    archived_at: null,
    cancel_initiated_at: view.cancellingAt === undefined ? null : isoTime(view.cancellingAt),
    results_url: view.terminal ? resultsUrl(exchange, record.id) : null,
  };
}

function renderResults(state: SimulatorState, record: AnthropicBatchRecord): string {
  const view = record.run.view(state.now());
  const rows = record.run.lines.map((line, index) => {
    const result = record.run.resultOf(index);
    switch (record.run.lineState(view, index)) {
      case 'succeeded':
        return { custom_id: line.customId, result: { type: 'succeeded', message: result.kind === 'succeeded' ? buildMessage(line.model, result.generation) : null } };
      case 'failed':
        return { custom_id: line.customId, result: { type: 'errored', error: result.kind === 'failed' ? anthropicErrorBody(result.error, newId('req_')) : null } };
      case 'cancelled':
        return { custom_id: line.customId, result: { type: 'canceled' } };
      default:
        return { custom_id: line.customId, result: { type: 'expired' } };
    }
  });
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

function sendBatchNotFound(exchange: Exchange, batchId: string): void {
  sendProviderError(exchange, { status: 404, message: `Message batch ${batchId} not found.` });
}

/** `POST /v1/messages/batches`. */
export function handleCreateMessageBatch(state: SimulatorState, exchange: Exchange, body: unknown): void {
  const parsed = createBatchSchema.safeParse(body);
  if (!parsed.success) {
    sendProviderError(exchange, { status: 400, message: describeFirstIssue(parsed.error).message });
    return;
  }
  const { requests } = parsed.data;
  const seen = new Set<string>();
  for (const [index, request] of requests.entries()) {
    if (!CUSTOM_ID_PATTERN.test(request.custom_id)) {
      sendProviderError(exchange, { status: 400, message: `requests.${index}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'` });
      return;
    }
    if (seen.has(request.custom_id)) {
      sendProviderError(exchange, { status: 400, message: `requests.${index}.custom_id: duplicate custom_id '${request.custom_id}'; custom_id must be unique within a batch.` });
      return;
    }
    seen.add(request.custom_id);
  }

  const firstModel = (requests[0]?.params as { model?: unknown } | null | undefined)?.model;
  const behaviour = resolveBatchBehaviour(state, typeof firstModel === 'string' ? firstModel : '*');
  const lines: BatchLine[] = requests.map((request, index) => {
    const model = (request.params as { model?: unknown } | null)?.model;
    const failure = configuredLineFailure(behaviour, index, request.custom_id, typeof model === 'string' ? model : 'unknown-model');
    return { customId: request.custom_id, ...answerRequest(state, request.params, failure) };
  });
  const failsWhole = behaviour.outcome === 'failed';
  const run = new BatchRun(state.now(), lines, failsWhole ? { ...behaviour, outcome: 'completed' } : behaviour);
  if (failsWhole) run.failAllLines(ANTHROPIC_BATCH_FAILURE);
  const record: AnthropicBatchRecord = { id: newId('msgbatch_'), run };
  state.batches.anthropic.set(record.id, record);
  exchange.sendJson(200, renderAnthropicBatch(state, exchange, record));
}

/** `GET /v1/messages/batches/:id`. */
export function handleRetrieveMessageBatch(state: SimulatorState, exchange: Exchange, batchId: string): void {
  const record = state.batches.anthropic.get(batchId);
  if (!record) sendBatchNotFound(exchange, batchId);
  else exchange.sendJson(200, renderAnthropicBatch(state, exchange, record));
}

/** `GET /v1/messages/batches?limit&after_id&before_id`: newest first. */
export function handleListMessageBatches(state: SimulatorState, exchange: Exchange, query: URLSearchParams): void {
  const { page, hasMore } = pageNewestFirst([...state.batches.anthropic.values()], {
    limit: readLimit(query, 20, 1000),
    after: query.get('after_id') ?? undefined,
    before: query.get('before_id') ?? undefined,
  });
  const data = page.map((record) => renderAnthropicBatch(state, exchange, record));
  exchange.sendJson(200, { data, has_more: hasMore, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null });
}

/** `GET /v1/messages/batches/:id/results`: JSONL, one line per request, once the batch has ended. */
export function handleMessageBatchResults(state: SimulatorState, exchange: Exchange, batchId: string): void {
  const record = state.batches.anthropic.get(batchId);
  if (!record) {
    sendBatchNotFound(exchange, batchId);
    return;
  }
  record.run.observe(state.now(), state.stats);
  if (!record.run.view(state.now()).terminal) {
    sendProviderError(exchange, { status: 400, message: `Message batch ${batchId} is still processing; its results are available once it has ended.` });
    return;
  }
  record.results ??= renderResults(state, record);
  exchange.sendText(200, 'application/x-jsonl', record.results);
}

/** `POST /v1/messages/batches/:id/cancel`: `canceling` for the scenario's `cancelMs`, then `ended`. */
export function handleCancelMessageBatch(state: SimulatorState, exchange: Exchange, batchId: string): void {
  const record = state.batches.anthropic.get(batchId);
  if (!record) {
    sendBatchNotFound(exchange, batchId);
    return;
  }
  if (!record.run.cancel(state.now())) {
    sendProviderError(exchange, { status: 400, message: `Message batch ${batchId} has already ended and cannot be canceled.` });
    return;
  }
  exchange.sendJson(200, renderAnthropicBatch(state, exchange, record));
}
