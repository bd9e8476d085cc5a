import { Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { CHAT_TASK_QUEUE, chatWorkflowId, SEARCH_ATTRIBUTES, type ChatFailure, type ChatResult, type ChatWorkflowInput } from '#libs/contracts';
import type { chatWorkflow } from '#workflows';
import { awaitChatResultUpdate } from '#workflows/messages';
import { AppSettings } from '../app-settings.js';

/** The workflow ended without an answer; carries the facts for the problem response. */
export class ChatFailedError extends Error {
  constructor(readonly failure: ChatFailure) {
    super(failure.message);
    this.name = 'ChatFailedError';
  }
}

/** Options of one run. */
export interface ChatRunOptions {
  /**
   * A workflow id identical requests share (see `cacheWorkflowId`): a request arriving while a
   * workflow with this id runs joins it (conflict policy `USE_EXISTING`) and gets its result,
   * whichever API replica started it. Absent: the request's own id, `chat-<request id>`.
   */
  readonly sharedWorkflowId?: string;
  /** The request this run replays: recorded as memo `replayOf` and search attribute `BallastReplayOf`. */
  readonly replayOf?: string;
}

/**
 * Starts a chat workflow and waits for its answer in the configured way. Update-with-Start
 * does both in one round trip; `start-and-wait` is the classic start + long poll; `eager`
 * asks the server to hand the first workflow task straight to a worker in this process.
 */
@Injectable()
export class ChatStarter {
  constructor(
    private readonly client: Client,
    private readonly settings: AppSettings,
  ) {}

  get mode(): string {
    return this.settings.config.temporal.startMode;
  }

  async run(input: ChatWorkflowInput, runOptions: ChatRunOptions = {}): Promise<ChatResult> {
    const options = this.workflowOptions(input, runOptions);
    try {
      switch (this.settings.config.temporal.startMode) {
        case 'update-with-start': {
          const operation = new WithStartWorkflowOperation<typeof chatWorkflow>('chatWorkflow', { ...options, workflowIdConflictPolicy: 'USE_EXISTING' });
          return await this.client.workflow.executeUpdateWithStart(awaitChatResultUpdate, { startWorkflowOperation: operation });
        }
        case 'eager': {
          const handle = await this.client.workflow.start<typeof chatWorkflow>('chatWorkflow', { ...options, requestEagerStart: true });
          return await handle.result();
        }
        case 'start-and-wait':
          return await this.client.workflow.execute<typeof chatWorkflow>('chatWorkflow', options);
        default:
          throw new Error(`unknown start mode ${String(this.settings.config.temporal.startMode)}`);
      }
    } catch (error) {
      const failure = chatFailureOf(error);
      if (failure) throw new ChatFailedError(failure);
      throw error;
    }
  }

  /**
   * Requests Temporal cancellation of a chat workflow (a streaming client of a route with
   * `streaming.onDisconnect: cancel` left). Throws WorkflowNotFoundError when it has not started.
   */
  async cancel(workflowId: string): Promise<void> {
    await this.client.workflow.getHandle(workflowId).cancel();
  }

  /** Starts a chat workflow without waiting for its answer (replays); returns the started run. */
  async start(input: ChatWorkflowInput, runOptions: ChatRunOptions = {}) {
    return this.client.workflow.start<typeof chatWorkflow>('chatWorkflow', this.workflowOptions(input, runOptions));
  }

  private workflowOptions(input: ChatWorkflowInput, runOptions: ChatRunOptions) {
    const { request } = input;
    const shared = runOptions.sharedWorkflowId;
    const replayOf = runOptions.replayOf;
    return {
      workflowId: shared ?? chatWorkflowId(request.requestId),
      // Only a shared id can already be running; per-request ids keep the SDK's default (fail).
      ...(shared !== undefined ? { workflowIdConflictPolicy: 'USE_EXISTING' as const } : {}),
      taskQueue: this.settings.config.temporal.taskQueue || CHAT_TASK_QUEUE,
      args: [input] as [ChatWorkflowInput],
      staticSummary: chatSummary(request, shared !== undefined, replayOf),
      ...(replayOf !== undefined ? { memo: { replayOf } } : {}),
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.tenant, value: request.caller.tenantId },
        { key: SEARCH_ATTRIBUTES.user, value: request.caller.userId },
        { key: SEARCH_ATTRIBUTES.model, value: request.model },
        { key: SEARCH_ATTRIBUTES.status, value: 'running' },
        { key: SEARCH_ATTRIBUTES.requestId, value: request.requestId },
        ...(replayOf !== undefined ? [{ key: SEARCH_ATTRIBUTES.replayOf, value: replayOf }] : []),
      ],
    };
  }
}

/** The one-line summary the Temporal Web UI shows for the workflow: ids only, never message text. */
function chatSummary(request: ChatWorkflowInput['request'], shared: boolean, replayOf: string | undefined): string {
  const suffix = shared ? ' (shared by identical requests)' : replayOf !== undefined ? ` (replay of ${replayOf})` : '';
  return `chat ${request.model} for ${request.caller.tenantId}/${request.caller.userId}${suffix}`;
}

/** The ChatFailure a failed update or workflow carries, if that is what failed. */
export function chatFailureOf(error: unknown): ChatFailure | undefined {
  const cause = error instanceof WorkflowUpdateFailedError || error instanceof WorkflowFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type === 'ChatFailure') return cause.details?.[0] as ChatFailure;
  return undefined;
}
