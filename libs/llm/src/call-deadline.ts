/** One provider call's cancellation: the caller's abort signal joined with a timeout. */
export interface CallDeadline {
  /** Aborts when the caller aborts or the timeout expires, whichever comes first. */
  readonly signal: AbortSignal;
  /** True once the timeout, not the caller, ended the call. */
  readonly timedOut: boolean;
  /** Stops the timer and detaches from the caller's signal; call it when the call settles. */
  dispose(): void;
}

/**
 * Starts the clock on one call. The SDKs' own `timeout` only covers the wait for response
 * headers; this deadline also covers reading the body, so a provider that sends headers and
 * then stalls still ends as a `timeout` instead of hanging the activity.
 */
export function startCallDeadline(options: { readonly timeoutMs: number; readonly abortSignal?: AbortSignal }): CallDeadline {
  const controller = new AbortController();
  let timedOut = false;

  const onCallerAbort = (): void => controller.abort(options.abortSignal?.reason);
  if (options.abortSignal?.aborted === true) onCallerAbort();
  else options.abortSignal?.addEventListener('abort', onCallerAbort, { once: true });

  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`no answer within ${options.timeoutMs} ms`));
  }, options.timeoutMs);

  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      options.abortSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
