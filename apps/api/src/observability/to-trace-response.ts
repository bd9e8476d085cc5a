import type { TraceRecord, TraceSummaryRecord } from '#libs/store';

/** A trace in a list: everything but its content and attempts. */
export function toTraceSummary(trace: TraceSummaryRecord, temporalUiLink: (workflowId: string) => string) {
  return {
    id: trace.id,
    created_at: trace.createdAt,
    tenant_id: trace.tenantId,
    user_id: trace.userId,
    key_id: trace.keyId,
    route: trace.route,
    requested_model: trace.requestedModel,
    provider: trace.provider ?? null,
    model: trace.model ?? null,
    status: trace.status,
    error_type: trace.errorType ?? null,
    http_status: trace.httpStatus,
    latency_ms: trace.latencyMs,
    ttft_ms: trace.ttftMs ?? null,
    input_tokens: trace.inputTokens,
    output_tokens: trace.outputTokens,
    cached_tokens: trace.cachedTokens,
    cost_usd: trace.costUsd,
    cache_status: trace.cacheStatus,
    retries: trace.retries,
    fallbacks: trace.fallbacks,
    groundedness: trace.groundedness ?? null,
    workflow_id: trace.workflowId ?? null,
    run_id: trace.runId ?? null,
    temporal_ui_url: trace.workflowId === undefined ? null : `${temporalUiLink(trace.workflowId)}${trace.runId === undefined ? '' : `/${encodeURIComponent(trace.runId)}`}`,
    prompt_template: trace.promptTemplate ?? null,
  };
}

/** One trace with its content (as its content mode kept it) and attempts. */
export function toTraceDetail(trace: TraceRecord, temporalUiLink: (workflowId: string) => string) {
  return {
    ...toTraceSummary(trace, temporalUiLink),
    content_mode: trace.contentMode,
    prompt: trace.prompt,
    response: trace.response,
    prompt_hash: trace.promptHash,
    response_hash: trace.responseHash,
    attempts: trace.attempts.map((attempt) => ({
      provider: attempt.provider,
      model: attempt.model,
      attempt: attempt.attempt,
      outcome: attempt.outcome,
      latency_ms: attempt.latencyMs,
      error_kind: attempt.errorKind ?? null,
      status_code: attempt.statusCode ?? null,
      message: attempt.message ?? null,
    })),
    redactions: trace.redactions,
  };
}
