import { ApiError } from '../../http/ballast-api.js';
import type { OutputStream } from '../../progress/progress-display.js';
import { FINAL_STATUSES, type BatchObject } from './batch-api.js';
import type { BatchContext, BatchExitCode } from './batch-context.js';
import { createBatchProgress, EtaEstimator, type BatchProgressSnapshot } from './batch-progress.js';
import { finishedCount, formatFinalSummary, resumeHint, runnableCount } from './format-batch.js';

/** Polls that may fail in a row (API restarting, network) before following gives up. */
const MAX_POLL_FAILURES = 10;
const MAX_POLL_INTERVAL_MS = 30_000;

export interface WaitResult {
  readonly batch: BatchObject;
  /** True when following was stopped (Ctrl-C) before the batch ended. */
  readonly interrupted: boolean;
}

/** Statuses a --wait exits 2 for. */
const UNSUCCESSFUL = new Set(['failed', 'expired', 'cancelled']);

/**
 * Follows a batch with `GET /v1/batches/:id` and a progress bar on `progressOutput` until it
 * reaches a final status or the interrupt fires. Polls back off while nothing changes.
 * Throws ApiError when the batch cannot be read (404, or the API unreachable for long).
 */
export async function waitForBatch(initial: BatchObject, context: BatchContext, progressOutput: OutputStream): Promise<WaitResult> {
  const progress = createBatchProgress(progressOutput);
  const eta = new EtaEstimator();
  const startedMs = context.now();
  const interrupt = interruptSignal(context.interrupt);
  const snapshot = (batch: BatchObject): BatchProgressSnapshot => {
    const nowMs = context.now();
    const counts = batch.request_counts;
    const elapsedMs = Math.max(0, nowMs - (batch.created_at !== null ? batch.created_at * 1000 : startedMs));
    const done = finishedCount(counts);
    const expected = runnableCount(counts);
    return { status: batch.status, done, expected, failed: counts.failed, costUsd: batch.cost_usd, elapsedMs, etaMs: eta.estimate(nowMs, done, expected, elapsedMs) };
  };

  let batch = initial;
  let interval = context.pollIntervalMs;
  const maxInterval = Math.max(context.pollIntervalMs, Math.min(MAX_POLL_INTERVAL_MS, context.pollIntervalMs * 15));
  let failures = 0;
  try {
    for (;;) {
      const current = snapshot(batch);
      if (FINAL_STATUSES.has(batch.status)) {
        progress.finish(current);
        return { batch, interrupted: false };
      }
      progress.update(current, context.now());
      if (!(await sleep(interval, interrupt.signal))) break;
      let next: BatchObject | typeof ABORTED;
      try {
        next = await untilAborted(context.api.get(batch.id), interrupt.signal);
      } catch (error) {
        failures += 1;
        if (retryable(error) && failures < MAX_POLL_FAILURES) continue;
        progress.finish();
        throw error;
      }
      if (next === ABORTED) break;
      failures = 0;
      const changed = next.status !== batch.status || finishedCount(next.request_counts) !== finishedCount(batch.request_counts);
      interval = changed ? context.pollIntervalMs : Math.min(maxInterval, Math.round(interval * 1.5));
      batch = next;
    }
    progress.finish();
    return { batch, interrupted: true };
  } finally {
    interrupt.dispose();
  }
}

/**
 * Prints how following ended and answers the exit code: the summary (0, or 2 for a batch
 * failed, expired or cancelled), or how to resume (130).
 */
export function reportWait(result: WaitResult, context: BatchContext, json: boolean): BatchExitCode {
  if (json) context.stdout.write(`${JSON.stringify(result.batch.raw, null, 2)}\n`);
  if (result.interrupted) {
    context.stderr.write(resumeHint(result.batch));
    return 130;
  }
  if (!json) context.stdout.write(formatFinalSummary(result.batch, context.now()));
  return UNSUCCESSFUL.has(result.batch.status) ? 2 : 0;
}

function retryable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === undefined || error.status === 429 || error.status >= 500);
}

const ABORTED = Symbol('aborted');

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolveSleep) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolveSleep(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolveSleep(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The promise's value, or ABORTED as soon as `signal` aborts (the request itself is left to finish). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.resolve(ABORTED);
  }
  return new Promise((resolveRace, rejectRace) => {
    const onAbort = () => {
      promise.catch(() => undefined);
      resolveRace(ABORTED);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolveRace(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        rejectRace(error);
      },
    );
  });
}

/** The caller's interrupt, or Ctrl-C while following (so Ctrl-C stops following, not the batch). */
function interruptSignal(given: AbortSignal | undefined): { signal: AbortSignal; dispose: () => void } {
  if (given) return { signal: given, dispose: () => undefined };
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}
