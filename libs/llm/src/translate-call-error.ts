import { LlmError } from './llm-error.js';
import type { CallDeadline } from './call-deadline.js';

/** What an adapter knows when one of its calls fails. */
export interface CallErrorContext {
  readonly provider: string;
  readonly modelId: string;
  readonly timeoutMs: number;
  readonly deadline: CallDeadline;
  readonly abortSignal: AbortSignal | undefined;
  /** The adapter's SDK error mapper; undefined for errors it does not recognise. */
  readonly convert: (error: unknown) => LlmError | undefined;
}

/**
 * The error a failed call should throw. Our own timeout wins over whatever the SDK made
 * of the aborted request; a caller's abort is handed back as the caller's own reason
 * (it is not a provider failure and must not trip breakers or count as an attempt);
 * errors no mapper recognises are programming errors and are rethrown untouched.
 */
export function translateCallError(error: unknown, context: CallErrorContext): unknown {
  if (LlmError.isInstance(error)) return error;
  if (context.deadline.timedOut) {
    return new LlmError({
      kind: 'timeout',
      message: `${context.provider} gave no answer within ${context.timeoutMs} ms`,
      provider: context.provider,
      modelId: context.modelId,
      cause: error,
    });
  }
  if (context.abortSignal?.aborted === true) return context.abortSignal.reason ?? error;
  return context.convert(error) ?? error;
}
