import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { evalWorkflowId, type BaselineSummary, type EvalSuite, type EvalWorkflowInput } from '#libs/eval';
import { RouteTable } from '#libs/routes';
import { InvalidCursorError, type EvalRunRecord, type EvalRunScope } from '#libs/store';
import { AppSettings } from '../app-settings.js';
import type { AccessCaller } from '../auth/access-caller.js';
import { targetTenant } from '../auth/target-tenant.js';
import { traceScopeFor } from '../observability/trace-scope.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import { toWireEvalRun } from './to-wire-eval-run.js';

const RUN_ID = /^[a-f0-9]{32}$/;

/** What a run is started with, once the request is validated. */
export interface EvalStart {
  readonly suite: EvalSuite;
  readonly baseline?: BaselineSummary;
  readonly model?: string;
  readonly tenantId?: string;
}

/** Starts eval runs (`evalWorkflow`), reads them back with their reports. */
@Injectable()
export class EvalsService {
  constructor(
    private readonly settings: AppSettings,
    private readonly routes: RouteTable,
    private readonly client: Client,
    private readonly rag: RagRuntimeRef,
  ) {}

  private get repository() {
    return this.rag.runtime.evalRuns;
  }

  async create(start: EvalStart, caller: AccessCaller) {
    const tenantId = targetTenant(caller, start.tenantId);
    if (start.model !== undefined) this.assertKnownModel(start.model, 'model');
    for (const model of new Set(start.suite.queries.flatMap((query) => (query.model === undefined || start.model !== undefined ? [] : [query.model])))) this.assertKnownModel(model, 'suite');
    await this.assertCollectionsExist(start.suite, tenantId);

    const runId = randomUUID().replaceAll('-', '');
    const createdAt = new Date().toISOString();
    await this.repository.create({ id: runId, tenantId, suite: start.suite.suite, trigger: 'api', queries: start.suite.queries.length, createdAt });
    const input: EvalWorkflowInput = {
      runId,
      suite: start.suite,
      caller: { tenantId, userId: caller.userId, keyId: caller.keyId },
      trigger: 'api',
      concurrency: this.settings.config.eval.concurrency,
      ...(start.baseline === undefined ? {} : { baseline: start.baseline }),
      ...(start.model === undefined ? {} : { model: start.model }),
    };
    await this.client.workflow.start('evalWorkflow', { taskQueue: this.settings.config.temporal.taskQueue, workflowId: evalWorkflowId(runId), args: [input] });
    return this.toWire((await this.repository.get(runId, { tenantId })) as EvalRunRecord, false);
  }

  async get(id: string, caller: AccessCaller, requestedTenant: string | undefined) {
    const scope: EvalRunScope = traceScopeFor(caller, requestedTenant);
    // Another tenant's run is reported as missing, so ids leak nothing.
    const run = RUN_ID.test(id) ? await this.repository.get(id, scope) : undefined;
    if (run === undefined) throw new ProblemError(problem('eval-run-not-found', 404, 'Eval Run Not Found', `No eval run '${id}' for this API key's tenant.`));
    return this.toWire(run, true);
  }

  async list(caller: AccessCaller, options: { limit: number; after?: string; suite?: string; tenantId?: string }) {
    const scope: EvalRunScope = traceScopeFor(caller, options.tenantId);
    try {
      const page = await this.repository.list(scope, { limit: options.limit, ...(options.after ? { cursor: options.after } : {}), ...(options.suite ? { suite: options.suite } : {}) });
      return { object: 'list' as const, data: page.items.map((run) => this.toWire(run, false)), has_more: page.nextCursor !== undefined, next_cursor: page.nextCursor ?? null };
    } catch (error) {
      if (InvalidCursorError.isInstance(error)) throw new ProblemError(problem('invalid-cursor', 400, 'Invalid Cursor', 'after must be the next_cursor of an earlier page.'));
      throw error;
    }
  }

  private assertKnownModel(model: string, where: string): void {
    try {
      this.routes.assertKnown(model);
    } catch (error) {
      throw new ProblemError(problem('unknown-model', 400, 'Unknown Model', `${where}: ${(error as Error).message}`));
    }
  }

  /** A query over a collection the tenant does not have would only measure the missing documents. */
  private async assertCollectionsExist(suite: EvalSuite, tenantId: string): Promise<void> {
    const names = [...new Set(suite.queries.flatMap((query) => query.collections ?? []))];
    const missing: string[] = [];
    for (const name of names) if ((await this.rag.runtime.collections.resolve(tenantId, name)) === undefined) missing.push(name);
    if (missing.length > 0) {
      throw new ProblemError(
        problem('collection-not-found', 400, 'Collection Not Found', `The suite queries collection(s) ${missing.map((name) => `'${name}'`).join(', ')}, which tenant '${tenantId}' does not have; ingest the suite's corpus first (ballast eval does).`, { collections: missing }),
      );
    }
  }

  private toWire(run: EvalRunRecord, withReports: boolean) {
    const workflowId = evalWorkflowId(run.id);
    return toWireEvalRun(run, { workflowId, temporalUiUrl: this.settings.temporalUiLink(workflowId) }, withReports);
  }
}
