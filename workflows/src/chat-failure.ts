import type { AttemptRecord, ChatFailure } from '#libs/contracts';

/** Builds the failure the API answers with when no target produced an answer. */
export function allTargetsFailed(attempts: readonly AttemptRecord[], lastMessage: string | undefined): ChatFailure {
  const rateLimitedOnly = attempts.length > 0 && attempts.every((attempt) => attempt.errorKind === 'rate-limited' || attempt.outcome === 'skipped');
  return {
    code: 'all-targets-failed',
    message: `Every target of the route failed (${attempts.filter((attempt) => attempt.outcome === 'error').length} failed attempts). Last error: ${lastMessage ?? 'none'}`,
    httpStatus: rateLimitedOnly ? 503 : 502,
    attempts,
  };
}

/** The provider refused the request itself: answering 4xx tells the caller to fix it. */
export function callerError(attempts: readonly AttemptRecord[], kind: string, statusCode: number | undefined, message: string): ChatFailure {
  if (kind === 'auth') {
    // The provider refused Ballast's own credentials: the operator must fix the key, not the caller.
    return { code: 'provider-auth', message: `The provider rejected Ballast's credentials: ${message}. Check the provider's API key in the configuration.`, httpStatus: 502, attempts, providerMessage: message };
  }
  const httpStatus = kind === 'context-length-exceeded' ? 413 : kind === 'content-filtered' ? 422 : statusCode && statusCode >= 400 && statusCode < 500 ? statusCode : 400;
  return {
    code: 'caller-error',
    message: `The provider rejected the request (${kind}): ${message}`,
    httpStatus,
    attempts,
    providerMessage: message,
  };
}

/** The route refuses messages above its limit (context policy `oversizedInput: reject`): 413 with the numbers. */
export function inputTooLarge(queryTokens: number, limit: number): ChatFailure {
  return {
    code: 'input-too-large',
    message: `The current message has ${queryTokens} tokens; this route takes at most ${limit}. Shorten it, upload it as a document and ask about it, or use a route whose context policy excerpts or summarises long input.`,
    httpStatus: 413,
    attempts: [],
  };
}

/** Every target's window is too small for the request: 413 with the numbers to act on. */
export function noTargetFits(attempts: readonly AttemptRecord[], requiredTokens: number, largestWindow: number, detail?: string): ChatFailure {
  return {
    code: 'no-target-fits',
    message: `The request (${requiredTokens} tokens that cannot be cut: system instructions and the current message) does not fit any model of the route; the largest context window is ${largestWindow} tokens${detail ? ` (${detail})` : ''}. Shorten the message or use a route with a larger-window model.`,
    httpStatus: 413,
    attempts,
  };
}
