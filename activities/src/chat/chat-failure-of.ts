import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ChatFailure } from '#libs/contracts';

/** The chat workflow's own failure (its code and message), or the error as it came. */
export function chatFailureOf(error: unknown): { code: string; message: string } {
  if (error instanceof WorkflowFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type === 'ChatFailure') {
      const failure = cause.details?.[0] as ChatFailure | undefined;
      if (failure) return { code: failure.code, message: failure.message };
    }
    return { code: 'workflow-failed', message: cause?.message ?? error.message };
  }
  return { code: 'internal', message: String(error) };
}
