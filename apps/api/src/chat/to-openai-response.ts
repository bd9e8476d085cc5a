import { OPENAI_FINISH_REASONS, type AttemptRecord, type ChatResult } from '#libs/contracts';
import type { WireCacheReport } from '../cache/cache-report.js';
import { toWireContext } from './to-wire-context.js';
import { toWireValidation } from './to-wire-validation.js';

/** Facts about how the request ran, returned beside the OpenAI fields. */
export interface BallastEnvelope {
  readonly workflowId: string;
  readonly temporalUiUrl: string;
  readonly startMode: string;
  /** What the response cache did for this request (`ballast.cache`). */
  readonly cache: WireCacheReport;
}

/** Ballast's result → an OpenAI `chat.completion`, plus the `ballast` object. */
export function toOpenAiResponse(result: ChatResult, envelope: BallastEnvelope) {
  const { response } = result;
  const promptTokens = response.usage.inputTokens ?? 0;
  const completionTokens = response.usage.outputTokens ?? 0;
  return {
    id: `chatcmpl-${result.requestId}`,
    object: 'chat.completion' as const,
    created: Math.floor(Date.parse(result.completedAt) / 1000),
    model: response.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content: response.content, refusal: null },
        finish_reason: OPENAI_FINISH_REASONS[response.finishReason],
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      ...(response.usage.cachedInputTokens !== undefined ? { prompt_tokens_details: { cached_tokens: response.usage.cachedInputTokens } } : {}),
    },
    system_fingerprint: null,
    ballast: {
      request_id: result.requestId,
      workflow_id: envelope.workflowId,
      provider: response.provider,
      model: response.model,
      route: { name: result.route, reason: result.routeReason, attempts: result.attempts.map(toWireAttempt) },
      usage: {
        input_tokens: response.usage.inputTokens ?? null,
        output_tokens: response.usage.outputTokens ?? null,
        cached_input_tokens: response.usage.cachedInputTokens ?? null,
      },
      cost_usd: result.costUsd,
      citations: result.citations.map((citation) => ({
        index: citation.index,
        document_id: citation.documentId,
        collection_id: citation.collectionId,
        title: citation.title,
        section: citation.section ?? null,
        page: citation.page ?? null,
        chunk_id: citation.chunkId,
        score: citation.score,
      })),
      context: result.context ? toWireContext(result.context) : null,
      validation: result.validation ? toWireValidation(result.validation) : null,
      simulated: response.simulated,
      start_mode: envelope.startMode,
      temporal_ui_url: envelope.temporalUiUrl,
      cache: envelope.cache,
    },
  };
}

/** A chat completion as the API answers it after running the workflow (and as the cache stores it). */
export type OpenAiChatCompletion = ReturnType<typeof toOpenAiResponse>;

/** Attempt records in the API's snake_case. */
export function toWireAttempt(attempt: AttemptRecord) {
  return {
    provider: attempt.provider,
    model: attempt.model,
    attempt: attempt.attempt,
    outcome: attempt.outcome,
    started_at: attempt.startedAt,
    latency_ms: attempt.latencyMs,
    ...(attempt.errorKind ? { error_kind: attempt.errorKind } : {}),
    ...(attempt.statusCode !== undefined ? { status_code: attempt.statusCode } : {}),
    ...(attempt.message ? { message: attempt.message } : {}),
    ...(attempt.retryAfterMs !== undefined ? { retry_after_ms: attempt.retryAfterMs } : {}),
  };
}
