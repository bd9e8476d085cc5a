import { context, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from '@opentelemetry/semantic-conventions';
import { BALLAST, GEN_AI } from './gen-ai-attributes.js';
import type { GenAiProvider } from './gen-ai-provider.js';

/** What is known about a chat call before it is made: settings and ids, never messages. */
export interface GenAiChatRequest {
  readonly provider: GenAiProvider;
  readonly model: string;
  readonly maxTokens?: number | undefined;
  readonly temperature?: number | undefined;
  readonly topP?: number | undefined;
  readonly requestId: string;
  readonly tenantId?: string | undefined;
  readonly route?: string | undefined;
  /** Temporal's attempt number of the activity (1 on the first try). */
  readonly attempt: number;
}

/** What the provider answered, in counts and ids, never content. */
export interface GenAiChatResponse {
  readonly model?: string | undefined;
  readonly id?: string | undefined;
  readonly finishReasons: readonly string[];
  readonly inputTokens?: number | undefined;
  readonly outputTokens?: number | undefined;
  readonly costUsd: number;
}

/**
 * Runs one provider call in a `chat <model>` CLIENT span following the GenAI semantic
 * conventions. Prompts and completions are deliberately not recorded (privacy by default):
 * a trace backend is rarely cleared for the data a tenant sends. Without a registered
 * provider the span is the API's no-op and this costs a few object allocations.
 */
export async function traceGenAiChat<T>(request: GenAiChatRequest, call: () => Promise<T>, describe: (result: T) => GenAiChatResponse): Promise<T> {
  // Looked up per call, not cached: a provider registered after this module loaded must get the span.
  const span = trace.getTracer('ballast').startSpan(`chat ${request.model}`, { kind: SpanKind.CLIENT, attributes: requestAttributes(request) });
  try {
    const result = await context.with(trace.setSpan(context.active(), span), call);
    span.setAttributes(responseAttributes(describe(result)));
    return result;
  } catch (error) {
    span.setAttribute(ATTR_ERROR_TYPE, errorTypeOf(error));
    // No message: provider errors can quote the request; the type and the workflow history say enough.
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

function requestAttributes(request: GenAiChatRequest): Attributes {
  return withoutUndefined({
    [GEN_AI.operationName]: 'chat',
    [GEN_AI.system]: request.provider.system,
    [GEN_AI.providerName]: request.provider.system,
    [GEN_AI.requestModel]: request.model,
    [GEN_AI.requestMaxTokens]: request.maxTokens,
    [GEN_AI.requestTemperature]: request.temperature,
    [GEN_AI.requestTopP]: request.topP,
    [ATTR_SERVER_ADDRESS]: request.provider.serverAddress,
    [ATTR_SERVER_PORT]: request.provider.serverPort,
    [BALLAST.requestId]: request.requestId,
    [BALLAST.tenantId]: request.tenantId,
    [BALLAST.route]: request.route,
    [BALLAST.attempt]: request.attempt,
  });
}

function responseAttributes(response: GenAiChatResponse): Attributes {
  return withoutUndefined({
    [GEN_AI.responseModel]: response.model,
    [GEN_AI.responseId]: response.id,
    [GEN_AI.responseFinishReasons]: [...response.finishReasons],
    [GEN_AI.usageInputTokens]: response.inputTokens,
    [GEN_AI.usageOutputTokens]: response.outputTokens,
    [BALLAST.costUsd]: response.costUsd,
  });
}

/** Ballast's LlmError carries its taxonomy kind (`rate-limited`, `timeout`, …): low-cardinality, as error.type must be. */
function errorTypeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const kind = (error as { kind?: unknown }).kind;
    if (typeof kind === 'string' && kind !== '') return kind;
    if (error instanceof Error && error.name !== '') return error.name;
  }
  return '_OTHER';
}

function withoutUndefined(attributes: Record<string, Attributes[string]>): Attributes {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
}
