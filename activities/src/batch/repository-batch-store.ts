import type { ChatRequest } from '#libs/contracts';
import { usdToNanos, type BatchLineRecord, type BatchLinesQuery, type BatchesRepository } from '#libs/store';
import type { BatchStore, ProviderJob, StoredBatchLine } from './batch-store.js';

const PAGE = 1_000;

/** Provider jobs are keyed by batch, round, provider and model; workflows carry them as one string. */
export function parseJobKey(batchId: string, jobKey: string): { round: number; provider: string; model: string } {
  const rest = jobKey.slice(batchId.length + 2);
  const [round, provider, ...model] = rest.split(':');
  return { round: Number(round), provider: provider ?? '', model: model.join(':') };
}

function toLine(record: BatchLineRecord): StoredBatchLine {
  return {
    batchId: record.batchId,
    lineIndex: record.lineIndex,
    customId: record.customId ?? '',
    request: record.request as ChatRequest,
    round: record.round,
    ...(record.error ? { error: { ...record.error, retryable: record.retryable } } : {}),
  };
}

/** The batch activities' store, over the SQL repository. */
export function repositoryBatchStore(repository: BatchesRepository): BatchStore {
  async function allLines(batchId: string, filter: Omit<BatchLinesQuery, 'afterIndex' | 'limit'>): Promise<BatchLineRecord[]> {
    const lines: BatchLineRecord[] = [];
    for (let afterIndex = -1; ; ) {
      const page = await repository.lines(batchId, { ...filter, afterIndex, limit: PAGE });
      lines.push(...page);
      if (page.length < PAGE) return lines;
      afterIndex = page[page.length - 1]!.lineIndex;
    }
  }

  return {
    async get(batchId) {
      const batch = await repository.get(batchId);
      if (!batch) return undefined;
      return {
        id: batch.id,
        tenantId: batch.tenantId,
        userId: batch.userId ?? 'default',
        keyId: batch.keyId,
        mode: batch.mode,
        status: batch.status,
        deadlineAt: new Date(batch.deadlineAt),
        webhookUrl: batch.webhookUrl,
        counts: batch.lineCounts,
        costUsd: batch.costUsd,
      };
    },
    async setStatus(batchId, status, facts = {}) {
      await repository.updateStatus(batchId, status, {
        ...(facts.startedAt ? { startedAt: facts.startedAt.toISOString() } : {}),
        ...(facts.completedAt ? { completedAt: facts.completedAt.toISOString() } : {}),
        ...(facts.cancelledAt ? { cancelledAt: facts.cancelledAt.toISOString() } : {}),
        ...(facts.error ? { error: { code: 'batch-failed', message: facts.error } } : {}),
      });
    },
    async pendingLines(batchId, afterIndex, limit) {
      return (await repository.lines(batchId, { statuses: ['pending'], afterIndex, limit })).map(toLine);
    },
    async linesWithStatus(batchId, status, afterIndex, limit) {
      return (await repository.lines(batchId, { statuses: [status], afterIndex, limit })).map(toLine);
    },
    async markSubmitted(batchId, lineIndices, job) {
      await repository.markSubmitted(batchId, lineIndices, job);
    },
    async submittedLines(batchId, job) {
      return (await allLines(batchId, { statuses: ['submitted'], round: job.round, provider: job.provider, model: job.model })).map(toLine);
    },
    async recordSucceeded(batchId, lineIndex, success) {
      const changed = await repository.recordOutcomes(batchId, [
        {
          lineIndex,
          outcome: 'succeeded',
          round: success.round ?? 0,
          response: success.response,
          inputTokens: success.usage.inputTokens ?? 0,
          outputTokens: success.usage.outputTokens ?? 0,
          ...(success.usage.cachedInputTokens !== undefined ? { cachedTokens: success.usage.cachedInputTokens } : {}),
          costNanoUsd: usdToNanos(success.costUsd),
          provider: success.provider,
          model: success.model,
        },
      ]);
      return changed.length > 0;
    },
    async recordFailed(batchId, lineIndex, failure) {
      const changed = await repository.recordOutcomes(batchId, [{ lineIndex, outcome: 'failed', round: failure.round ?? 0, code: failure.code, message: failure.message, retryable: failure.retryable }]);
      return changed.length > 0;
    },
    async returnToPending(batchId, lineIndices, round) {
      await repository.resetForResubmit(batchId, lineIndices, round);
    },
    async cancelOpenLines(batchId) {
      const cancelled = await repository.markCancelled(batchId);
      return cancelled.filter((line) => line.previousStatus === 'submitted').map((line) => ({ batchId, lineIndex: line.lineIndex, round: line.round }));
    },
    async saveJob(job) {
      const key = parseJobKey(job.batchId, job.jobKey);
      await repository.upsertJob({
        batchId: job.batchId,
        ...key,
        ...(job.providerBatchId ? { providerBatchId: job.providerBatchId } : {}),
        status: job.status,
        lineCount: job.lineCount,
      });
    },
    async job(batchId, jobKey): Promise<ProviderJob | undefined> {
      const key = parseJobKey(batchId, jobKey);
      const job = await repository.getJob({ batchId, ...key });
      if (!job) return undefined;
      return { jobKey, batchId, round: job.round, provider: job.provider, model: job.model, providerBatchId: job.providerBatchId, status: job.status, lineCount: job.lineCount };
    },
  };
}
