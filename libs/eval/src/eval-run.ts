import type { Caller } from '#libs/contracts';
import type { BaselineComparison, BaselineSummary } from './compare-baseline.js';
import type { EvalSummary } from './summarize.js';
import type { EvalQuery, EvalSuite } from './suite-schema.js';

/** Shapes of an eval run shared by `evalWorkflow`, its activities, the worker's Schedule and the API. */

/** Where a run came from: the API (and the CLI through it) or the Schedule. */
export type EvalRunTrigger = 'api' | 'schedule';

/** The workflow id of an eval run. */
export function evalWorkflowId(runId: string): string {
  return `eval-${runId}`;
}

/** The chat workflow id of one query of a run: a retried activity joins the run it started. */
export function evalQueryWorkflowId(runId: string, queryId: string): string {
  return `eval-${runId}-${queryId}`;
}

/** Input of `evalWorkflow`: the suite itself (validated by `loadSuite`), so the run does not depend on files the worker may not have. */
export interface EvalWorkflowInput {
  /** Absent (runs a Schedule starts): the workflow draws one. */
  readonly runId?: string;
  readonly suite: EvalSuite;
  /** The stored baseline's summary; absent: only the pass-rate threshold gates. */
  readonly baseline?: BaselineSummary;
  /** Who the queries run as: their tenant's collections, budgets and ledger. */
  readonly caller: Caller;
  readonly trigger: EvalRunTrigger;
  /** Queries in flight at once (`eval.concurrency`). */
  readonly concurrency: number;
  /** Replaces every query's model or route (a scheduled run against production models). */
  readonly model?: string;
  /** Scheduled runs: raise the drift alert when the scores drop below the baseline. */
  readonly drift?: EvalDriftPolicy;
}

/** Where the drift alert of a scheduled suite goes (`eval.schedule.drift`). */
export interface EvalDriftPolicy {
  /** `observability.alerts.webhooks` names. */
  readonly webhooks: readonly string[];
  readonly severity: 'info' | 'warning' | 'critical';
}

/** What the run ended with; the reports are in the store (`GET /v1/evals/:id`). */
export interface EvalRunOutcome {
  readonly runId: string;
  readonly suite: string;
  readonly summary: EvalSummary;
  readonly comparison: BaselineComparison;
}

/** Input of `runEvalQuery`: one query of a run. */
export interface RunEvalQueryInput {
  readonly runId: string;
  readonly query: EvalQuery;
  readonly caller: Caller;
  /** ISO time the run started: the request's `receivedAt`, fixed across retries. */
  readonly startedAt: string;
  readonly model?: string;
}
