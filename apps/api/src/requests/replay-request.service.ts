import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
// Decodes payloads through the client's data converter (codecs included), as the SDK does for results.
import { decodeArrayFromPayloads } from '@temporalio/common/lib/internal-non-workflow/index.js';
import type { ChatWorkflowInput } from '#libs/contracts';
import { RouteTable, UnknownModelError } from '#libs/routes';
import { AppSettings } from '../app-settings.js';
import type { AccessCaller } from '../auth/access-caller.js';
import { workflowCaller } from '../chat/chat.service.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { ChatStarter } from '../temporal/chat-starter.js';
import type { ReplayRequestBody } from './replay-request.dto.js';
import { RequestLookup } from './request-lookup.js';

/**
 * Re-runs a request: its original input, read from the start event of its workflow history,
 * as a new chat workflow with a new request id, linked to the original (memo and search
 * attribute `BallastReplayOf`). Budgets and the spend ledger apply as to any request.
 */
@Injectable()
export class ReplayRequestService {
  constructor(
    private readonly client: Client,
    private readonly settings: AppSettings,
    private readonly routes: RouteTable,
    private readonly starter: ChatStarter,
    private readonly lookup: RequestLookup,
  ) {}

  async replay(requestId: string, body: ReplayRequestBody, caller: AccessCaller) {
    const found = await this.lookup.find(requestId, caller, true);
    const original = await this.originalInput(found.handle.workflowId, found.description.runId);
    const model = this.modelOf(body) ?? original.request.model;

    const newRequestId = `req_${randomUUID().replaceAll('-', '')}`;
    // The tenant's own keys pay with their own key budgets; an admin replaying another tenant's request runs it as it ran.
    const payer = found.tenantId === caller.tenantId ? workflowCaller(caller, original.request.caller.userId) : original.request.caller;
    const { stream: _stream, ...request } = original.request;
    const { server, retry, temporal } = this.settings.config;
    const input: ChatWorkflowInput = {
      request: { ...request, requestId: newRequestId, model, caller: payer, receivedAt: new Date().toISOString() },
      retry,
      timeouts: { attemptTimeoutMs: server.attemptTimeoutMs, heartbeatTimeoutMs: server.heartbeatTimeoutMs },
      callModelAs: temporal.callModelAs,
    };
    const handle = await this.starter.start(input, { replayOf: requestId });
    return {
      id: newRequestId,
      request_id: newRequestId,
      workflow_id: handle.workflowId,
      run_id: handle.firstExecutionRunId,
      status: 'running' as const,
      replay_of: requestId,
      model,
      status_url: `/v1/requests/${newRequestId}`,
      temporal_ui_url: this.settings.temporalUiLink(handle.workflowId),
    };
  }

  /** The input the run was started with: the first event of its history. */
  private async originalInput(workflowId: string, runId: string): Promise<ChatWorkflowInput> {
    const history = await this.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const [input] = await decodeArrayFromPayloads(this.client.options.loadedDataConverter, started?.input?.payloads);
    if (!isChatInput(input)) throw new Error(`workflow ${workflowId} was not started with a chat request`);
    return input;
  }

  /** The model to ask instead, checked like a chat request's; undefined keeps the original. */
  private modelOf(body: ReplayRequestBody): string | undefined {
    if (body.route !== undefined) {
      const known = this.routes.available().some((entry) => entry.id === body.route && entry.kind !== 'model');
      if (!known) {
        const routes = this.routes.available().filter((entry) => entry.kind !== 'model').map((entry) => entry.id);
        throw new ProblemError(problem('unknown-route', 404, 'Unknown Route', `No route '${body.route}'; routes: ${routes.join(', ')}.`, { route: body.route }));
      }
      return body.route;
    }
    if (body.model === undefined) return undefined;
    try {
      this.routes.assertKnown(body.model);
    } catch (error) {
      if (UnknownModelError.isInstance(error)) throw new ProblemError(problem('unknown-model', 404, 'Unknown Model', error.message, { model: body.model }));
      throw error;
    }
    return body.model;
  }
}

function isChatInput(value: unknown): value is ChatWorkflowInput {
  const request = (value as { request?: { requestId?: unknown; messages?: unknown } } | undefined)?.request;
  return typeof request?.requestId === 'string' && Array.isArray(request.messages);
}
