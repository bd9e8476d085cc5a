import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, type WorkflowExecutionDescription, type WorkflowHandle } from '@temporalio/client';
import { chatWorkflowId, SEARCH_ATTRIBUTES } from '#libs/contracts';
import type { AccessCaller } from '../auth/access-caller.js';
import { problem, ProblemError } from '../problems/problem-error.js';

const REQUEST_ID = /^req_[a-f0-9]{32}$/;

/** A request's workflow run, found and checked against the caller's tenant. */
export interface FoundRequest {
  readonly handle: WorkflowHandle;
  readonly description: WorkflowExecutionDescription;
  readonly tenantId: string;
}

/** Finds the workflow of a request id; another tenant's request is reported as missing. */
@Injectable()
export class RequestLookup {
  constructor(private readonly client: Client) {}

  /**
   * The workflow of a request, visible to `caller`: its own tenant's, or any tenant's for an
   * admin key when `admins` is true (operations on requests; reads stay tenant-scoped).
   */
  async find(requestId: string, caller: Pick<AccessCaller, 'tenantId'> & { role?: AccessCaller['role'] }, admins = false): Promise<FoundRequest> {
    assertRequestId(requestId);
    const found = await this.locate(requestId);
    if (found === undefined) throw requestNotFound(requestId);
    const tenantId = found.description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.tenant);
    // Another tenant's request is reported as missing, so ids leak nothing.
    if (tenantId === undefined || (tenantId !== caller.tenantId && !(admins && caller.role === 'admin'))) throw requestNotFound(requestId);
    return { ...found, tenantId };
  }

  /**
   * `chat-<request id>` for most routes; on cached routes the workflow id comes from the cache
   * key (identical requests share it), so it is looked up by the BallastRequestId search
   * attribute, run included.
   */
  private async locate(requestId: string) {
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
}

/** 400 unless `requestId` looks like `req_` + 32 hex digits (it is spliced into visibility queries). */
export function assertRequestId(requestId: string): void {
  if (!REQUEST_ID.test(requestId)) {
    throw new ProblemError(problem('invalid-request-id', 400, 'Invalid Request Id', `'${requestId}' is not a request id; they look like req_ followed by 32 hex digits.`));
  }
}

/** 404 for a request this key cannot see. */
export function requestNotFound(requestId: string): ProblemError {
  return new ProblemError(problem('request-not-found', 404, 'Request Not Found', `No request ${requestId} is visible to this API key.`));
}
