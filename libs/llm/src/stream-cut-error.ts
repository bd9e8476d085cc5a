import { LlmError } from './llm-error.js';

/** What is known when a provider stream ends before its final event. */
export interface StreamCutFacts {
  readonly provider: string;
  readonly modelId: string;
  /** Characters of answer text received before the cut. */
  readonly receivedChars: number;
  /** The final event that never came (`finish_reason`, `usage`, `message_stop`). */
  readonly missing: string;
  readonly requestId?: string;
  readonly cause?: unknown;
}

/**
 * A stream that broke mid-answer: a `connection` failure (retryable, falls back), never a
 * clean end, so a truncated answer is never recorded as the answer.
 */
export function streamCutError(facts: StreamCutFacts): LlmError {
  const reason = facts.cause instanceof Error ? `: ${facts.cause.message}` : '';
  return new LlmError({
    kind: 'connection',
    message: `${facts.provider} stream ended before its ${facts.missing} after ${facts.receivedChars} characters${reason}`,
    provider: facts.provider,
    modelId: facts.modelId,
    ...(facts.requestId === undefined ? {} : { requestId: facts.requestId }),
    cause: facts.cause,
  });
}
