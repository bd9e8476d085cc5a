import type { ChatMessage, FinishReason, GenerationSettings, LlmErrorKind, TokenUsage } from '#libs/contracts';

/** Metadata key carrying the job key on provider batches that have metadata (OpenAI). */
export const BATCH_JOB_METADATA_KEY = 'ballast_job';

/** One request of a provider batch, in Ballast's terms. */
export interface BatchSubmitLine {
  /** Unique within the job; comes back on the line's outcome. */
  readonly customId: string;
  readonly messages: readonly ChatMessage[];
  readonly settings: GenerationSettings;
}

/** What {@link BatchProviderClient.submit} sends: one provider batch for one model. */
export interface BatchSubmitInput {
  /** Identifies the job across retries: a retried submit with the same key finds the batch it created. */
  readonly jobKey: string;
  readonly model: string;
  readonly lines: readonly BatchSubmitLine[];
}

export interface BatchSubmitResult {
  readonly providerBatchId: string;
  /** The uploaded input file (OpenAI); absent where the requests travel inline (Anthropic). */
  readonly inputFileId?: string;
}

/** A provider batch's status in OpenAI's vocabulary (`validating` reads as `in_progress`). */
export type BatchJobStatus = 'in_progress' | 'finalizing' | 'completed' | 'failed' | 'cancelling' | 'cancelled' | 'expired';

export interface BatchPollResult {
  readonly status: BatchJobStatus;
  /** `completed` = lines answered, `failed` = lines that ran and failed; lines cancelled or expired are in neither. */
  readonly counts: { readonly total: number; readonly completed: number; readonly failed: number };
}

/** What became of one line that the provider ran. */
export type BatchLineOutcome =
  | {
      readonly customId: string;
      readonly outcome: 'succeeded';
      readonly content: string;
      readonly finishReason: FinishReason;
      readonly usage: TokenUsage;
      readonly modelId: string;
      readonly responseId: string;
    }
  | { readonly customId: string; readonly outcome: 'failed'; readonly errorKind: LlmErrorKind; readonly message: string };

/**
 * A provider's own batch API (docs/batches.md). Every method throws an `LlmError` for provider
 * failures (HTTP errors, timeouts, connection problems), classified like a chat call's.
 */
export interface BatchProviderClient {
  /** Config name of the provider. */
  readonly provider: string;
  /** Creates the provider batch, or returns the one a previous attempt with the same `jobKey` created. */
  submit(input: BatchSubmitInput): Promise<BatchSubmitResult>;
  poll(providerBatchId: string): Promise<BatchPollResult>;
  /**
   * Streams one outcome per line that ran, each custom_id at most once, once the batch has ended
   * (`completed`, `cancelled`, `expired`). Lines the provider never ran (cancelled or expired
   * before their turn) are left out: they are still to be done.
   */
  results(providerBatchId: string): AsyncIterable<BatchLineOutcome>;
  /** Asks the provider to cancel; a batch that has already ended is left as it is. */
  cancel(providerBatchId: string): Promise<void>;
}

/** A configured provider, as `libs/config` resolves it (a structural subset). */
export interface BatchProviderConfig {
  /** Config name, e.g. `openai`. */
  readonly name: string;
  readonly kind: 'openai' | 'anthropic' | 'openai-compatible';
  readonly apiKey: string;
  /** OpenAI: including `/v1`; Anthropic: without. Public endpoints when absent. */
  readonly baseURL?: string;
  /** Timeout of each control call (create, retrieve, list, cancel); default 60 s. */
  readonly timeoutMs?: number;
}

/** Tuning shared by both batch clients; the defaults suit production. */
export interface BatchClientTuning {
  /** How far back a retried submit looks for the batch it may have created; default 24 h. */
  readonly lookbackMs?: number;
  /** Timeout of file uploads, downloads and batch creation with inline requests; default 10 min. */
  readonly transferTimeoutMs?: number;
}

export const DEFAULT_BATCH_CONTROL_TIMEOUT_MS = 60_000;
export const DEFAULT_BATCH_TRANSFER_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_BATCH_LOOKBACK_MS = 24 * 60 * 60_000;
/** At most this many recent batches are looked through for a retried submit's batch. */
export const MAX_BATCHES_SCANNED = 1000;
