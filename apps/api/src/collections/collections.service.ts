import { Injectable } from '@nestjs/common';
import type { Caller, CollectionInfo } from '#libs/contracts';
import { ConflictError, InvalidCursorError } from '#libs/store';
import { AppSettings } from '../app-settings.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import type { CreateCollectionBody } from './collection.dto.js';
import { toCollectionResponse } from './to-collection-response.js';

/** Collections: a tenant's named sets of documents, each embedded with one model. */
@Injectable()
export class CollectionsService {
  constructor(
    private readonly settings: AppSettings,
    private readonly rag: RagRuntimeRef,
  ) {}

  async create(body: CreateCollectionBody, caller: Caller) {
    const { documents } = this.settings.config;
    const modelName = body.embedding_model ?? this.rag.runtime.embeddings.defaultModelName();
    let model;
    try {
      model = this.rag.runtime.embeddings.get(modelName);
    } catch (error) {
      throw new ProblemError(problem('unknown-embedding-model', 400, 'Unknown Embedding Model', (error as Error).message, { embedding_model: modelName }));
    }
    // Defaults shrink to fit models with short inputs (e5 reads ~400 tokens); explicit sizes must fit.
    const modelLimit = model.maxInputTokens;
    const defaultMax = Math.min(documents.defaultChunking.maxTokens, modelLimit);
    const defaultTarget = Math.min(documents.defaultChunking.targetTokens, Math.floor(defaultMax * 0.8));
    const chunking = {
      targetTokens: body.chunking?.target_tokens ?? defaultTarget,
      maxTokens: body.chunking?.max_tokens ?? Math.min(modelLimit, Math.max(defaultMax, body.chunking?.target_tokens ?? 0)),
      overlapTokens: body.chunking?.overlap_tokens ?? Math.min(documents.defaultChunking.overlapTokens, Math.floor(defaultTarget / 8)),
    };
    if (chunking.maxTokens > modelLimit || chunking.targetTokens > modelLimit) {
      throw new ProblemError(
        problem(
          'chunks-exceed-model-input',
          400,
          'Chunks Exceed Model Input',
          `Chunks of up to ${Math.max(chunking.maxTokens, chunking.targetTokens)} tokens cannot be embedded by '${modelName}', which reads at most ${modelLimit} tokens; lower chunking.max_tokens and chunking.target_tokens.`,
          { embedding_model: modelName, max_input_tokens: modelLimit },
        ),
      );
    }
    try {
      const collection = await this.rag.runtime.collections.create({ tenantId: caller.tenantId, name: body.name, embeddingModel: modelName, dimensions: model.dimensions, chunking });
      return toCollectionResponse(collection);
    } catch (error) {
      if (ConflictError.isInstance(error)) throw new ProblemError(problem('collection-exists', 409, 'Collection Exists', `A collection named '${body.name}' already exists for this tenant.`));
      throw error;
    }
  }

  async get(idOrName: string, caller: Caller): Promise<CollectionInfo> {
    const collection = await this.rag.runtime.collections.resolve(caller.tenantId, idOrName);
    if (!collection) throw new ProblemError(problem('collection-not-found', 404, 'Collection Not Found', `No collection '${idOrName}' for this API key's tenant.`));
    return collection;
  }

  async list(caller: Caller, page: { limit?: number | undefined; cursor?: string | undefined }) {
    try {
      const result = await this.rag.runtime.collections.list(caller.tenantId, page);
      return { object: 'list' as const, data: result.items.map(toCollectionResponse), next_cursor: result.nextCursor ?? null };
    } catch (error) {
      if (InvalidCursorError.isInstance(error)) throw new ProblemError(problem('invalid-cursor', 400, 'Invalid Cursor', 'The cursor is not one this API returned; start again without it.'));
      throw error;
    }
  }
}
