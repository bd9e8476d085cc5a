import { CancellationScope, condition, continueAsNew, isCancellation, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { BatchOutcome, BatchWorkflowInput } from '#libs/contracts';
import type { BatchActivities } from '#activities';
import { windowState } from './batch-windows.js';
import { cancelBatchSignal } from './messages.js';

const { startBatch, submitProviderJobs, pollProviderJob, cancelProviderJob, prepareResubmit, finishBatch } = proxyActivities<BatchActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '60 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
// A job's results are collected once it has ended; one still ending is retried until it has.
const { collectProviderJob } = proxyActivities<BatchActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '60 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 1.5, maximumInterval: '30 seconds' },
});
const { runQueuedSlice } = proxyActivities<BatchActivities>({
  startToCloseTimeout: '6 hours',
  heartbeatTimeout: '60 seconds',
  cancellationType: 'WAIT_CANCELLATION_COMPLETED',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
const { deliverBatchWebhook } = proxyActivities<BatchActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', maximumAttempts: 8 },
});

/**
 * One batch job, durable to the last line. Provider mode submits the lines to the providers'
 * batch APIs, polls them with durable timers, collects and settles each line, resubmits
 * retryable failures, and hands what is left to queued mode when the deadline nears. Queued
 * mode runs each remaining line as a chat workflow, in slices, inside the off-peak windows.
 * History holds ids and counts only: the lines live in the store.
 */
export async function batchWorkflow(input: BatchWorkflowInput): Promise<BatchOutcome> {
  const { batchId, settings } = input;
  const deadline = Date.parse(input.deadlineAt);
  let cancelRequested = false;
  setHandler(cancelBatchSignal, () => {
    cancelRequested = true;
  });

  let phase = input.resume?.phase ?? (input.mode === 'provider' ? 'provider' : 'queued');
  let afterIndex = input.resume?.afterIndex ?? -1;
  if (!input.resume) await startBatch({ batchId });

  if (phase === 'provider') {
    for (let round = input.resume?.round ?? 1; !cancelRequested; round++) {
      const { jobKeys } = await submitProviderJobs({ batchId, round });
      const stopped = await awaitJobs(jobKeys);
      if (stopped || round > settings.resubmitRounds) break;
      const { lines } = await prepareResubmit({ batchId, round: round + 1 });
      if (lines === 0) break;
    }
    phase = 'queued';
  }

  // Queued: every line still pending — all of them in queued mode; in provider mode the lines no
  // batch API can take (retrieval, providers without one) and those a deadline switch took back.
  while (!cancelRequested) {
    const window = windowState(Date.now(), settings.queued.windows);
    if (!window.openNow) {
      await condition(() => cancelRequested, window.opensAt - Date.now());
      continue;
    }
    const scope = new CancellationScope();
    const slice = scope.run(() =>
      runQueuedSlice({ batchId, afterIndex, sliceSize: settings.queued.sliceSize, concurrency: settings.queued.concurrency, ...(window.closesAt ? { stopStartingAt: window.closesAt } : {}) }),
    );
    await Promise.race([slice.catch(() => undefined), condition(() => cancelRequested)]);
    if (cancelRequested) scope.cancel();
    try {
      const result = await slice;
      afterIndex = result.lastIndex;
      if (result.done) break;
    } catch (error) {
      if (!(cancelRequested && isCancellation(error))) throw error;
    }
    if (workflowInfo().continueAsNewSuggested && !cancelRequested) {
      await continueAsNew<typeof batchWorkflow>({ ...input, resume: { phase: 'queued', round: 0, afterIndex } });
    }
  }

  const outcome = await finishBatch({ batchId, cancelled: cancelRequested });
  try {
    await deliverBatchWebhook({ batchId });
  } catch (error) {
    // The batch is done whatever its webhook says: the failure is in history and in the log.
    log.warn('batch webhook not delivered', { batchId, error: error instanceof Error ? error.message : String(error) });
  }
  return outcome;

  /** Polls the jobs until each has ended and is collected; true when cancelled or switched to queued. */
  async function awaitJobs(jobKeys: readonly string[]): Promise<boolean> {
    let open = [...jobKeys];
    let interval = settings.pollIntervalMs;
    const switchAt = deadline - settings.switchToQueuedBeforeMs;
    while (open.length > 0) {
      if (cancelRequested || Date.now() >= switchAt) {
        // Cancelled, or the deadline is near: stop the jobs, keep what they finished.
        for (const jobKey of open) await cancelProviderJob({ batchId, jobKey });
        for (const jobKey of open) await collectProviderJob({ batchId, jobKey });
        return true;
      }
      await condition(() => cancelRequested, Math.max(1, Math.min(interval, switchAt - Date.now())));
      if (cancelRequested) continue;
      interval = Math.min(Math.round(interval * 1.5), settings.maxPollIntervalMs);
      const still: string[] = [];
      for (const jobKey of open) {
        const poll = await pollProviderJob({ batchId, jobKey });
        if (poll.ended) await collectProviderJob({ batchId, jobKey });
        else still.push(jobKey);
      }
      open = still;
    }
    return false;
  }
}
