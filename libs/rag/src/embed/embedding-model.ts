/** `neural` models embed meaning; `lexical` ones hash words, so only shared words make texts similar. */
export type EmbeddingModelKind = 'neural' | 'lexical';

/** What the texts are for. Models trained with prefixes (e5: `query:` / `passage:`) embed them differently. */
export type EmbeddingPurpose = 'query' | 'document';

/** Options of one `embed` call. */
export interface EmbedOptions {
  /** Cancels the call; the promise rejects with the signal's reason. */
  readonly abortSignal?: AbortSignal;
  /** Gives up after this long with an LlmError of kind `timeout`; the model's default otherwise. */
  readonly timeoutMs?: number;
  /** Defaults to `document`. Only models that distinguish the two use it. */
  readonly purpose?: EmbeddingPurpose;
}

/** Vectors in input order, and what the provider billed. */
export interface EmbedResult {
  /** One vector of `dimensions` numbers per input text, in input order. */
  readonly embeddings: Float32Array[];
  /** Unknown (`undefined`) when the provider does not say or does not bill tokens. */
  readonly usage: { readonly inputTokens: number | undefined };
}

/**
 * An embedding model, the way a LanguageModel is a chat model: a small spec that adapters fill.
 * Failures are LlmErrors (`rate-limited`, `timeout`, `bad-request` for empty input, …), so the
 * activity that calls it maps them to Temporal retries like any provider call.
 */
export interface EmbeddingModel {
  /** Config name of the provider (`openai`, `local-e5`, `ballast` for the built-in one). */
  readonly provider: string;
  readonly modelId: string;
  /** Length of every vector this model returns. */
  readonly dimensions: number;
  readonly kind: EmbeddingModelKind;
  /** Most texts one `embed` call accepts. */
  readonly maxBatchSize: number;
  /** Most tokens one text may have. */
  readonly maxInputTokens: number;
  /** Most tokens all texts of one call may have together, when the provider limits that. */
  readonly maxBatchTokens?: number;
  embed(texts: readonly string[], options?: EmbedOptions): Promise<EmbedResult>;
}
