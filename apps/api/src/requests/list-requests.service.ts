import { Injectable } from '@nestjs/common';
import { Client, type WorkflowExecutionInfo } from '@temporalio/client';
// The SDK's own raw → info conversion (what `client.workflow.list` uses), needed because the
// iterator hides the page token this endpoint hands out as its cursor.
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers.js';
import { SEARCH_ATTRIBUTES, type ListedRequest } from '#libs/contracts';
import { AppSettings } from '../app-settings.js';
import type { AccessCaller } from '../auth/access-caller.js';
import { targetTenant } from '../auth/target-tenant.js';
import type { ListRequestsQuery } from './list-requests-query.dto.js';
import { decodePageCursor, encodePageCursor } from './page-cursor.js';
import { requestsVisibilityQuery } from './visibility-query.js';

/**
 * Lists a tenant's chat requests through Temporal visibility (the Ballast* search attributes
 * every chat workflow carries), newest first as visibility orders them, a page at a time.
 * Visibility is eventually consistent: a request closed a moment ago may still show as running.
 */
@Injectable()
export class ListRequestsService {
  constructor(
    private readonly client: Client,
    private readonly settings: AppSettings,
  ) {}

  async list(query: ListRequestsQuery, caller: AccessCaller) {
    const tenantId = targetTenant(caller, query.tenant_id);
    const visibilityQuery = requestsVisibilityQuery(tenantId, query);
    const nextPageToken = query.cursor === undefined ? undefined : decodePageCursor(query.cursor, visibilityQuery);
    const { namespace } = this.settings.config.temporal;
    const response = await this.client.workflowService.listWorkflowExecutions({ namespace, query: visibilityQuery, pageSize: query.limit, ...(nextPageToken ? { nextPageToken } : {}) });
    const items = await Promise.all(
      response.executions.map(async (raw) => this.toItem(await executionInfoFromRaw(raw, this.client.options.loadedDataConverter, raw, namespace))),
    );
    const token = response.nextPageToken;
    const more = token !== undefined && token !== null && token.length > 0;
    return { object: 'list' as const, tenant_id: tenantId, data: items, has_more: more, next_cursor: more ? encodePageCursor(token, visibilityQuery) : null };
  }

  private toItem(info: WorkflowExecutionInfo): ListedRequest {
    const attributes = info.typedSearchAttributes;
    return {
      id: attributes.get(SEARCH_ATTRIBUTES.requestId) ?? info.workflowId.replace(/^chat-/, ''),
      workflow_id: info.workflowId,
      run_id: info.runId,
      status: info.status.name.toLowerCase(),
      started_at: info.startTime.toISOString(),
      closed_at: info.closeTime?.toISOString() ?? null,
      route: attributes.get(SEARCH_ATTRIBUTES.route) ?? null,
      model: attributes.get(SEARCH_ATTRIBUTES.model) ?? null,
      user: attributes.get(SEARCH_ATTRIBUTES.user) ?? null,
      replay_of: attributes.get(SEARCH_ATTRIBUTES.replayOf) ?? null,
      temporal_ui_url: this.settings.temporalUiLink(info.workflowId),
    };
  }
}
