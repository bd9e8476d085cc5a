import { CancelledFailure, Context } from '@temporalio/activity';
import { WorkflowFailedError, type Client } from '@temporalio/client';
import { chatWorkflowId, type ChatResult, type ChatWorkflowInput } from '#libs/contracts';
import { chatFailureOf } from '../chat/chat-failure-of.js';
import type { BatchStore, StoredBatchLine } from './batch-store.js';
import { completionBody } from './completion-body.js';

export interface QueuedSliceDependencies {
  readonly store: BatchStore;
  readonly client: Client;
  readonly taskQueue: string;
  /** Retry, timeouts and call mode every line's chat workflow runs with. */
  readonly chatSettings: Omit<ChatWorkflowInput, 'request'>;
}

export interface RunQueuedSliceInput {
  readonly batchId: string;
  /** Lines at or before this index were run by earlier slices. */
  readonly afterIndex: number;
  readonly sliceSize: number;
  readonly concurrency: number;
  /** Epoch ms when the off-peak window closes: no line starts after it. */
  readonly stopStartingAt?: number;
}

export interface QueuedSliceResult {
  /** Lines this slice ran to an outcome. */
  readonly processed: number;
  /** The highest line index run; the next slice starts after it. */
  readonly lastIndex: number;
  /** No pending line is left after `lastIndex`. */
  readonly done: boolean;
}

/**
 * Runs up to `sliceSize` pending lines, each as an ordinary chat workflow (retrieval,
 * validation, routing, retries, fallbacks and per-attempt budgets included), `concurrency` at
 * a time. A line's workflow id is derived from its request id, so a retried slice joins the
 * runs it had started instead of starting (and billing) them again.
 */
export function createRunQueuedSlice(dependencies: QueuedSliceDependencies) {
  return async function runQueuedSlice(input: RunQueuedSliceInput): Promise<QueuedSliceResult> {
    const context = Context.current();
    const lines = await dependencies.store.pendingLines(input.batchId, input.afterIndex, input.sliceSize);
    let next = 0;
    let processed = 0;
    let lastIndex = input.afterIndex;
    let stopped = false;
    const heartbeat = setInterval(() => context.heartbeat({ processed }), 5_000);

    const worker = async () => {
      for (;;) {
        if (context.cancellationSignal.aborted || (input.stopStartingAt !== undefined && Date.now() >= input.stopStartingAt)) {
          stopped = true;
          return;
        }
        const line = lines[next++];
        if (!line) return;
        await runLine(dependencies, line);
        processed++;
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(input.concurrency, lines.length) }, worker));
    } finally {
      clearInterval(heartbeat);
    }
    // Lines past the first one not started stay pending for the next slice (or the next window).
    const started = lines.slice(0, Math.min(next, lines.length));
    for (const line of started) lastIndex = Math.max(lastIndex, line.lineIndex);
    if (context.cancellationSignal.aborted) throw new CancelledFailure(`batch ${input.batchId} cancelled after ${processed} lines of this slice`);
    return { processed, lastIndex, done: !stopped && lines.length < input.sliceSize };
  };
}

async function runLine(dependencies: QueuedSliceDependencies, line: StoredBatchLine): Promise<void> {
  const { store, client } = dependencies;
  const workflowId = chatWorkflowId(line.request.requestId);
  try {
    const handle = await client.workflow.start('chatWorkflow', {
      taskQueue: dependencies.taskQueue,
      workflowId,
      args: [{ ...dependencies.chatSettings, request: line.request } satisfies ChatWorkflowInput],
      // A slice retried after a crash finds the line's run and waits for it.
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    const result = (await handle.result()) as ChatResult;
    const { response } = result;
    await store.recordSucceeded(line.batchId, line.lineIndex, {
      response: completionBody({
        requestId: result.requestId,
        responseId: response.responseId,
        provider: response.provider,
        model: response.model,
        content: response.content,
        finishReason: response.finishReason,
        usage: response.usage,
        costUsd: result.costUsd,
        completedAt: new Date(result.completedAt),
        via: 'queued',
        route: result.route,
        ...(result.validation ? { groundedness: result.validation.groundedness } : {}),
      }),
      provider: response.provider,
      model: response.model,
      usage: response.usage,
      costUsd: result.costUsd,
      round: line.round,
    });
  } catch (error) {
    // Only the line's own failure ends it; Temporal unreachable or a cancelled slice is retried or stopped.
    if (!(error instanceof WorkflowFailedError)) throw error;
    const failure = chatFailureOf(error);
    await store.recordFailed(line.batchId, line.lineIndex, { code: failure.code, message: failure.message, retryable: false, round: line.round });
  }
}
