import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { LlmErrorKind } from '#libs/contracts';
import { describeConnectionError } from '../describe-connection-error.js';
import { describeResponseBody } from '../describe-response-body.js';
import { errorKindFromStatus } from '../error-kind-from-status.js';
import { isJsonSyntaxError } from '../is-json-syntax-error.js';
import { LlmError } from '../llm-error.js';
import { parseRetryAfterMs } from '../parse-retry-after.js';

/** Which call failed, for the error's facts. */
export interface AnthropicErrorContext {
  readonly provider: string;
  readonly modelId: string;
}

/**
 * An `@anthropic-ai/sdk` failure in Ballast's taxonomy, or undefined when the error did not
 * come from the provider (a bug, or the caller's own abort) and must be rethrown as it is.
 * The error body's `type` decides where it is more precise than the status.
 */
export function convertAnthropicError(error: unknown, context: AnthropicErrorContext): LlmError | undefined {
  const facts = { provider: context.provider, modelId: context.modelId, cause: error };

  if (error instanceof APIUserAbortError) return undefined;
  if (error instanceof APIConnectionTimeoutError) return new LlmError({ ...facts, kind: 'timeout', message: error.message });
  if (error instanceof APIConnectionError) return new LlmError({ ...facts, kind: 'connection', message: describeConnectionError(error) });
  if (error instanceof APIError && error.status !== undefined) {
    const providerMessage = error.apiMessage ?? error.message;
    return new LlmError({
      ...facts,
      kind: classifyStatusError(error.status, error.type, providerMessage),
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

function classifyStatusError(status: number, type: string | null, message: string): LlmErrorKind {
  if (type === 'overloaded_error') return 'overloaded';
  if (type === 'rate_limit_error') return 'rate-limited';
  if (type === 'timeout_error') return 'timeout';
  // Out of credit: like a bad key, an operator problem no retry will fix.
  if (type === 'billing_error') return 'auth';
  if (status >= 400 && status < 500 && /prompt is too long|exceed context limit|context window|context length/i.test(message)) {
    return 'context-length-exceeded';
  }
  return errorKindFromStatus(status);
}
