import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { batchLineRequestId, LLM_ERROR_POLICIES, type RouteTarget } from '#libs/contracts';
import { budgetCapsFor } from '#libs/access';
import { createTokenCounter } from '#libs/context';
import type { BatchProviderClient } from '#libs/llm';
import { computeCostUsd, type ModelCatalog } from '#libs/models';
import type { RouteTable } from '#libs/routes';
import type { SpendDependencies } from '../chat/spend-ledger-port.js';
import type { BatchStore, ProviderJob, StoredBatch, StoredBatchLine } from './batch-store.js';
import { completionBody } from './completion-body.js';

export interface ProviderBatchDependencies {
  readonly store: BatchStore;
  readonly routes: RouteTable;
  readonly catalog: ModelCatalog;
  /** The batch API client of a configured provider; undefined when it has none. */
  readonly batchClient: (provider: string) => BatchProviderClient | undefined;
  readonly spend?: SpendDependencies;
}

/** Lines fetched per page while grouping and collecting. */
const PAGE = 1_000;
/** Output tokens assumed for a line that sets no maximum, when the catalog does not know the model either. */
const DEFAULT_MAX_OUTPUT = 4_096;
const ENDED = new Set(['completed', 'failed', 'cancelled', 'expired']);

/** The ledger key of one line in one provider round: reserved at submission, settled at collection. */
function lineLedgerKey(line: Pick<StoredBatchLine, 'batchId' | 'lineIndex'>, round: number) {
  return { requestId: batchLineRequestId(line.batchId, line.lineIndex), attempt: round };
}

function jobKeyOf(batchId: string, round: number, target: Pick<RouteTarget, 'provider' | 'model'>): string {
  return `${batchId}:r${round}:${target.provider}:${target.model}`;
}

export function createProviderBatchActivities(deps: ProviderBatchDependencies) {
  const { store } = deps;

  async function batchOf(batchId: string): Promise<StoredBatch> {
    const batch = await store.get(batchId);
    if (!batch) throw ApplicationFailure.create({ type: 'batch-not-found', message: `batch ${batchId} is not in the store`, nonRetryable: true });
    return batch;
  }

  /** The first target of the line's route whose provider has a batch API; undefined: the line runs queued. */
  function batchTarget(line: StoredBatchLine): RouteTarget | undefined {
    if (line.request.retrieval) return undefined;
    const plan = deps.routes.plan(line.request);
    if (plan.retrieval) return undefined;
    return plan.targets.find((target) => deps.batchClient(target.provider) !== undefined);
  }

  /** Holds each line's worst case at the batch price; lines that do not fit fail with `budget-exceeded`. */
  async function reserveLines(batch: StoredBatch, target: RouteTarget, lines: readonly StoredBatchLine[], round: number): Promise<StoredBatchLine[]> {
    const { spend } = deps;
    if (!spend) return [...lines];
    const entry = deps.catalog.find(target.model);
    const counter = await createTokenCounter(target.model);
    const admitted: StoredBatchLine[] = [];
    const expiresAt = new Date(batch.deadlineAt.getTime() + 3_600_000);
    for (const [position, line] of lines.entries()) {
      if (position % 200 === 199) Context.current().heartbeat();
      const maxOutput = line.request.settings.maxOutputTokens ?? entry?.maxOutputTokens ?? DEFAULT_MAX_OUTPUT;
      const worstCaseUsd = entry ? computeCostUsd(entry, { inputTokens: counter.countMessages(line.request.messages), outputTokens: maxOutput, cachedInputTokens: undefined }, { batch: true }).costUsd : 0;
      const reserved = await spend.ledger.reserve({ ...lineLedgerKey(line, round), scopes: budgetCapsFor(line.request.caller, spend.budgets), amountUsd: worstCaseUsd, expiresAt });
      if (reserved.admitted) {
        admitted.push(line);
        if (reserved.softLimitCrossed.length > 0) spend.onSoftLimit?.(reserved.softLimitCrossed);
      } else {
        const message = `${reserved.cap.scope} budget of $${reserved.cap.limitUsd} for ${reserved.cap.subject} has $${reserved.cap.remainingUsd} left; this line needs up to $${worstCaseUsd}`;
        await store.recordFailed(line.batchId, line.lineIndex, { code: 'budget-exceeded', message, retryable: false, round });
      }
    }
    return admitted;
  }

  return {
    async startBatch(input: { batchId: string }): Promise<void> {
      const batch = await batchOf(input.batchId);
      if (batch.status === 'validating') await store.setStatus(input.batchId, 'in_progress', { startedAt: new Date() });
    },

    /** Groups the pending lines by target and submits one provider batch per group (idempotent per round). */
    async submitProviderJobs(input: { batchId: string; round: number }): Promise<{ jobKeys: string[] }> {
      const context = Context.current();
      const batch = await batchOf(input.batchId);
      const groups = new Map<string, { target: RouteTarget; lines: StoredBatchLine[] }>();
      for (let after = -1; ; ) {
        const page = await store.linesWithStatus(input.batchId, 'pending', after, PAGE);
        for (const line of page) {
          const target = batchTarget(line);
          if (!target) continue;
          const key = jobKeyOf(input.batchId, input.round, target);
          const group = groups.get(key) ?? { target, lines: [] };
          group.lines.push(line);
          groups.set(key, group);
        }
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.lineIndex;
        context.heartbeat();
      }
      // A retried activity finds the jobs it already submitted: their lines are no longer pending.
      for (let after = -1; ; ) {
        const page = await store.linesWithStatus(input.batchId, 'submitted', after, PAGE);
        for (const line of page) {
          if (line.round !== input.round) continue;
          const target = batchTarget(line);
          if (target && !groups.has(jobKeyOf(input.batchId, input.round, target))) groups.set(jobKeyOf(input.batchId, input.round, target), { target, lines: [] });
        }
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.lineIndex;
      }

      const jobKeys: string[] = [];
      for (const [jobKey, group] of groups) {
        const saved = await store.job(input.batchId, jobKey);
        if (saved?.providerBatchId) {
          jobKeys.push(jobKey);
          continue;
        }
        const admitted = await reserveLines(batch, group.target, group.lines, input.round);
        context.heartbeat();
        if (admitted.length === 0) continue;
        const client = deps.batchClient(group.target.provider)!;
        // An upload can outlast the heartbeat timeout: a silent activity would be retried while the
        // first submit is still running (Anthropic cannot find a running batch by its job).
        const beat = setInterval(() => context.heartbeat(), 10_000);
        const submitted = await client
          .submit({
            jobKey,
            model: group.target.model,
            lines: admitted.map((line) => ({ customId: line.customId, messages: line.request.messages, settings: line.request.settings })),
          })
          .finally(() => clearInterval(beat));
        await store.markSubmitted(input.batchId, admitted.map((line) => line.lineIndex), { round: input.round, provider: group.target.provider, model: group.target.model });
        await store.saveJob({ jobKey, batchId: input.batchId, round: input.round, provider: group.target.provider, model: group.target.model, providerBatchId: submitted.providerBatchId, status: 'in_progress', lineCount: admitted.length });
        jobKeys.push(jobKey);
      }
      return { jobKeys };
    },

    async pollProviderJob(input: { batchId: string; jobKey: string }): Promise<{ ended: boolean; status: string; completed: number; failed: number; total: number }> {
      const job = await jobOf(input);
      const poll = await clientOf(job).poll(job.providerBatchId!);
      if (poll.status !== job.status) await store.saveJob({ ...job, status: poll.status });
      return { ended: ENDED.has(poll.status), status: poll.status, ...poll.counts };
    },

    async cancelProviderJob(input: { batchId: string; jobKey: string }): Promise<void> {
      const job = await jobOf(input);
      if (ENDED.has(job.status)) return;
      await clientOf(job).cancel(job.providerBatchId!);
    },

    /** Records and settles every line of an ended job; lines it never answered go back to pending. */
    async collectProviderJob(input: { batchId: string; jobKey: string }): Promise<{ succeeded: number; failed: number; returned: number }> {
      const context = Context.current();
      const job = await jobOf(input);
      const client = clientOf(job);
      const poll = await client.poll(job.providerBatchId!);
      if (!ENDED.has(poll.status)) {
        throw ApplicationFailure.create({ type: 'provider-batch-running', message: `provider batch ${job.providerBatchId} is still ${poll.status}` });
      }
      const lines = new Map((await store.submittedLines(input.batchId, job)).map((line) => [line.customId, line]));
      const entry = deps.catalog.find(job.model);
      let succeeded = 0;
      let failed = 0;
      let seen = 0;
      for await (const outcome of client.results(job.providerBatchId!)) {
        if (++seen % 200 === 0) context.heartbeat();
        const line = lines.get(outcome.customId);
        if (!line) continue;
        lines.delete(outcome.customId);
        if (outcome.outcome === 'succeeded') {
          const costUsd = entry ? computeCostUsd(entry, outcome.usage, { batch: true }).costUsd : 0;
          await store.recordSucceeded(line.batchId, line.lineIndex, {
            response: completionBody({
              requestId: batchLineRequestId(line.batchId, line.lineIndex),
              responseId: outcome.responseId,
              provider: job.provider,
              model: outcome.modelId || job.model,
              content: outcome.content,
              finishReason: outcome.finishReason,
              usage: outcome.usage,
              costUsd,
              completedAt: new Date(),
              via: 'provider',
            }),
            provider: job.provider,
            model: outcome.modelId || job.model,
            usage: outcome.usage,
            costUsd,
            round: job.round,
          });
          await settleLine(line, job, costUsd, outcome.usage);
          succeeded++;
        } else {
          await store.recordFailed(line.batchId, line.lineIndex, { code: outcome.errorKind, message: outcome.message, retryable: LLM_ERROR_POLICIES[outcome.errorKind].retryable, round: job.round });
          await releaseLine(line, job.round);
          failed++;
        }
      }
      // Cancelled or expired before answering them: free their holds, let a later round or queued mode run them.
      const unanswered = [...lines.values()];
      for (const line of unanswered) await releaseLine(line, job.round);
      await store.returnToPending(input.batchId, unanswered.map((line) => line.lineIndex), job.round + 1);
      await store.saveJob({ ...job, status: poll.status });
      return { succeeded, failed, returned: unanswered.length };
    },

    /** Failed lines of the previous round whose error is retryable go back to pending for `round`. */
    async prepareResubmit(input: { batchId: string; round: number }): Promise<{ lines: number }> {
      const retry: number[] = [];
      for (let after = -1; ; ) {
        const page = await store.linesWithStatus(input.batchId, 'failed', after, PAGE);
        for (const line of page) if (line.error?.retryable && line.round === input.round - 1) retry.push(line.lineIndex);
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.lineIndex;
      }
      await store.returnToPending(input.batchId, retry, input.round);
      return { lines: retry.length };
    },
  };

  async function jobOf(input: { batchId: string; jobKey: string }): Promise<ProviderJob> {
    const job = await store.job(input.batchId, input.jobKey);
    if (!job?.providerBatchId) throw ApplicationFailure.create({ type: 'batch-job-not-found', message: `no submitted provider job ${input.jobKey}`, nonRetryable: true });
    return job;
  }

  function clientOf(job: ProviderJob): BatchProviderClient {
    const client = deps.batchClient(job.provider);
    if (!client) throw ApplicationFailure.create({ type: 'batch-provider-unavailable', message: `provider ${job.provider} has no batch API configured`, nonRetryable: true });
    return client;
  }

  async function settleLine(line: StoredBatchLine, job: ProviderJob, costUsd: number, usage: { inputTokens: number | undefined; outputTokens: number | undefined; cachedInputTokens: number | undefined }) {
    const { spend } = deps;
    if (!spend) return;
    const caller = line.request.caller;
    await spend.ledger.settle({
      ...lineLedgerKey(line, job.round),
      actualUsd: costUsd,
      tenantId: caller.tenantId,
      userId: caller.userId,
      keyId: caller.keyId,
      provider: job.provider,
      model: job.model,
      ...(usage.inputTokens !== undefined ? { inputTokens: usage.inputTokens } : {}),
      ...(usage.outputTokens !== undefined ? { outputTokens: usage.outputTokens } : {}),
      ...(usage.cachedInputTokens !== undefined ? { cachedTokens: usage.cachedInputTokens } : {}),
    });
  }

  async function releaseLine(line: StoredBatchLine, round: number) {
    await deps.spend?.ledger.release(lineLedgerKey(line, round));
  }
}

export { lineLedgerKey };
