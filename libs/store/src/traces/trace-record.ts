import type { ChatMessage } from '#libs/contracts';

/** How a request ended: an answer, a cache hit, a failure, or a refusal (budget, size). */
export type TraceStatus = 'ok' | 'error' | 'cache-hit' | 'rejected' | 'cancelled';

export const TRACE_STATUSES: readonly TraceStatus[] = ['ok', 'error', 'cache-hit', 'rejected', 'cancelled'];

/** How much of the prompt and answer a trace keeps (per tenant): see the redaction policy. */
export type TraceContentMode = 'full' | 'redacted' | 'hashes' | 'none';

/** One provider attempt of a traced request. */
export interface TraceAttempt {
  readonly provider: string;
  readonly model: string;
  readonly attempt: number;
  readonly outcome: 'success' | 'error' | 'skipped';
  readonly latencyMs: number;
  readonly errorKind?: string;
  readonly statusCode?: number;
  readonly message?: string;
}

/** A prompt template the caller named, so the weekly review can rank templates. */
export interface PromptTemplateRef {
  readonly id: string;
  readonly version: string;
}

/** Everything recorded about one chat request. */
export interface TraceRecord {
  /** The request id (`req_…`). */
  readonly id: string;
  /** When the request arrived. */
  readonly createdAt: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly keyId: string;
  readonly route: string;
  /** The `model` the caller asked for (a route name or `auto`). */
  readonly requestedModel: string;
  /** Who answered; `cache` for a cache hit; absent when nobody did. */
  readonly provider?: string;
  readonly model?: string;
  readonly status: TraceStatus;
  /** The failure's code or the last attempt's error kind. */
  readonly errorType?: string;
  readonly httpStatus: number;
  readonly latencyMs: number;
  /** Time to the first answer token (streamed requests; a whole answer's latency otherwise). */
  readonly ttftMs?: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cachedTokens: number;
  readonly costUsd: number;
  /** `miss`, `hit-exact`, `hit-semantic`, `bypass`, `off`, … */
  readonly cacheStatus: string;
  /** Attempts beyond the first on the same target. */
  readonly retries: number;
  /** Targets tried after the first. */
  readonly fallbacks: number;
  /** 0–1 once answer validation scored it. */
  readonly groundedness?: number;
  readonly workflowId?: string;
  readonly runId?: string;
  readonly promptTemplate?: PromptTemplateRef;
  readonly contentMode: TraceContentMode;
  /** Null when the content mode keeps no text. */
  readonly prompt: readonly ChatMessage[] | null;
  readonly response: string | null;
  /** `sha256:<hex>` of the prompt messages (JSON) and of the answer, whatever the content mode. */
  readonly promptHash: string;
  readonly responseHash: string;
  readonly attempts: readonly TraceAttempt[];
  /** Redactions applied, by kind (`email`: 2). */
  readonly redactions: Readonly<Record<string, number>>;
}

/** A trace as lists show it: everything but the prompt, the answer, the attempts and the redaction counts. */
export type TraceSummaryRecord = Omit<TraceRecord, 'prompt' | 'response' | 'attempts' | 'redactions'>;
