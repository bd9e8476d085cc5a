/**
 * Attribute names of the OpenTelemetry GenAI semantic conventions (and Ballast's own). The
 * GenAI conventions are still "development" status, so, as OpenTelemetry advises for
 * incubating names, they are copied here rather than imported from
 * `@opentelemetry/semantic-conventions/incubating`, whose exports may change between releases.
 */
export const GEN_AI = {
  operationName: 'gen_ai.operation.name',
  /** The name before semconv 1.37; still what most backends group by. */
  system: 'gen_ai.system',
  /** Its replacement since semconv 1.37; both are written while backends move over. */
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  requestTemperature: 'gen_ai.request.temperature',
  requestTopP: 'gen_ai.request.top_p',
  responseModel: 'gen_ai.response.model',
  responseId: 'gen_ai.response.id',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  usageInputTokens: 'gen_ai.usage.input_tokens',
  usageOutputTokens: 'gen_ai.usage.output_tokens',
} as const;

/** Ballast's facts on a provider call span: which request, tenant, route and attempt, at what cost. */
export const BALLAST = {
  requestId: 'ballast.request_id',
  tenantId: 'ballast.tenant_id',
  route: 'ballast.route',
  attempt: 'ballast.attempt',
  costUsd: 'ballast.cost_usd',
} as const;
