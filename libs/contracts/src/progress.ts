import type { AttemptRecord, ChatResult } from './chat.js';

export type StepName = 'plan-route' | 'retrieve' | 'oversized-input' | 'excerpt-input' | 'summarize-input' | 'call-model' | 'validate';
export type StepStatus = 'running' | 'completed' | 'failed';

/** One durable step of a request, with its timing and every provider attempt it made. */
export interface StepRecord {
  readonly name: StepName;
  readonly status: StepStatus;
  readonly startedAt: string;
  readonly completedAt?: string;
  readonly durationMs?: number;
  /** Human-readable one-liner, also used as the activity summary in the Temporal UI. */
  readonly summary: string;
  readonly attempts: readonly AttemptRecord[];
}

/** `cancelled`: Temporal cancellation ended the workflow (a streaming client left on a route with `streaming.onDisconnect: cancel`). */
export type RequestStatus = 'running' | 'completed' | 'failed' | 'cancelled';

/** A failure the API can turn into a problem+json response without guessing. */
export interface ChatFailure {
  readonly code: 'all-targets-failed' | 'caller-error' | 'provider-auth' | 'no-target-fits' | 'input-too-large' | 'budget-exceeded' | 'unknown-model' | 'unknown-collection' | 'cancelled' | 'internal';
  readonly message: string;
  /** HTTP status the API should answer with. */
  readonly httpStatus: number;
  readonly attempts: readonly AttemptRecord[];
  readonly providerMessage?: string;
  /** `budget-exceeded`: the cap that refused and what the request needed. */
  readonly budget?: { readonly cap: BudgetCapFacts; readonly requestedUsd: number };
  /** The route planned before the failure, when planning got that far. */
  readonly route?: string;
  /** The workflow run that failed (for trace links). */
  readonly workflowRunId?: string;
}

/** A spending cap as it stood when it refused a request (from the ledger). */
export interface BudgetCapFacts {
  readonly scope: 'global-day' | 'tenant-day' | 'tenant-month' | 'user-day' | 'user-month' | 'key-day' | 'key-month';
  /** `*` (global), a tenant id, `tenant/user`, or a key's lineage id. */
  readonly subject: string;
  /** `YYYY-MM-DD` or `YYYY-MM` (UTC). */
  readonly period: string;
  readonly limitUsd: number;
  /** Settled spend in this period. */
  readonly spentUsd: number;
  /** Held by reservations not yet settled or released. */
  readonly reservedUsd: number;
  /** limit − spent − reserved, never below 0. */
  readonly remainingUsd: number;
  /** ISO-8601 UTC instant the period ends and the cap starts again from zero. */
  readonly resetsAt: string;
}

/** What `GET /v1/requests/:id` and the workflow's progress query return. */
export interface ChatProgress {
  readonly requestId: string;
  readonly status: RequestStatus;
  readonly route?: string;
  readonly steps: readonly StepRecord[];
  readonly result?: ChatResult;
  readonly failure?: ChatFailure;
}
