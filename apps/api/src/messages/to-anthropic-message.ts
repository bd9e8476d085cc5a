import type { ProblemDetails } from '../problems/problem-details.js';

/** What the translation reads of a chat completion (a workflow's answer or a cached one). */
export interface CompletionFacts {
  readonly model: string;
  readonly choices: ReadonlyArray<{ readonly message: { readonly content: string | null }; readonly finish_reason: string | null }>;
  readonly usage: { readonly prompt_tokens: number; readonly completion_tokens: number; readonly prompt_tokens_details?: { readonly cached_tokens?: number } };
  readonly ballast: { readonly request_id: string };
}

/** Anthropic's `stop_reason` values Ballast can produce. */
export type AnthropicStopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal';

/**
 * The answer's finish reason (as `/v1/chat/completions` spells it) → Anthropic's `stop_reason`.
 * `stopSequence`, when the core reports which stop sequence ended the answer, makes it
 * `stop_sequence`; the recorded result does not say today, so a stop sequence reads `end_turn`.
 */
export function toAnthropicStopReason(finishReason: string | null | undefined, stopSequence?: string | null): AnthropicStopReason {
  switch (finishReason) {
    case 'length':
      return 'max_tokens';
    case 'content_filter':
      return 'refusal';
    case 'tool_calls':
      return 'tool_use';
    default:
      return stopSequence ? 'stop_sequence' : 'end_turn';
  }
}

/** Anthropic's `usage` from the completion's (input tokens include cached ones, as Ballast bills them). */
export function toAnthropicUsage(completion: CompletionFacts) {
  const cached = completion.usage.prompt_tokens_details?.cached_tokens;
  return {
    input_tokens: completion.usage.prompt_tokens,
    output_tokens: completion.usage.completion_tokens,
    ...(cached !== undefined ? { cache_read_input_tokens: cached } : {}),
  };
}

/** The `id` of the Anthropic message answering Ballast request `requestId`. */
export function anthropicMessageId(requestId: string): string {
  return `msg_${requestId}`;
}

/**
 * Ballast's answer (the chat completion the core returns) → an Anthropic `message`, plus the
 * same `ballast` object `/v1/chat/completions` returns (request id, route, attempts, cost, cache, ...).
 */
export function toAnthropicMessage<Completion extends CompletionFacts>(completion: Completion) {
  const choice = completion.choices[0];
  return {
    id: anthropicMessageId(completion.ballast.request_id),
    type: 'message' as const,
    role: 'assistant' as const,
    model: completion.model,
    content: [{ type: 'text' as const, text: choice?.message.content ?? '' }],
    stop_reason: toAnthropicStopReason(choice?.finish_reason),
    stop_sequence: null,
    usage: toAnthropicUsage(completion),
    ballast: completion.ballast as Completion['ballast'],
  };
}

/** An HTTP status → the `error.type` Anthropic's API (and `@anthropic-ai/sdk`'s `APIError.type`) uses for it. */
export function anthropicErrorType(status: number): string {
  if (status === 400 || status === 409 || status === 415 || status === 422) return 'invalid_request_error';
  if (status === 401) return 'authentication_error';
  if (status === 402) return 'billing_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  if (status === 503 || status === 529) return 'overloaded_error';
  if (status === 504) return 'timeout_error';
  return 'api_error';
}

/** `/problems/all-targets-failed` → `all-targets-failed`. */
export function problemSlug(problem: ProblemDetails): string {
  return problem.type.slice(problem.type.lastIndexOf('/') + 1) || 'internal';
}

/**
 * A problem's `error` member in Anthropic's shape (`{type, message}`, plus Ballast's `code`), so
 * `@anthropic-ai/sdk` fills `APIError.type` and `apiMessage`; the problem+json fields stay as they are.
 */
export function withAnthropicError(problem: ProblemDetails): ProblemDetails {
  return { ...problem, error: { type: anthropicErrorType(problem.status), message: problem.detail, code: problemSlug(problem) } };
}
