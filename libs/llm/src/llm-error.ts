import { LLM_ERROR_POLICIES, type LlmErrorKind } from '#libs/contracts';

const MARKER = Symbol.for('ballast.llm-error');

/** Facts of a provider failure; adapters fill what they know. */
export interface LlmErrorFacts {
  readonly kind: LlmErrorKind;
  readonly message: string;
  readonly provider: string;
  readonly modelId: string;
  readonly statusCode?: number;
  readonly requestId?: string;
  readonly responseBody?: string;
  /** Delay the provider asked for (Retry-After / retry-after-ms), in milliseconds. */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/** A provider failure in Ballast's taxonomy. Checked with `LlmError.isInstance`, not instanceof. */
export class LlmError extends Error {
  readonly [MARKER] = true;
  readonly kind: LlmErrorKind;
  readonly provider: string;
  readonly modelId: string;
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;
  readonly responseBody: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(facts: LlmErrorFacts) {
    super(facts.message, { cause: facts.cause });
    this.name = 'LlmError';
    this.kind = facts.kind;
    this.provider = facts.provider;
    this.modelId = facts.modelId;
    this.statusCode = facts.statusCode;
    this.requestId = facts.requestId;
    this.responseBody = facts.responseBody;
    this.retryAfterMs = facts.retryAfterMs;
  }

  get isRetryable(): boolean {
    return LLM_ERROR_POLICIES[this.kind].retryable;
  }

  get fallbackApplies(): boolean {
    return LLM_ERROR_POLICIES[this.kind].fallback;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is LlmError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
