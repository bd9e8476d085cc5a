import { LlmError } from '#libs/llm';
import type { EmbeddingModel } from './embedding-model.js';

/**
 * Refuses input no provider accepts, before any request: no texts, an empty text, or more texts
 * than one call may carry. These are caller bugs, so the error is a non-retryable `bad-request`.
 */
export function checkEmbeddingInput(texts: readonly string[], model: Pick<EmbeddingModel, 'provider' | 'modelId' | 'maxBatchSize'>): void {
  const refuse = (message: string): never => {
    throw new LlmError({ kind: 'bad-request', message, provider: model.provider, modelId: model.modelId });
  };
  if (texts.length === 0) refuse('nothing to embed: the input has no texts');
  if (texts.length > model.maxBatchSize) refuse(`${texts.length} texts in one call; ${model.modelId} takes at most ${model.maxBatchSize} (use batchTexts)`);
  const empty = texts.findIndex((text) => text.trim() === '');
  if (empty !== -1) refuse(`text ${empty} of ${texts.length} is empty; embedding models reject empty input`);
}
