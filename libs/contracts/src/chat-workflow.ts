import type { AttemptRecord, ChatRequest, ModelCallResult, RoutePlan, RouteTarget } from './chat.js';
import type { RetrievalSettings, RetrievedChunkRef } from './rag.js';
import type { StepRecord } from './progress.js';

/** Retry settings the workflow applies to each target (from config, carried in the input). */
export interface RetrySettings {
  readonly initialIntervalMs: number;
  readonly backoffCoefficient: number;
  readonly maximumIntervalMs: number;
  /** A Retry-After longer than this falls back to the next target instead of waiting. */
  readonly maxRetryAfterMs: number;
}

/** Timeouts of the provider call step. */
export interface CallTimeouts {
  /** Longest a single attempt may take end to end. */
  readonly attemptTimeoutMs: number;
  /** A worker that stops heartbeating for this long is presumed dead and the attempt moves on. */
  readonly heartbeatTimeoutMs: number;
}

/**
 * How the provider call runs: a regular activity (through the task queue, visible to
 * task-queue rate limits, survives a worker crash via heartbeat timeout) or a local activity
 * (runs inside the workflow task on the same worker: one server round trip fewer).
 */
export type CallModelExecution = 'activity' | 'local-activity';

/** Input of `chatWorkflow`: the request and the policy it runs under. */
export interface ChatWorkflowInput {
  readonly request: ChatRequest;
  readonly retry: RetrySettings;
  readonly timeouts: CallTimeouts;
  /** Absent in histories recorded before the option existed: those ran as `activity`. */
  readonly callModelAs?: CallModelExecution;
}

/** Input of the `planRoute` activity. */
export interface PlanRouteInput {
  readonly requestId: string;
  readonly model: string;
  readonly messages: ChatRequest['messages'];
  readonly tierHint?: string;
}

/** Input of the `callModel` activity: one target, one request; idempotent by request id + target. */
export interface CallModelInput {
  readonly requestId: string;
  readonly workflowId: string;
  readonly targetIndex: number;
  readonly target: RouteTarget;
  readonly messages: ChatRequest['messages'];
  readonly settings: ChatRequest['settings'];
  readonly timeouts: CallTimeouts;
  readonly retry: RetrySettings;
  /** Retrieved sources to put in the prompt (ids only; the activity loads their text). */
  readonly context?: { readonly tenantId: string; readonly chunks: readonly RetrievedChunkRef[] };
}

/** Input of the `retrieveContext` activity. */
export interface RetrieveContextInput {
  readonly requestId: string;
  readonly tenantId: string;
  /** The text searched for: the last user message. */
  readonly query: string;
  readonly retrieval: RetrievalSettings;
}

/** What `callModel` returns: the answer and the attempt that produced it. */
export interface CallModelOutput {
  readonly result: ModelCallResult;
  readonly attempt: AttemptRecord;
}

/** An attempt record tagged with the target it belongs to (signalled by failing attempts). */
export interface TargetAttempt {
  readonly targetIndex: number;
  readonly record: AttemptRecord;
}

export type { RoutePlan, StepRecord };
