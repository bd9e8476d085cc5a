import type { AttemptRecord, ChatRequest, ModelCallResult, RoutePlan, RouteTarget } from './chat.js';
import type { InputHandling } from './context.js';
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
  /** The route whose context policy budgets the prompt (absent: the default policy). */
  readonly route?: string;
  /** Who pays: the attempt reserves its worst-case cost against the caller's caps (absent in old histories). */
  readonly caller?: ChatRequest['caller'];
  /** Rolling summaries of dropped turns are stored per conversation. */
  readonly conversationId?: string;
  /** How an oversized current message is replaced (excerpts or a summary). */
  readonly inputHandling?: InputHandling;
  /** Stream the provider's text to the API through the stream relay while calling (absent: do not). */
  readonly stream?: boolean;
}

/** Input of the `excerptOversizedInput` activity: retrieve from the current message itself. */
export interface ExcerptOversizedInputInput {
  readonly requestId: string;
  readonly text: string;
  /** Model of the first target: its tokenizer sizes the parts. */
  readonly model: string;
  /** Tokens the excerpts may take together. */
  readonly budgetTokens: number;
}

/** What `excerptOversizedInput` found: spans only, the text stays in the request. */
export interface ExcerptOversizedInputOutput {
  readonly question: { readonly start: number; readonly end: number };
  readonly excerpts: ReadonlyArray<{ readonly start: number; readonly end: number; readonly score: number }>;
  readonly parts: number;
}

/** Input of `summarizeInputWorkflow`: map-reduce summary of an oversized message. */
export interface SummarizeInputWorkflowInput {
  readonly requestId: string;
  readonly text: string;
  readonly target: RouteTarget;
  readonly settings: ChatRequest['settings'];
  /** Tokens per part (map) and the most the final summary may take. */
  readonly partTokens: number;
  readonly summaryTokens: number;
}

/** Result of `summarizeInputWorkflow`. */
export interface SummarizeInputWorkflowOutput {
  readonly question: { readonly start: number; readonly end: number };
  readonly summary: string;
  readonly parts: number;
  readonly calls: number;
  readonly costUsd: number;
  readonly summaryTokens: number;
}

/** Input of the `splitInput` activity. */
export interface SplitInputInput {
  readonly text: string;
  readonly model: string;
  readonly partTokens: number;
}

/** Output of `splitInput`: the question span and the parts, as spans. */
export interface SplitInputOutput {
  readonly question: { readonly start: number; readonly end: number };
  readonly parts: ReadonlyArray<{ readonly start: number; readonly end: number; readonly tokens: number }>;
}

/** Input of `summarizeText`: one map or reduce step of the summary. */
export interface SummarizeTextInput {
  readonly requestId: string;
  /** Distinguishes the steps for idempotency keys, e.g. `map-3` or `reduce-1-0`. */
  readonly step: string;
  readonly text: string;
  readonly question: string;
  readonly target: RouteTarget;
  readonly maxOutputTokens: number;
}

/** Output of `summarizeText`. */
export interface SummarizeTextOutput {
  readonly summary: string;
  readonly tokens: number;
  readonly costUsd: number;
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
