import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { LlmErrorKind } from '#libs/contracts';
import { describeConnectionError } from '../describe-connection-error.js';
import { describeResponseBody } from '../describe-response-body.js';
import { errorKindFromStatus } from '../error-kind-from-status.js';
import { isJsonSyntaxError } from '../is-json-syntax-error.js';
import { LlmError } from '../llm-error.js';
import { parseRetryAfterMs } from '../parse-retry-after.js';

/** Which call failed, for the error's facts. */
export interface OpenAiErrorContext {
  readonly provider: string;
  readonly modelId: string;
}

const CONTENT_FILTER_CODES = new Set(['content_filter', 'content_policy_violation']);

/**
 * An `openai` SDK failure in Ballast's taxonomy, or undefined when the error did not come
 * from the provider (a bug, or the caller's own abort) and must be rethrown as it is.
 * Works for OpenAI and for OpenAI-compatible servers (vLLM, Ollama, the simulator).
 */
export function convertOpenAiError(error: unknown, context: OpenAiErrorContext): LlmError | undefined {
  const facts = { provider: context.provider, modelId: context.modelId, cause: error };

  if (error instanceof APIUserAbortError) return undefined;
  if (error instanceof APIConnectionTimeoutError) return new LlmError({ ...facts, kind: 'timeout', message: error.message });
  if (error instanceof APIConnectionError) return new LlmError({ ...facts, kind: 'connection', message: describeConnectionError(error) });
  if (error instanceof APIError && error.status !== undefined) {
    const providerMessage = readProviderMessage(error.error) ?? error.message;
    return new LlmError({
      ...facts,
      kind: classifyStatusError(error.status, error.code, providerMessage),
      message: providerMessage,
      statusCode: error.status,
      requestId: error.requestID ?? undefined,
      responseBody: describeResponseBody(error.error),
      retryAfterMs: parseRetryAfterMs(error.headers),
    });
  }
  // The SDK parses JSON bodies with response.json(); a 200 that is not JSON surfaces here.
  if (isJsonSyntaxError(error)) {
    return new LlmError({ ...facts, kind: 'malformed-response', message: `response body is not valid JSON: ${error.message}` });
  }
  return undefined;
}

function classifyStatusError(status: number, code: string | null | undefined, message: string): LlmErrorKind {
  if (status === 400 || status === 413 || status === 422) {
    if (code === 'context_length_exceeded' || /maximum context length|context window|context length|context size/i.test(message)) {
      return 'context-length-exceeded';
    }
    if (code !== null && code !== undefined && CONTENT_FILTER_CODES.has(code)) return 'content-filtered';
  }
  // An exhausted account quota is also a 429, but no retry or backoff will lift it.
  if (code === 'insufficient_quota') return 'auth';
  return errorKindFromStatus(status);
}

function readProviderMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' && message.length > 0 ? message : undefined;
}
