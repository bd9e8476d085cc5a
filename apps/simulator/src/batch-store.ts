import type { BatchRun } from './batch-run.js';

/** An uploaded or generated file (OpenAI Files API). */
export interface StoredFile {
  readonly id: string;
  readonly filename: string;
  readonly purpose: string;
  readonly createdAt: number;
  readonly content: Buffer;
}

/** A validation problem of an OpenAI batch input file, in the shape of `batch.errors.data`. */
export interface OpenAiBatchError {
  readonly code: string;
  readonly message: string;
  readonly param: string | null;
  readonly line: number | null;
}

/** An OpenAI batch: its run plus what the Batch object reports. */
export interface OpenAiBatchRecord {
  readonly id: string;
  readonly run: BatchRun;
  readonly inputFileId: string;
  readonly endpoint: string;
  readonly completionWindow: string;
  readonly metadata: Record<string, string> | null;
  readonly model: string | undefined;
  readonly errors: readonly OpenAiBatchError[];
  /** Rendered output/error lines, built once so ids and timestamps stay stable across downloads. */
  outputFileId?: string | null;
  errorFileId?: string | null;
}

/** An Anthropic message batch: its run plus the rendered results once it ended. */
export interface AnthropicBatchRecord {
  readonly id: string;
  readonly run: BatchRun;
  /** The JSONL results, built once when first asked for after the batch ended. */
  results?: string;
}

/**
 * Files and batches of both providers, in memory for the simulator's lifetime, so a client may
 * restart (or a Temporal worker be replaced) and find its batches where the wall clock put them.
 * Maps keep insertion order, which is creation order.
 */
export class BatchStore {
  readonly files = new Map<string, StoredFile>();
  readonly openAi = new Map<string, OpenAiBatchRecord>();
  readonly anthropic = new Map<string, AnthropicBatchRecord>();

  /** Forgets every file and batch. */
  reset(): void {
    this.files.clear();
    this.openAi.clear();
    this.anthropic.clear();
  }
}
