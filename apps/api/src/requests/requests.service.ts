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
