import { ApplicationFailure, Context } from '@temporalio/activity';
import { LlmError } from '#libs/llm';
import type { RagDependencies } from './rag-dependencies.js';

export interface EmbedChunksInput {
  readonly tenantId: string;
  readonly collectionId: string;
  readonly documentId: string;
  readonly version: number;
  readonly fromPosition: number;
  readonly limit: number;
}

/**
 * Embeds one batch of a version's chunks and upserts their vectors. Idempotent: vectors are
 * keyed by chunk id, so a retried batch overwrites instead of duplicating.
 */
export function createEmbedChunks(dependencies: RagDependencies) {
  return async function embedChunks(input: EmbedChunksInput): Promise<{ embedded: number }> {
    const collection = await dependencies.collections.get(input.tenantId, input.collectionId);
    if (!collection) throw ApplicationFailure.nonRetryable(`collection ${input.collectionId} no longer exists`, 'unknown-collection');
    const chunks = await dependencies.chunks.listForEmbedding(input.documentId, input.version, input.fromPosition, input.limit);
    if (chunks.length === 0) return { embedded: 0 };
    const model = dependencies.embeddings.get(collection.embeddingModel);
    const space = dependencies.embeddings.spaceFor(collection.embeddingModel, collection.dimensions);
    await dependencies.vectors.ensureSpace({ name: space, dimensions: collection.dimensions });
    const context = Context.current();
    let embeddings: Float32Array[];
    try {
      ({ embeddings } = await model.embed(
        chunks.map((chunk) => chunk.text),
        { abortSignal: context.cancellationSignal },
      ));
    } catch (error) {
      if (LlmError.isInstance(error)) {
        throw ApplicationFailure.create({ type: error.kind, message: error.message, nonRetryable: !error.isRetryable, ...(error.retryAfterMs ? { nextRetryDelay: error.retryAfterMs } : {}) });
      }
      throw error;
    }
    context.heartbeat();
    await dependencies.vectors.upsert(
      space,
      chunks.map((chunk, index) => ({
        id: chunk.id,
        vector: embeddings[index] as Float32Array,
        tenantId: chunk.tenantId,
        collectionId: chunk.collectionId,
        documentId: chunk.documentId,
        documentVersion: chunk.version,
      })),
    );
    const last = chunks[chunks.length - 1];
    await dependencies.documents.setProgress(input.documentId, input.version, { chunksEmbedded: (last?.position ?? 0) + 1 });
    return { embedded: chunks.length };
  };
}
