import type { Exchange } from './exchange.js';

/** The facts of an error; each provider renders them in its own body shape. */
export interface SimulatedError {
  readonly status: number;
  /** Overrides the provider-like default message for the status. */
  readonly message?: string;
  /** Named in default messages ("Rate limit reached for gpt-4o-mini ..."). */
  readonly model?: string;
  /** OpenAI `error.code`; derived from the status when absent. */
  readonly code?: string | null;
  /** OpenAI `error.param`. */
  readonly param?: string | null;
  /** Extra response headers (`retry-after`, `retry-after-ms`). */
  readonly headers?: Record<string, string>;
}

interface OpenAiErrorDefaults {
  type: string;
  code: string | null;
  message: (model: string) => string;
}

function openAiDefaults(status: number): OpenAiErrorDefaults {
  switch (status) {
    case 401:
      return { type: 'invalid_request_error', code: 'invalid_api_key', message: () => 'Incorrect API key provided: sk-sim****. (simulated)' };
    case 404:
      return { type: 'invalid_request_error', code: 'model_not_found', message: (model) => `The model \`${model}\` does not exist or you do not have access to it.` };
    case 429:
      return {
        type: 'requests',
        code: 'rate_limit_exceeded',
        message: (model) => `Rate limit reached for ${model} in organization org-simulated on requests per min (RPM): Limit 60, Used 60, Requested 1.`,
      };
    case 503:
      return { type: 'server_error', code: null, message: () => 'The server is overloaded or not ready yet.' };
    default:
      return status >= 500
        ? { type: 'server_error', code: null, message: () => 'The server had an error while processing your request. Sorry about that!' }
        : { type: 'invalid_request_error', code: null, message: () => `Request failed with status ${status} (simulated).` };
  }
}

const ANTHROPIC_ERRORS: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request (simulated).' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  402: { type: 'billing_error', message: 'Your credit balance is too low (simulated).' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'Not found.' },
  413: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  429: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit (simulated).' },
  500: { type: 'api_error', message: 'Internal server error' },
  504: { type: 'timeout_error', message: 'Request timed out (simulated).' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

function anthropicDefaults(status: number): { type: string; message: string } {
  return (
    ANTHROPIC_ERRORS[status] ??
    (status >= 500 ? { type: 'api_error', message: 'Internal server error' } : { type: 'invalid_request_error', message: `Request failed with status ${status} (simulated).` })
  );
}

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export function openAiErrorBody(error: SimulatedError): { error: { message: string; type: string; param: string | null; code: string | null } } {
  const defaults = openAiDefaults(error.status);
  return {
    error: {
      message: error.message ?? defaults.message(error.model ?? 'unknown-model'),
      type: defaults.type,
      param: error.param ?? null,
      code: error.code === undefined ? defaults.code : error.code,
    },
  };
}

/** Anthropic's error body: `{ type: 'error', error: { type, message }, request_id }`. */
export function anthropicErrorBody(error: SimulatedError, requestId: string): { type: 'error'; error: { type: string; message: string }; request_id: string } {
  const defaults = anthropicDefaults(error.status);
  return { type: 'error', error: { type: defaults.type, message: error.message ?? defaults.message }, request_id: requestId };
}

/** Answers with the error in the exchange's provider shape. */
export function sendProviderError(exchange: Exchange, error: SimulatedError): void {
  const body = exchange.provider === 'openai' ? openAiErrorBody(error) : anthropicErrorBody(error, exchange.requestId);
  exchange.sendJson(error.status, body, error.headers);
}
