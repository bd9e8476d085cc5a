/** Chat request and result shapes shared by the API, the workflow and the activities. */
import type { StepRecord } from './progress.js';
import type { ContextUsage, OversizedInputVerdict } from './context.js';
import type { Citation, RetrievalSettings } from './rag.js';
import type { AnswerValidationReport, ValidationPolicy } from './validation.js';

export type ChatRole = 'system' | 'user' | 'assistant';

/** One message of a conversation, in the subset of OpenAI's format Ballast accepts. */
export interface ChatMessage {
  readonly role: ChatRole;
  readonly content: string;
  readonly name?: string;
}

/** Generation settings passed through to the provider. Unknown values stay undefined. */
export interface GenerationSettings {
  readonly temperature?: number;
  readonly topP?: number;
  readonly maxOutputTokens?: number;
  readonly stop?: readonly string[];
  readonly seed?: number;
  readonly presencePenalty?: number;
  readonly frequencyPenalty?: number;
}

/** Who is asking: every request is attributed to a tenant, a user and a key. */
export interface Caller {
  readonly tenantId: string;
  readonly userId: string;
  readonly keyId: string;
  /** The key's own spending caps in USD (managed keys), besides the configured ones. */
  readonly keyBudgets?: { readonly dailyUsd?: number; readonly monthlyUsd?: number };
}

/** A validated chat request as the workflow receives it. */
export interface ChatRequest {
  readonly requestId: string;
  /** `auto` asks the router to pick a tier; anything else names a configured model or route. */
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly settings: GenerationSettings;
  readonly caller: Caller;
  /** Collections to ground the answer in (the `ballast.retrieval` field or the route's default). */
  readonly retrieval?: RetrievalSettings;
  /** A tier the caller asks for with `x-ballast-tier`; the router honours it when the tier exists. */
  readonly tierHint?: string;
  /** The caller's conversation id (`ballast.conversation_id`): rolling history summaries are kept per conversation. */
  readonly conversationId?: string;
  /** ISO time the API accepted the request. */
  readonly receivedAt: string;
  /** The caller asked for `stream: true`: provider calls stream their text to the API as it arrives (ADR 0012). */
  readonly stream?: boolean;
}

/** Token counts as the provider reported them; undefined when it did not say. */
export interface TokenUsage {
  readonly inputTokens: number | undefined;
  readonly outputTokens: number | undefined;
  readonly cachedInputTokens: number | undefined;
}

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other';

/** One provider target of a route: the unit retries and fallbacks move between. */
export interface RouteTarget {
  readonly provider: string;
  readonly model: string;
  /** Attempts at this target before moving to the next (first try included). */
  readonly maxAttempts: number;
  readonly contextWindow: number;
}

/** The router's decision for one request. */
export interface RoutePlan {
  /** Tier chosen by the classifier, or the model name when the caller named one. */
  readonly route: string;
  readonly reason: string;
  readonly estimatedInputTokens: number;
  readonly targets: readonly RouteTarget[];
  /** The route's default retrieval, used when the request names no collections. */
  readonly retrieval?: RetrievalSettings;
  /** Set when the current message is above the route's limit (see the route's context policy). */
  readonly oversizedInput?: OversizedInputVerdict;
  /** Tokens that can never be cut: system instructions and the current message (history and sources can). */
  readonly requiredTokens?: number;
  /** The route's answer-validation policy (absent: validate in `flag` mode). */
  readonly validation?: ValidationPolicy;
}

export type AttemptOutcome = 'success' | 'error' | 'skipped';

/** One try at one target, as shown in `ballast.route` and `GET /v1/requests/:id`. */
export interface AttemptRecord {
  readonly provider: string;
  readonly model: string;
  /** 1-based attempt number at this target. */
  readonly attempt: number;
  readonly outcome: AttemptOutcome;
  readonly startedAt: string;
  readonly latencyMs: number;
  readonly errorKind?: string;
  readonly statusCode?: number;
  readonly message?: string;
  /** Delay the provider asked for before the next attempt, when it said. */
  readonly retryAfterMs?: number;
}

/** What a successful provider call returns to the workflow. */
export interface ModelCallResult {
  readonly provider: string;
  readonly model: string;
  readonly responseId: string | undefined;
  readonly content: string;
  readonly finishReason: FinishReason;
  readonly usage: TokenUsage;
  readonly costUsd: number;
  /** Set when the answer came from a simulator rather than a real provider. */
  readonly simulated: boolean;
  /** Sources the prompt carried, numbered `[1]`, `[2]`, … */
  readonly citations: readonly Citation[];
  /** The prompt's token budget: what each section used, what was dropped, trimmed or compressed. */
  readonly context?: ContextUsage;
}

/** Final result of a chat workflow. */
export interface ChatResult {
  readonly requestId: string;
  readonly route: string;
  readonly routeReason: string;
  readonly attempts: readonly AttemptRecord[];
  readonly response: ModelCallResult;
  readonly costUsd: number;
  /** Sources given to the model, numbered as in the prompt; empty without retrieval. */
  readonly citations: readonly Citation[];
  /** The prompt's token budget (absent in results recorded before budgeting existed). */
  readonly context?: ContextUsage;
  readonly steps: readonly StepRecord[];
  readonly completedAt: string;
  /** The workflow run that answered (for trace links; absent in results recorded before). */
  readonly workflowRunId?: string;
  /** The answer checked against its sources (grounded answers on routes that validate). */
  readonly validation?: AnswerValidationReport;
}
