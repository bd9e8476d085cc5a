import { Injectable } from '@nestjs/common';
import { InvalidCursorError } from '#libs/store';
import { AppSettings } from '../app-settings.js';
import type { AccessCaller } from '../auth/access-caller.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import { toTraceDetail, toTraceSummary } from './to-trace-response.js';
import { traceScopeFor } from './trace-scope.js';
import type { TracesQueryInput } from './traces-query.dto.js';

/** Reads recorded traces for `GET /v1/traces`. */
@Injectable()
export class TracesService {
  constructor(
    private readonly rag: RagRuntimeRef,
    private readonly settings: AppSettings,
  ) {}

  async list(query: TracesQueryInput, caller: AccessCaller) {
    const link = (workflowId: string) => this.settings.temporalUiLink(workflowId);
    try {
      const page = await this.rag.runtime.traces.list({
        scope: traceScopeFor(caller, query.tenant_id),
        limit: query.limit,
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.route === undefined ? {} : { route: query.route }),
        ...(query.model === undefined ? {} : { model: query.model }),
        ...(query.user === undefined ? {} : { userId: query.user }),
        ...(query.since === undefined ? {} : { since: query.since }),
        ...(query.until === undefined ? {} : { until: query.until }),
      });
      return { object: 'list' as const, data: page.items.map((trace) => toTraceSummary(trace, link)), next_cursor: page.nextCursor ?? null };
    } catch (error) {
      if (InvalidCursorError.isInstance(error)) throw new ProblemError(problem('invalid-cursor', 400, 'Invalid Cursor', 'The cursor is not one this API returned; start again without it.'));
      throw error;
    }
  }

  async get(id: string, caller: AccessCaller, tenantId: string | undefined) {
    const trace = await this.rag.runtime.traces.get(id, traceScopeFor(caller, tenantId));
    if (trace === undefined) {
      throw new ProblemError(problem('trace-not-found', 404, 'Trace Not Found', `No trace '${id}' for this API key's tenant. Traces are written within a second of the answer and kept for the configured retention.`));
    }
    return toTraceDetail(trace, (workflowId) => this.settings.temporalUiLink(workflowId));
  }
}
