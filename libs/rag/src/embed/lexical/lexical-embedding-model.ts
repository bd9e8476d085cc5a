import type { EmbeddingModel, EmbedOptions, EmbedResult } from '../embedding-model.js';
import { checkEmbeddingInput } from '../check-embedding-input.js';
import { lexicalEmbedding } from './lexical-embedding.js';

/** Model id of the built-in embedder; the `-v1` changes whenever its vectors would. */
export const LEXICAL_EMBEDDING_MODEL_ID = 'lexical-embedding-v1';
export const LEXICAL_EMBEDDING_DIMENSIONS = 384;
/** Provider name of models built into Ballast. */
export const BUILT_IN_PROVIDER = 'ballast';

/** Options of the built-in lexical embedder. */
export interface LexicalEmbeddingModelOptions {
  /** Default 384. A collection keeps the dimensions it was created with. */
  readonly dimensions?: number;
}

/**
 * The offline default: `lexical-embedding-v1`, labelled `kind: 'lexical'` so responses and docs
 * can say that retrieval matches words, not meaning. Runs in-process, needs nothing installed,
 * and gives the same vector for the same text on every machine. Batches are capped at 256 texts
 * so one call blocks the event loop for tens of milliseconds at most (heartbeats keep flowing).
 */
export function createLexicalEmbeddingModel(options: LexicalEmbeddingModelOptions = {}): EmbeddingModel {
  const dimensions = options.dimensions ?? LEXICAL_EMBEDDING_DIMENSIONS;
  if (!Number.isInteger(dimensions) || dimensions < 8 || dimensions > 4096) {
    throw new RangeError(`lexical embedding dimensions ${dimensions} must be an integer between 8 and 4096`);
  }
  const model: EmbeddingModel = {
    provider: BUILT_IN_PROVIDER,
    modelId: LEXICAL_EMBEDDING_MODEL_ID,
    dimensions,
    kind: 'lexical',
    maxBatchSize: 256,
    maxInputTokens: 8192,
    async embed(texts: readonly string[], callOptions: EmbedOptions = {}): Promise<EmbedResult> {
      callOptions.abortSignal?.throwIfAborted();
      checkEmbeddingInput(texts, model);
      return { embeddings: texts.map((text) => lexicalEmbedding(text, dimensions)), usage: { inputTokens: undefined } };
    },
  };
  return model;
}
