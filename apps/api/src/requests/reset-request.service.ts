import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
// A CommonJS package whose namespace object Node's ESM loader cannot split into named exports.
import proto from '@temporalio/proto';
import { AppSettings } from '../app-settings.js';
import type { AccessCaller } from '../auth/access-caller.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import type { ResetRequestBody } from './replay-request.dto.js';
import { RequestLookup } from './request-lookup.js';
import { findResetPoint } from './reset-point.js';

type EventIdField = NonNullable<proto.temporal.api.workflowservice.v1.IResetWorkflowExecutionRequest['workflowTaskFinishEventId']>;

/** Workflow states a reset makes sense in: a failed request, or one stuck retrying. */
const RESETTABLE = new Set(['FAILED', 'RUNNING']);

/**
 * Resets a request's workflow through Temporal's reset API: a new run that keeps the history up
 * to the chosen workflow task and re-runs from there (the first failed step by default), under
 * the same workflow and request id. Signals and updates of the old run are not reapplied: its
 * failed attempts were reported by signal and belong to the old run.
 */
@Injectable()
export class ResetRequestService {
  constructor(
    private readonly client: Client,
    private readonly settings: AppSettings,
    private readonly lookup: RequestLookup,
  ) {}

  async reset(requestId: string, body: ResetRequestBody, caller: AccessCaller) {
    const { handle, description } = await this.lookup.find(requestId, caller, true);
    const status = description.status.name;
    if (!RESETTABLE.has(status)) {
      throw nothingToReset(requestId, `the request is ${status.toLowerCase()}; only failed or running requests can be reset.`);
    }
    const run = this.client.workflow.getHandle(handle.workflowId, description.runId);
    const history = await run.fetchHistory();
    // A running request is reset at an activity whose attempts keep failing (the server's pending-activity view).
    const failingActivityIds = new Set(
      (description.raw.pendingActivities ?? []).filter((activity) => activity.lastFailure != null && activity.activityId).map((activity) => activity.activityId as string),
    );
    const point = findResetPoint(history.events ?? [], body.to, failingActivityIds);
    if (point === undefined) {
      throw nothingToReset(requestId, body.to === 'last-good-step' ? 'no step of this request failed; send {"to": "first-step"} to re-run it from the start.' : 'its history has no completed workflow task yet.');
    }
    const { namespace } = this.settings.config.temporal;
    const excluded = proto.temporal.api.enums.v1.ResetReapplyExcludeType;
    const response = await this.client.workflowService.resetWorkflowExecution({
      namespace,
      workflowExecution: { workflowId: handle.workflowId, runId: description.runId },
      // protobufjs encodes a plain number into an int64 field; the generated type only names Long.
      workflowTaskFinishEventId: point.eventId as unknown as EventIdField,
      reason: `${body.reason ?? 'reset through the Ballast API'} (by ${caller.tenantId}/${caller.userId}, to ${point.description})`,
      requestId: randomUUID(),
      resetReapplyExcludeTypes: [excluded.RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL, excluded.RESET_REAPPLY_EXCLUDE_TYPE_UPDATE],
    });
    return {
      id: requestId,
      request_id: requestId,
      workflow_id: handle.workflowId,
      previous_run_id: description.runId,
      run_id: response.runId,
      to: body.to,
      reset_to_event_id: point.eventId,
      reset_to: point.description,
      status_url: `/v1/requests/${requestId}`,
      temporal_ui_url: this.settings.temporalUiLink(handle.workflowId),
    };
  }
}

function nothingToReset(requestId: string, why: string): ProblemError {
  return new ProblemError(problem('nothing-to-reset', 409, 'Nothing To Reset', `Request ${requestId} cannot be reset: ${why}`));
}
