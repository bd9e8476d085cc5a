/**
 * A line's state: `invalid` (rejected at validation, never runs), `pending` (to run),
 * `submitted` (in a provider job or a queued run), then `succeeded`, `failed` or `cancelled`.
 */
export type BatchLineStatus = 'invalid' | 'pending' | 'submitted' | 'succeeded' | 'failed' | 'cancelled';

export const BATCH_LINE_STATUSES: readonly BatchLineStatus[] = ['invalid', 'pending', 'submitted', 'succeeded', 'failed', 'cancelled'];

/** Statuses with an entry in the results file (pending and submitted lines are left out). */
export const FINAL_BATCH_LINE_STATUSES: readonly BatchLineStatus[] = ['invalid', 'succeeded', 'failed', 'cancelled'];

/** Why a line failed, was rejected or was cancelled (the results file's `error`). */
export interface BatchLineError {
  readonly code: string;
  readonly message: string;
}

/** A line as `create` stores it: a valid request (`pending`) or a rejected one (`invalid`). */
export type NewBatchLine =
  | {
      /** 0-based position in the input; unique per batch. */
      readonly lineIndex: number;
      /** Unique among the batch's valid lines. */
      readonly customId: string;
      readonly status: 'pending';
      /** The validated chat request, stored as JSON. */
      readonly request: unknown;
      /** Target, when known at creation. */
      readonly provider?: string;
      readonly model?: string;
    }
  | {
      readonly lineIndex: number;
      /** Null when the line had none (or was not JSON); may repeat a valid line's id. */
      readonly customId: string | null;
      readonly status: 'invalid';
      readonly error: BatchLineError;
    };

/** A stored line. */
export interface BatchLineRecord {
  readonly batchId: string;
  readonly lineIndex: number;
  readonly customId: string | null;
  readonly status: BatchLineStatus;
  /** The validated chat request; null for an invalid line. */
  readonly request: unknown;
  /** The chat.completion body of a succeeded line, else null. */
  readonly response: unknown;
  readonly error: BatchLineError | null;
  /** For a failed line: whether running it again may succeed. */
  readonly retryable: boolean;
  readonly provider: string | null;
  readonly model: string | null;
  /** Round of the last submission or outcome (0 before the first); a provider job is per round. */
  readonly round: number;
  /** How many times the line was submitted. */
  readonly attempts: number;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly cachedTokens: number | null;
  /** What the line's outcome cost, in nano-dollars; null before an outcome. */
  readonly costNanoUsd: number | null;
  /** Whether the line's ledger reservation was settled or released (`markSettled`). */
  readonly settled: boolean;
  readonly updatedAt: string;
}

/** Which line an outcome is for: by position or by the caller's custom id. */
export type BatchLineRef = { readonly lineIndex: number; readonly customId?: never } | { readonly customId: string; readonly lineIndex?: never };

/** Fields of every outcome. */
interface OutcomeBase {
  /** The round that produced the outcome: a failed line is only changed by a later round's outcome. */
  readonly round: number;
  /** Who answered, when it differs from what the line holds (e.g. a queued run's fallback). */
  readonly provider?: string;
  readonly model?: string;
}

/** A line's answer. */
export type BatchLineSucceeded = BatchLineRef &
  OutcomeBase & {
    readonly outcome: 'succeeded';
    /** The chat.completion body, stored as JSON. */
    readonly response: unknown;
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly cachedTokens?: number;
    readonly costNanoUsd: number;
  };

/** A line's failure. */
export type BatchLineFailed = BatchLineRef &
  OutcomeBase & {
    readonly outcome: 'failed';
    readonly code: string;
    readonly message: string;
    readonly retryable: boolean;
    /** What the failed attempt still cost (tokens spent before a failure), if anything. */
    readonly costNanoUsd?: number;
  };

/** What `recordOutcomes` records for one line. */
export type BatchLineOutcome = BatchLineSucceeded | BatchLineFailed;

/** One entry of the results file, in input order. */
export interface BatchResultLine {
  readonly lineIndex: number;
  readonly customId: string | null;
  readonly status: 'invalid' | 'succeeded' | 'failed' | 'cancelled';
  /** The chat.completion body (succeeded lines), else null. */
  readonly response: unknown;
  /** Null for succeeded lines. */
  readonly error: BatchLineError | null;
}

/** Options of `lines`: a keyset page by line index. */
export interface BatchLinesQuery {
  /** Only lines in these statuses (default all). */
  readonly statuses?: readonly BatchLineStatus[];
  /** Only lines after this index (exclusive); absent for the first page. */
  readonly afterIndex?: number;
  /** Only lines whose reservation is (true) or is not (false) settled. */
  readonly settled?: boolean;
  /** Only lines last submitted (or answered) in this round, to this provider, model. */
  readonly round?: number;
  readonly provider?: string;
  readonly model?: string;
  /** At most this many lines (1–10,000). */
  readonly limit: number;
}

/** Options of `results`: a keyset page by line index. */
export interface BatchResultsQuery {
  readonly afterIndex?: number;
  /** At most this many lines (1–10,000). */
  readonly limit: number;
}

/** Where `markSubmitted` sends the lines. */
export interface BatchSubmission {
  readonly round: number;
  readonly provider: string;
  readonly model: string;
}

/** A line `markCancelled` cancelled, with what it was before (a submitted line may still be charged). */
export interface CancelledBatchLine {
  readonly lineIndex: number;
  readonly previousStatus: 'pending' | 'submitted';
  readonly round: number;
}
