import { startCallDeadline, type CallDeadline } from './call-deadline.js';
import { translateCallError, type CallErrorContext } from './translate-call-error.js';

/** What guarding one provider call needs: everything translating its error needs but the deadline, which the guard starts. */
export type ProviderCallGuard = Omit<CallErrorContext, 'deadline'>;

/**
 * Runs one non-streaming provider call under its deadline. Every adapter's call must end the
 * same way: its failure translated (our timeout, the caller's abort, the SDK's error in our
 * taxonomy) and the deadline's timer and abort listener released, whichever way it settles.
 */
export async function guardProviderCall<T>(guard: ProviderCallGuard, call: (deadline: CallDeadline) => Promise<T>): Promise<T> {
  const deadline = startCallDeadline({ timeoutMs: guard.timeoutMs, abortSignal: guard.abortSignal });
  try {
    return await call(deadline);
  } catch (error) {
    throw translateCallError(error, { ...guard, deadline });
  } finally {
    deadline.dispose();
  }
}

/**
 * The streaming twin of `guardProviderCall`. Like any generator it starts nothing until the
 * first part is asked for; the deadline then spans the whole stream, and is released when the
 * stream ends, fails or its consumer stops early.
 */
export async function* guardProviderStream<T>(guard: ProviderCallGuard, stream: (deadline: CallDeadline) => AsyncGenerator<T>): AsyncGenerator<T> {
  const deadline = startCallDeadline({ timeoutMs: guard.timeoutMs, abortSignal: guard.abortSignal });
  try {
    yield* stream(deadline);
  } catch (error) {
    throw translateCallError(error, { ...guard, deadline });
  } finally {
    deadline.dispose();
  }
}
