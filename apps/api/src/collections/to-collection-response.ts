import type { CollectionInfo } from '#libs/contracts';

export function toCollectionResponse(collection: CollectionInfo) {
  return {
    id: collection.id,
    object: 'collection' as const,
    name: collection.name,
    embedding_model: collection.embeddingModel,
    dimensions: collection.dimensions,
    chunking: {
      target_tokens: collection.chunking.targetTokens,
      max_tokens: collection.chunking.maxTokens,
      overlap_tokens: collection.chunking.overlapTokens,
    },
    created_at: collection.createdAt,
  };
}
