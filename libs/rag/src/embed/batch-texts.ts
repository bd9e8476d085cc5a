import type { EmbeddingModel } from './embedding-model.js';

/** The limits `batchTexts` respects. */
export type EmbeddingBatchLimits = Pick<EmbeddingModel, 'modelId' | 'maxBatchSize' | 'maxInputTokens' | 'maxBatchTokens'>;

/**
 * A cautious token count when the real one is not at hand: about three characters per token,
 * where English averages four, so limits derived from it hold for most text.
 */
export function estimateEmbeddingTokens(text: string): number {
  return Math.ceil(text.length / 3);
}

/**
 * Splits texts, in order, into batches that one `embed` call accepts: at most `maxBatchSize`
 * texts and at most `maxBatchTokens` tokens per batch. A text over `maxInputTokens` is refused
 * with a RangeError (chunks are cut well below every model's limit, so it means a bug upstream).
 * Pass the real counts (chunks carry `tokenCount`) when you have them.
 */
export function batchTexts(
  texts: readonly string[],
  model: EmbeddingBatchLimits,
  countTokens: (text: string, index: number) => number = estimateEmbeddingTokens,
): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let batchTokens = 0;
  const maxBatchTokens = model.maxBatchTokens ?? Number.POSITIVE_INFINITY;
  texts.forEach((text, index) => {
    const tokens = countTokens(text, index);
    if (tokens > model.maxInputTokens) {
      throw new RangeError(`text ${index} has ${tokens} tokens; ${model.modelId} takes at most ${model.maxInputTokens} per text`);
    }
    if (batch.length > 0 && (batch.length === model.maxBatchSize || batchTokens + tokens > maxBatchTokens)) {
      batches.push(batch);
      batch = [];
      batchTokens = 0;
    }
    batch.push(text);
    batchTokens += tokens;
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
}
