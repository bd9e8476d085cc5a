import type { AttemptRecord, ChatFailure, ChatRequest, ChatResult } from '#libs/contracts';
import type { PromptTemplateRef, TraceAttempt } from '#libs/store';
import type { toCacheHitResponse } from '../cache/to-cache-hit-response.js';
import type { TraceDraft } from './trace-draft.js';

/** What every trace of a chat request shares, known before it ran. */
export interface ChatTraceBase {
  readonly request: ChatRequest;
  /** Milliseconds since the API received the request. */
  readonly latencyMs: number;
  readonly promptTemplate?: PromptTemplateRef;
  /** The workflow that ran (or would have run) the request. */
  readonly workflowId?: string;
}

/** An answer from a provider, through the workflow. */
export function answeredTrace(base: ChatTraceBase, result: ChatResult, cacheStatus: string): TraceDraft {
  const { response } = result;
  return {
    ...common(base, result.route),
    provider: response.provider,
    model: response.model,
    status: 'ok',
    httpStatus: 200,
    inputTokens: response.usage.inputTokens ?? 0,
    outputTokens: response.usage.outputTokens ?? 0,
    cachedTokens: response.usage.cachedInputTokens ?? 0,
    costUsd: result.costUsd,
    cacheStatus,
    ...attemptCounts(result.attempts),
    ...(result.workflowRunId === undefined ? {} : { runId: result.workflowRunId }),
    ...(result.validation === undefined || result.validation.verdict === 'no-claims' ? {} : { groundedness: result.validation.groundedness }),
    rawResponse: response.content,
  };
}

/** A workflow that ended without an answer: every target failed, or a cap or size limit refused. */
export function failedTrace(base: ChatTraceBase, failure: ChatFailure, cacheStatus: string): TraceDraft {
  const refused = failure.code === 'budget-exceeded' || failure.code === 'input-too-large' || failure.code === 'no-target-fits';
  const answered = failure.attempts.filter((attempt) => attempt.outcome !== 'skipped');
  const costUsd = 0;
  return {
    ...common(base, failure.route ?? base.request.model),
    status: refused ? 'rejected' : 'error',
    errorType: failure.code,
    httpStatus: failure.httpStatus,
    inputTokens: 0,
    outputTokens: 0,
    cachedTokens: 0,
    costUsd,
    cacheStatus,
    ...attemptCounts(failure.attempts),
    ...(answered.length > 0 ? { provider: answered[answered.length - 1]?.provider, model: answered[answered.length - 1]?.model } : {}),
    ...(failure.workflowRunId === undefined ? {} : { runId: failure.workflowRunId }),
    rawResponse: null,
  };
}

/**
 * A streaming request whose client left on a route with `streaming.onDisconnect: cancel`: the
 * workflow was cancelled (`errorType: client-disconnected`, HTTP 499 as proxies log it). What the
 * provider billed for the attempt in flight is in the spend ledger, not here (the workflow never
 * returned it).
 */
export function cancelledTrace(base: ChatTraceBase, failure: ChatFailure | undefined, cacheStatus: string): TraceDraft {
  const attempts = failure?.attempts ?? [];
  return {
    ...common(base, failure?.route ?? base.request.model),
    status: 'cancelled',
    errorType: 'client-disconnected',
    httpStatus: 499,
    inputTokens: 0,
    outputTokens: 0,
    cachedTokens: 0,
    costUsd: 0,
    cacheStatus,
    ...(attempts.length > 0 ? attemptCounts(attempts) : { retries: 0, fallbacks: 0 }),
    ...(failure?.workflowRunId === undefined ? {} : { runId: failure.workflowRunId }),
    rawResponse: null,
  };
}

/** The API stopped waiting, or failed for a reason of its own (the problem it answered with). */
export function unansweredTrace(base: ChatTraceBase, problem: { status: number; type: string }, cacheStatus: string): TraceDraft {
  return {
    ...common(base, base.request.model),
    status: 'error',
    errorType: problem.type,
    httpStatus: problem.status,
    inputTokens: 0,
    outputTokens: 0,
    cachedTokens: 0,
    costUsd: 0,
    cacheStatus,
    retries: 0,
    fallbacks: 0,
    rawResponse: null,
  };
}

/** An answer replayed from the response cache: nothing billed, no workflow. */
export function cacheHitTrace(base: Omit<ChatTraceBase, 'workflowId'>, response: ReturnType<typeof toCacheHitResponse>): TraceDraft {
  return {
    ...common(base, response.ballast.route.name),
    provider: 'cache',
    model: response.model,
    status: 'cache-hit',
    httpStatus: 200,
    inputTokens: 0,
    outputTokens: 0,
    cachedTokens: 0,
    costUsd: 0,
    cacheStatus: response.ballast.cache.status,
    retries: 0,
    fallbacks: 0,
    ...(response.ballast.validation === null || response.ballast.validation.verdict === 'no-claims' ? {} : { groundedness: response.ballast.validation.groundedness }),
    rawResponse: response.choices[0]?.message.content ?? null,
  };
}

function common(base: ChatTraceBase, route: string) {
  const { request } = base;
  return {
    id: request.requestId,
    createdAt: request.receivedAt,
    tenantId: request.caller.tenantId,
    userId: request.caller.userId,
    keyId: request.caller.keyId,
    route,
    requestedModel: request.model,
    latencyMs: Math.round(base.latencyMs * 1000) / 1000,
    ...(base.workflowId === undefined ? {} : { workflowId: base.workflowId }),
    ...(base.promptTemplate === undefined ? {} : { promptTemplate: base.promptTemplate }),
    attempts: [] as TraceAttempt[],
    rawPrompt: request.messages,
  };
}

/**
 * Retries are attempts beyond the first on one target; fallbacks are targets tried after the
 * first (a target skipped because the prompt did not fit its window counts as tried).
 */
function attemptCounts(attempts: readonly AttemptRecord[]): { retries: number; fallbacks: number; attempts: TraceAttempt[] } {
  const perTarget = new Map<string, number>();
  for (const attempt of attempts) {
    const target = `${attempt.provider}/${attempt.model}`;
    perTarget.set(target, (perTarget.get(target) ?? 0) + 1);
  }
  let retries = 0;
  for (const count of perTarget.values()) retries += count - 1;
  return {
    retries,
    fallbacks: Math.max(0, perTarget.size - 1),
    attempts: attempts.map((attempt) => ({
      provider: attempt.provider,
      model: attempt.model,
      attempt: attempt.attempt,
      outcome: attempt.outcome,
      latencyMs: attempt.latencyMs,
      ...(attempt.errorKind === undefined ? {} : { errorKind: attempt.errorKind }),
      ...(attempt.statusCode === undefined ? {} : { statusCode: attempt.statusCode }),
      ...(attempt.message === undefined ? {} : { message: attempt.message }),
    })),
  };
}
