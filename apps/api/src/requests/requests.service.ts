import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { chatWorkflowId, SEARCH_ATTRIBUTES, type Caller, type ChatProgress, type ChatResult } from '#libs/contracts';
import { chatProgressQuery } from '#workflows/messages';
import { AppSettings } from '../app-settings.js';
import { toWireAttempt } from '../chat/to-openai-response.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { chatFailureOf } from '../temporal/chat-starter.js';

const REQUEST_ID = /^req_[a-f0-9]{32}$/;

/** Reads a request's state from Temporal: a live query while it runs, the stored outcome after. */
@Injectable()
export class RequestsService {
  constructor(
    private readonly client: Client,
    private readonly settings: AppSettings,
  ) {}

  async get(requestId: string, caller: Caller) {
    if (!REQUEST_ID.test(requestId)) {
      throw new ProblemError(problem('invalid-request-id', 400, 'Invalid Request Id', `'${requestId}' is not a request id; they look like req_ followed by 32 hex digits.`));
    }
    const found = await this.find(requestId);
    if (found === undefined) throw notFound(requestId);
    const { handle, description } = found;
    const workflowId = handle.workflowId;
    // Another tenant's request is reported as missing, so ids leak nothing.
    if (description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.tenant) !== caller.tenantId) throw notFound(requestId);

    const progress = await this.progress(handle, description.status.name, requestId);
    return {
      request_id: requestId,
      workflow_id: workflowId,
      status: progress.status,
      route: progress.route ?? null,
      started_at: description.startTime.toISOString(),
      closed_at: description.closeTime?.toISOString() ?? null,
      steps: progress.steps.map((step) => ({
        name: step.name,
        status: step.status,
        summary: step.summary,
        started_at: step.startedAt,
        completed_at: step.completedAt ?? null,
        duration_ms: step.durationMs ?? null,
        attempts: step.attempts.map(toWireAttempt),
      })),
      result: progress.result ? resultSummary(progress.result) : null,
      error: progress.failure ? { code: progress.failure.code, message: progress.failure.message, http_status: progress.failure.httpStatus } : null,
      temporal_ui_url: this.settings.temporalUiLink(workflowId),
    };
  }

  /**
   * The workflow of a request: `chat-<request id>` for most routes; on cached routes the
   * workflow id comes from the cache key (identical requests share it), so it is looked up by the
   * BallastRequestId search attribute, run included.
   */
  private async find(requestId: string) {
    try {
      const handle = this.client.workflow.getHandle(chatWorkflowId(requestId));
      return { handle, description: await handle.describe() };
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    for await (const execution of this.client.workflow.list({ query: `${SEARCH_ATTRIBUTES.requestId.name} = "${requestId}"`, pageSize: 1 })) {
      const handle = this.client.workflow.getHandle(execution.workflowId, execution.runId);
      return { handle, description: await handle.describe() };
    }
    return undefined;
  }

  private async progress(handle: ReturnType<Client['workflow']['getHandle']>, status: string, requestId: string): Promise<ChatProgress> {
    if (status === 'RUNNING') return handle.query(chatProgressQuery);
    try {
      const result = (await handle.result()) as ChatResult;
      return { requestId, status: 'completed', route: result.route, steps: result.steps, result };
    } catch (error) {
      const failure = chatFailureOf(error);
      const message = error instanceof Error ? error.message : String(error);
      return {
        requestId,
        status: 'failed',
        steps: [],
        failure: failure ?? { code: 'internal', message: `workflow ${status.toLowerCase()}: ${message}`, httpStatus: 500, attempts: [] },
      };
    }
  }
}

function resultSummary(result: ChatResult) {
  return {
    provider: result.response.provider,
    model: result.response.model,
    content: result.response.content,
    finish_reason: result.response.finishReason,
    usage: result.response.usage,
    cost_usd: result.costUsd,
    simulated: result.response.simulated,
    attempts: result.attempts.map(toWireAttempt),
  };
}

function notFound(requestId: string): ProblemError {
  return new ProblemError(problem('request-not-found', 404, 'Request Not Found', `No request ${requestId} is visible to this API key.`));
}
