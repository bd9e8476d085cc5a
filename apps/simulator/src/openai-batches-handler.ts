import { z } from 'zod';
import { answerBatchLine, BATCH_EXPIRY_MS, configuredLineFailure, pageNewestFirst, readLimit, resolveBatchBehaviour, unixSeconds } from './batch-lines.js';
import { BatchRun, type BatchLine, type BatchView } from './batch-run.js';
import type { OpenAiBatchError, OpenAiBatchRecord } from './batch-store.js';
import { describeFirstIssue } from './describe-issue.js';
import { newId, type Exchange } from './exchange.js';
import { chatRequestSchema, contextLengthMessage } from './openai-chat-handler.js';
import { buildChatCompletion } from './openai-chat-response.js';
import { storeGeneratedFile } from './openai-files-handler.js';
import { promptFromOpenAi } from './prompt-messages.js';
import { openAiErrorBody, sendProviderError } from './provider-errors.js';
import type { SimulatorState } from './simulator-state.js';

/** The only endpoint simulated batches run. */
const CHAT_ENDPOINT = '/v1/chat/completions';

const createBatchSchema = z.looseObject({
  input_file_id: z.string().min(1),
  endpoint: z.string().min(1),
  completion_window: z.string().min(1),
  metadata: z.record(z.string(), z.string()).nullish(),
});

const inputLineSchema = z.looseObject({
  custom_id: z.string().min(1),
  method: z.string(),
  url: z.string(),
  body: z.unknown(),
});

/** A valid line of the input file. */
interface InputLine {
  readonly customId: string;
  readonly lineNumber: number;
  readonly body: z.infer<typeof chatRequestSchema>;
}

function checkMetadata(metadata: Record<string, string>): string | undefined {
  const entries = Object.entries(metadata);
  if (entries.length > 16) return 'Invalid metadata: at most 16 keys are allowed.';
  for (const [key, value] of entries) {
    if (key.length > 64) return `Invalid metadata: key '${key.slice(0, 20)}…' is longer than 64 characters.`;
    if (value.length > 512) return `Invalid metadata: the value of '${key}' is longer than 512 characters.`;
  }
  return undefined;
}

/** Validates each line of the input file the way OpenAI's validating phase does; any error fails the batch. */
function parseInputFile(text: string, endpoint: string): { lines: InputLine[]; errors: OpenAiBatchError[] } {
  const lines: InputLine[] = [];
  const errors: OpenAiBatchError[] = [];
  const seen = new Set<string>();
  const rows = text.split('\n');
  rows.forEach((row, index) => {
    const lineNumber = index + 1;
    if (row.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(row);
    } catch {
      errors.push({ code: 'invalid_json_line', message: 'This line is not parseable as valid JSON.', param: null, line: lineNumber });
      return;
    }
    const parsed = inputLineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = describeFirstIssue(parsed.error);
      errors.push({ code: 'missing_required_parameter', message: issue.message, param: issue.param, line: lineNumber });
      return;
    }
    const { custom_id: customId, method, url, body } = parsed.data;
    if (seen.has(customId)) {
      errors.push({ code: 'duplicate_custom_id', message: `The custom_id for this request is a duplicate of another request: ${customId}.`, param: 'custom_id', line: lineNumber });
      return;
    }
    seen.add(customId);
    if (method !== 'POST' || url !== endpoint) {
      errors.push({ code: 'invalid_url', message: `The URL provided for this request does not match the batch endpoint ${endpoint}.`, param: 'url', line: lineNumber });
      return;
    }
    const request = chatRequestSchema.safeParse(body);
    if (!request.success) {
      const issue = describeFirstIssue(request.error);
      errors.push({ code: 'invalid_request', message: issue.message, param: issue.param === null ? 'body' : `body.${issue.param}`, line: lineNumber });
      return;
    }
    lines.push({ customId, lineNumber, body: request.data });
  });
  const model = lines[0]?.body.model;
  for (const line of lines) {
    if (line.body.model !== model) {
      errors.push({ code: 'mismatched_model', message: 'The provided model does not match the model of the other requests in this batch.', param: 'body.model', line: line.lineNumber });
    }
  }
  if (lines.length === 0 && errors.length === 0) errors.push({ code: 'empty_file', message: 'The batch input file is empty.', param: null, line: null });
  return { lines, errors };
}

function answerLines(state: SimulatorState, lines: readonly InputLine[], behaviour: ReturnType<typeof resolveBatchBehaviour>): BatchLine[] {
  return lines.map(({ customId, body }, index) => {
    const model = body.model;
    const failure = configuredLineFailure(behaviour, index, customId, model);
    const result = failure
      ? { kind: 'failed' as const, error: failure }
      : answerBatchLine(state, { model, messages: promptFromOpenAi(body.messages), maxTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined }, (overflow) => ({
          status: 400,
          message: contextLengthMessage(overflow),
          code: 'context_length_exceeded',
          param: 'messages',
        }));
    return { customId, model, result };
  });
}

/** Writes the output and error files once the batch has ended, in OpenAI's batch output format. */
function writeResultFiles(state: SimulatorState, record: OpenAiBatchRecord, view: BatchView): void {
  if (record.outputFileId !== undefined) return;
  const output: string[] = [];
  const errors: string[] = [];
  record.run.lines.forEach((line, index) => {
    const lineState = record.run.lineState(view, index);
    const base = { id: newId('batch_req_'), custom_id: line.customId };
    const result = record.run.resultOf(index);
    if (lineState === 'succeeded' && result.kind === 'succeeded') {
      const body = buildChatCompletion(line.model, result.generation);
      output.push(JSON.stringify({ ...base, response: { status_code: 200, request_id: newId('req_'), body }, error: null }));
    } else if (lineState === 'failed' && result.kind === 'failed') {
      errors.push(JSON.stringify({ ...base, response: { status_code: result.error.status, request_id: newId('req_'), body: openAiErrorBody(result.error) }, error: null }));
    } else if (lineState === 'cancelled') {
      errors.push(JSON.stringify({ ...base, response: null, error: { code: 'batch_cancelled', message: 'This request was not executed because the batch was cancelled.' } }));
    } else if (lineState === 'expired') {
      errors.push(JSON.stringify({ ...base, response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } }));
    }
  });
  const createdAt = view.endedAt ?? state.now();
  const write = (kind: string, rows: string[]): string | null =>
    rows.length === 0 ? null : storeGeneratedFile(state, { filename: `${record.id}_${kind}.jsonl`, purpose: 'batch_output', content: `${rows.join('\n')}\n`, createdAt }).id;
  record.outputFileId = write('output', output);
  record.errorFileId = write('error', errors);
}

function usageOf(record: OpenAiBatchRecord, view: BatchView): Record<string, unknown> {
  let input = 0;
  let output = 0;
  for (let index = 0; index < view.linesRun; index += 1) {
    const result = record.run.resultOf(index);
    if (result.kind !== 'succeeded') continue;
    input += result.generation.inputTokens;
    output += result.generation.outputTokens;
  }
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

/** Validation errors, or for a batch failed another way (scenario or control API) a generic one. */
function errorsOf(record: OpenAiBatchRecord, view: BatchView): { object: 'list'; data: readonly OpenAiBatchError[] } | null {
  if (record.errors.length > 0) return { object: 'list', data: record.errors };
  if (view.phase !== 'failed') return null;
  return { object: 'list', data: [{ code: 'batch_failed', message: 'Simulated batch failure: the batch could not be processed.', param: null, line: null }] };
}

/** The Batch object at this instant; writes the result files when the batch has just ended. */
export function renderOpenAiBatch(state: SimulatorState, record: OpenAiBatchRecord): Record<string, unknown> {
  const view = record.run.observe(state.now(), state.stats);
  if (view.terminal) writeResultFiles(state, record, view);
  const at = (ms: number | undefined): number | null => (ms === undefined ? null : unixSeconds(ms));
  const counted = view.phase !== 'validating' && !(view.phase === 'failed' && record.errors.length > 0);
  const phase = view.phase;
  return {
    id: record.id,
    object: 'batch',
    endpoint: record.endpoint,
    model: record.model ?? null,
    errors: errorsOf(record, view),
    input_file_id: record.inputFileId,
    completion_window: record.completionWindow,
    status: phase,
    output_file_id: record.outputFileId ?? null,
    error_file_id: record.errorFileId ?? null,
    created_at: unixSeconds(record.run.createdAt),
    in_progress_at: at(view.inProgressAt),
    expires_at: unixSeconds(record.run.createdAt + BATCH_EXPIRY_MS),
    finalizing_at: at(view.finalizingAt),
    completed_at: phase === 'completed' ? at(view.endedAt) : null,
    failed_at: phase === 'failed' ? at(view.endedAt) : null,
    expired_at: phase === 'expired' ? at(view.endedAt) : null,
    cancelling_at: at(view.cancellingAt),
    cancelled_at: phase === 'cancelled' ? at(view.endedAt) : null,
    request_counts: counted ? { total: view.counts.total, completed: view.counts.succeeded, failed: view.counts.failed } : { total: 0, completed: 0, failed: 0 },
    usage: usageOf(record, view),
    metadata: record.metadata,
  };
}

function sendBatchNotFound(exchange: Exchange, batchId: string): void {
  sendProviderError(exchange, { status: 404, message: `No batch found with id '${batchId}'.`, code: null, param: null });
}

/** `POST /v1/batches`. */
export function handleCreateBatch(state: SimulatorState, exchange: Exchange, body: unknown): void {
  const parsed = createBatchSchema.safeParse(body);
  if (!parsed.success) {
    sendProviderError(exchange, { status: 400, ...describeFirstIssue(parsed.error) });
    return;
  }
  const { input_file_id: inputFileId, endpoint, completion_window: completionWindow } = parsed.data;
  const metadata = parsed.data.metadata ?? null;
  if (endpoint !== CHAT_ENDPOINT) {
    sendProviderError(exchange, { status: 400, message: `The simulator runs batches for ${CHAT_ENDPOINT} only, not '${endpoint}'.`, code: null, param: 'endpoint' });
    return;
  }
  if (completionWindow !== '24h') {
    sendProviderError(exchange, { status: 400, message: `Invalid value for 'completion_window': expected '24h', got '${completionWindow}'.`, code: null, param: 'completion_window' });
    return;
  }
  const metadataProblem = metadata === null ? undefined : checkMetadata(metadata);
  if (metadataProblem) {
    sendProviderError(exchange, { status: 400, message: metadataProblem, code: null, param: 'metadata' });
    return;
  }
  const file = state.batches.files.get(inputFileId);
  if (!file || file.purpose !== 'batch') {
    const message = file ? `File ${inputFileId} was not uploaded with purpose 'batch'.` : `Invalid 'input_file_id': '${inputFileId}'. File not found.`;
    sendProviderError(exchange, { status: 400, message, code: null, param: 'input_file_id' });
    return;
  }

  const { lines, errors } = parseInputFile(file.content.toString('utf8'), endpoint);
  const model = lines[0]?.body.model;
  const behaviour = resolveBatchBehaviour(state, model ?? '*');
  const valid = errors.length === 0;
  const run = new BatchRun(state.now(), valid ? answerLines(state, lines, behaviour) : [], valid ? behaviour : { ...behaviour, outcome: 'failed' });
  const record: OpenAiBatchRecord = { id: newId('batch_'), run, inputFileId, endpoint, completionWindow, metadata, model, errors };
  state.batches.openAi.set(record.id, record);
  exchange.sendJson(200, renderOpenAiBatch(state, record));
}

/** `GET /v1/batches/:id`. */
export function handleRetrieveBatch(state: SimulatorState, exchange: Exchange, batchId: string): void {
  const record = state.batches.openAi.get(batchId);
  if (!record) sendBatchNotFound(exchange, batchId);
  else exchange.sendJson(200, renderOpenAiBatch(state, record));
}

/** `GET /v1/batches?limit&after`: newest first, cursor `after` = the last id of the previous page. */
export function handleListBatches(state: SimulatorState, exchange: Exchange, query: URLSearchParams): void {
  const { page, hasMore } = pageNewestFirst([...state.batches.openAi.values()], { limit: readLimit(query, 20, 100), after: query.get('after') ?? undefined });
  const data = page.map((record) => renderOpenAiBatch(state, record));
  exchange.sendJson(200, { object: 'list', data, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null, has_more: hasMore });
}

/** `POST /v1/batches/:id/cancel`: `cancelling` for the scenario's `cancelMs`, then `cancelled` with partial results. */
export function handleCancelBatch(state: SimulatorState, exchange: Exchange, batchId: string): void {
  const record = state.batches.openAi.get(batchId);
  if (!record) {
    sendBatchNotFound(exchange, batchId);
    return;
  }
  if (!record.run.cancel(state.now())) {
    const status = record.run.view(state.now()).phase;
    sendProviderError(exchange, { status: 400, message: `Cannot cancel a batch with status '${status}'.`, code: null, param: null });
    return;
  }
  exchange.sendJson(200, renderOpenAiBatch(state, record));
}
