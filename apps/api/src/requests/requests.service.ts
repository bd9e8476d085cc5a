import { Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Caller, ChatProgress, ChatResult } from '#libs/contracts';
import { chatProgressQuery } from '#workflows/messages';
import { AppSettings } from '../app-settings.js';
import { toWireAttempt } from '../chat/to-openai-response.js';
import { chatFailureOf } from '../temporal/chat-starter.js';
import { RequestLookup } from './request-lookup.js';

/** Reads a request's state from Temporal: a live query while it runs, the stored outcome after. */
@Injectable()
export class RequestsService {
  constructor(
    private readonly settings: AppSettings,
    private readonly lookup: RequestLookup,
  ) {}

  async get(requestId: string, caller: Caller) {
    const { handle, description } = await this.lookup.find(requestId, caller);
    const workflowId = handle.workflowId;
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

  private async progress(handle: ReturnType<Client['workflow']['getHandle']>, status: string, requestId: string): Promise<ChatProgress> {
    if (status === 'RUNNING') return handle.query(chatProgressQuery);
    if (status === 'CANCELLED') return this.cancelled(handle, requestId);
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

  /**
   * A cancelled request (its streaming client left on a `streaming.onDisconnect: cancel` route):
   * the steps as far as they got (the progress query, answered from the closed run's history),
   * and the cancellation as its error.
   */
  private async cancelled(handle: ReturnType<Client['workflow']['getHandle']>, requestId: string): Promise<ChatProgress> {
    const progress = await handle.query(chatProgressQuery).catch(() => undefined);
    return {
      requestId,
      status: 'cancelled',
      ...(progress?.route === undefined ? {} : { route: progress.route }),
      steps: progress?.steps ?? [],
      failure: { code: 'cancelled', message: 'the workflow was cancelled (the streaming client disconnected and the route cancels on disconnect)', httpStatus: 499, attempts: progress ? attemptsOf(progress) : [] },
    };
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

function attemptsOf(progress: ChatProgress) {
  return progress.steps.flatMap((step) => step.attempts);
}
