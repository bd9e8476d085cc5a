import { ApplicationFailure } from '@temporalio/common';
import type { BatchOutcome } from '#libs/contracts';
import type { SpendDependencies } from '../chat/spend-ledger-port.js';
import type { BatchStore } from './batch-store.js';
import { lineLedgerKey } from './provider-batch.activities.js';

export interface FinishBatchDependencies {
  readonly store: BatchStore;
  readonly spend?: SpendDependencies;
  readonly fetch?: typeof fetch;
  /** Longest a webhook may take to answer. */
  readonly webhookTimeoutMs?: number;
}

export function createFinishBatchActivities(deps: FinishBatchDependencies) {
  const { store } = deps;
  return {
    /** Ends the batch: cancelled lines free their holds; the status and counts are final. */
    async finishBatch(input: { batchId: string; cancelled: boolean }): Promise<BatchOutcome> {
      if (input.cancelled) {
        const submitted = await store.cancelOpenLines(input.batchId);
        for (const line of submitted) if (line.round > 0) await deps.spend?.ledger.release(lineLedgerKey(line, line.round));
        await store.setStatus(input.batchId, 'cancelled', { cancelledAt: new Date(), completedAt: new Date() });
      } else {
        await store.setStatus(input.batchId, 'completed', { completedAt: new Date() });
      }
      const batch = await store.get(input.batchId);
      if (!batch) throw ApplicationFailure.create({ type: 'batch-not-found', message: `batch ${input.batchId} is not in the store`, nonRetryable: true });
      return { batchId: batch.id, status: batch.status, counts: batch.counts, costUsd: batch.costUsd };
    },

    /** POSTs the finished batch to its webhook (none: nothing to do); a non-2xx answer is retried. */
    async deliverBatchWebhook(input: { batchId: string }): Promise<{ delivered: boolean; status?: number }> {
      const batch = await store.get(input.batchId);
      if (!batch?.webhookUrl) return { delivered: false };
      const response = await (deps.fetch ?? fetch)(batch.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'ballast-batch-webhook', 'x-ballast-batch-id': batch.id },
        body: JSON.stringify({
          type: `batch.${batch.status}`,
          data: {
            id: batch.id,
            object: 'batch',
            mode: batch.mode,
            status: batch.status,
            request_counts: { total: batch.counts.total, completed: batch.counts.succeeded, failed: batch.counts.failed, invalid: batch.counts.invalid, cancelled: batch.counts.cancelled, pending: batch.counts.pending + batch.counts.submitted },
            cost_usd: batch.costUsd,
          },
        }),
        signal: AbortSignal.timeout(deps.webhookTimeoutMs ?? 10_000),
      });
      if (!response.ok) throw ApplicationFailure.create({ type: 'webhook-failed', message: `webhook ${new URL(batch.webhookUrl).host} answered ${response.status}` });
      return { delivered: true, status: response.status };
    },
  };
}
