import type { ChatMessage, FinishReason, GenerationSettings, TokenUsage } from '#libs/contracts';

/** Options of one generation call. */
export interface GenerateOptions {
  readonly messages: readonly ChatMessage[];
  readonly settings: GenerationSettings;
  /** Sent to providers that support idempotent requests; always logged with the call. */
  readonly idempotencyKey?: string;
  readonly abortSignal?: AbortSignal;
  /** Per-call timeout; the adapter turns an expiry into a `timeout` LlmError. */
  readonly timeoutMs?: number;
}

/** A setting the provider does not support: reported, never thrown. */
export interface LanguageModelWarning {
  readonly type: 'unsupported-setting' | 'other';
  readonly setting?: string;
  readonly message: string;
}

/** What a provider answered, translated to Ballast's terms. */
export interface GenerateResult {
  readonly content: string;
  readonly finishReason: { readonly unified: FinishReason; readonly raw: string | undefined };
  readonly usage: TokenUsage;
  readonly warnings: readonly LanguageModelWarning[];
  readonly response: {
    readonly id: string | undefined;
    readonly modelId: string;
    /** The provider's request id header (`x-request-id` / `request-id`), for support tickets. */
    readonly requestId: string | undefined;
    /** True when the provider said it is a simulator (header `x-ballast-simulated`). */
    readonly simulated: boolean;
  };
}

/**
 * One part of a streamed answer: text as it arrives, then exactly one `finish` carrying what
 * `generate` would have returned (the whole text, exact usage, finish reason). A stream that
 * breaks before `finish` throws a retryable LlmError; it never just ends.
 */
export type LanguageModelStreamPart =
  | { readonly type: 'text-delta'; readonly text: string }
  | { readonly type: 'finish'; readonly result: GenerateResult };

/** The provider spec every adapter implements. */
export interface LanguageModel {
  readonly provider: string;
  readonly modelId: string;
  generate(options: GenerateOptions): Promise<GenerateResult>;
  /** The same call, streamed; adapters without it are called with `generate` (one delta at the end). */
  stream?(options: GenerateOptions): AsyncIterable<LanguageModelStreamPart>;
}
