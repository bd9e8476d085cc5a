import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { batchLineRequestId, batchWorkflowId, type BatchWorkflowInput, type Caller } from '#libs/contracts';
import { InvalidCursorError, type BatchRecord, type NewBatchLine } from '#libs/store';
import { RouteTable } from '#libs/routes';
import { cancelBatchSignal } from '#workflows/messages';
import { AppSettings } from '../app-settings.js';
import { workflowCaller } from '../chat/chat.service.js';
import { toChatRequest } from '../chat/to-chat-request.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import { completionWindowMs, type BatchOptions } from './create-batch.dto.js';
import { parseBatchLines, type ParsedBatchInput } from './parse-batch-lines.js';
import { toWireBatch, toWireResultLine } from './to-wire-batch.js';

type RawItems = Parameters<typeof parseBatchLines>[0];

const BATCH_ID = /^batch_[a-f0-9]{32}$/;
/** Invalid lines listed in the batch object (all of them are in the results file). */
const LISTED_ERRORS = 100;
const RESULTS_PAGE = 1_000;

/** Creates batches (validated line by line, stored, then run by `batchWorkflow`), reads and cancels them. */
@Injectable()
export class BatchesService {
  constructor(
    private readonly settings: AppSettings,
    private readonly routes: RouteTable,
    private readonly client: Client,
    private readonly rag: RagRuntimeRef,
  ) {}

  private get repository() {
    return this.rag.runtime.batches;
  }

  async create(items: RawItems, options: BatchOptions, caller: Caller) {
    const { batch: limits } = this.settings.config;
    if (items.length > limits.maxLines) {
      throw new ProblemError(problem('batch-too-large', 413, 'Batch Too Large', `The batch has ${items.length} lines; at most ${limits.maxLines} are accepted (batch.maxLines). Split it into several batches.`, { lines: items.length, max_lines: limits.maxLines }));
    }
    const parsed = await parseBatchLines(items, {
      isKnownModel: (model) => {
        try {
          this.routes.assertKnown(model);
          return true;
        } catch {
          return false;
        }
      },
      collectionExists: async (name) => (await this.rag.runtime.collections.resolve(caller.tenantId, name)) !== undefined,
    });
    if (parsed.valid.length === 0) throw noValidLines(parsed);

    const batchId = `batch_${randomUUID().replaceAll('-', '')}`;
    const createdAt = new Date();
    const deadlineAt = new Date(createdAt.getTime() + completionWindowMs(options.completion_window));
    const lines: NewBatchLine[] = [
      ...parsed.valid.map((line): NewBatchLine => ({
        lineIndex: line.lineIndex,
        customId: line.customId,
        status: 'pending',
        request: toChatRequest(line.body, workflowCaller(caller, line.body.user), batchLineRequestId(batchId, line.lineIndex), createdAt),
      })),
      ...parsed.invalid.map((line): NewBatchLine => ({ lineIndex: line.lineIndex, customId: line.customId, status: 'invalid', error: { code: line.code, message: line.message } })),
    ];
    const batch = await this.repository.create(
      {
        id: batchId,
        tenantId: caller.tenantId,
        userId: caller.userId,
        keyId: caller.keyId,
        mode: options.mode,
        endpoint: '/v1/chat/completions',
        completionWindow: options.completion_window,
        deadlineAt: deadlineAt.toISOString(),
        ...(options.webhook_url ? { webhookUrl: options.webhook_url } : {}),
        ...(options.metadata ? { metadata: options.metadata } : {}),
        invalidLines: parsed.invalid.slice(0, LISTED_ERRORS).map((line) => ({ line: line.line, customId: line.customId, code: line.code, message: line.message })),
        createdAt: createdAt.toISOString(),
      },
      lines,
    );
    const input: BatchWorkflowInput = { batchId, mode: options.mode, deadlineAt: deadlineAt.toISOString(), settings: workflowSettings(this.settings.config.batch) };
    await this.client.workflow.start('batchWorkflow', { taskQueue: this.settings.config.temporal.taskQueue, workflowId: batchWorkflowId(batchId), args: [input] });
    return this.toWire(batch);
  }

  async get(id: string, caller: Caller) {
    return this.toWire(await this.find(id, caller));
  }

  async list(caller: Caller, options: { limit: number; after?: string }) {
    try {
      const page = await this.repository.list(caller.tenantId, { limit: options.limit, ...(options.after ? { cursor: options.after } : {}) });
      return { object: 'list' as const, data: page.items.map((batch) => this.toWire(batch)), has_more: page.nextCursor !== undefined, next_cursor: page.nextCursor ?? null };
    } catch (error) {
      if (InvalidCursorError.isInstance(error)) throw new ProblemError(problem('invalid-cursor', 400, 'Invalid Cursor', 'after must be the next_cursor of an earlier page.'));
      throw error;
    }
  }

  /** The results file: one JSON line per finished line, in input order. */
  async results(id: string, caller: Caller): Promise<AsyncGenerator<string>> {
    const batch = await this.find(id, caller);
    const repository = this.repository;
    return (async function* lines() {
      for (let afterIndex = -1; ; ) {
        const page = await repository.results(batch.id, { afterIndex, limit: RESULTS_PAGE });
        for (const line of page) yield `${toWireResultLine(batch.id, line)}\n`;
        if (page.length < RESULTS_PAGE) return;
        afterIndex = page[page.length - 1]!.lineIndex;
      }
    })();
  }

  async cancel(id: string, caller: Caller) {
    const batch = await this.find(id, caller);
    if (['completed', 'failed', 'cancelled', 'expired'].includes(batch.status)) {
      throw new ProblemError(problem('batch-finished', 409, 'Batch Already Finished', `Batch ${batch.id} is ${batch.status}; only a running batch can be cancelled.`, { batch_status: batch.status }));
    }
    try {
      await this.client.workflow.getHandle(batchWorkflowId(batch.id)).signal(cancelBatchSignal);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    await this.repository.updateStatus(batch.id, 'cancelling');
    return this.toWire((await this.repository.get(batch.id, caller.tenantId)) ?? batch);
  }

  private async find(id: string, caller: Caller): Promise<BatchRecord> {
    // Another tenant's batch is reported as missing, so ids leak nothing.
    const batch = BATCH_ID.test(id) ? await this.repository.get(id, caller.tenantId) : undefined;
    if (!batch) throw new ProblemError(problem('batch-not-found', 404, 'Batch Not Found', `No batch '${id}' for this API key's tenant.`));
    return batch;
  }

  private toWire(batch: BatchRecord) {
    const workflowId = batchWorkflowId(batch.id);
    return toWireBatch(batch, { workflowId, temporalUiUrl: this.settings.temporalUiLink(workflowId) });
  }
}

function noValidLines(parsed: ParsedBatchInput): ProblemError {
  const errors = parsed.invalid.slice(0, 20).map((line) => ({ line: line.line, custom_id: line.customId, code: line.code, message: line.message }));
  const detail = `None of the ${parsed.total} lines is a valid chat request: ${errors
    .slice(0, 3)
    .map((error) => error.message)
    .join('; ')}${parsed.invalid.length > 3 ? ` (and ${parsed.invalid.length - 3} more)` : ''}.`;
  return new ProblemError(problem('invalid-batch', 400, 'Invalid Batch', detail, { errors }));
}

/** The configuration a batch runs with, fixed in its workflow input when it starts. */
function workflowSettings(config: AppSettings['config']['batch']): BatchWorkflowInput['settings'] {
  return {
    pollIntervalMs: config.pollIntervalMs,
    maxPollIntervalMs: config.maxPollIntervalMs,
    resubmitRounds: config.resubmitRounds,
    switchToQueuedBeforeMs: config.switchToQueuedBeforeMs,
    queued: { concurrency: config.queued.concurrency, sliceSize: config.queued.sliceSize, windows: config.queued.windows },
  };
}
