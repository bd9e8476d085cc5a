import type { ResolvedConfig } from '#libs/config';
import { createLexicalEmbeddingModel, createOpenAiEmbeddingModel, type EmbeddingModel } from '#libs/rag';

/** Built-in embedding models available without configuration. */
export const LEXICAL_EMBEDDING_MODEL = 'lexical-embedding-v1';
const OPENAI_DEFAULTS: Record<string, number> = { 'text-embedding-3-small': 1536, 'text-embedding-3-large': 3072 };

/**
 * Embedding models by the name collections use: the built-in lexical embedder (offline
 * default), OpenAI's text-embedding-3 models through the configured `openai` provider, and
 * any model listed under `embeddings:` in the configuration. One instance per name.
 */
export class EmbeddingRegistry {
  private readonly models = new Map<string, EmbeddingModel>();

  constructor(private readonly config: ResolvedConfig) {}

  get(name: string): EmbeddingModel {
    const existing = this.models.get(name);
    if (existing) return existing;
    const model = this.create(name);
    this.models.set(name, model);
    return model;
  }

  /** Vectors of different models or sizes never share a space. */
  spaceFor(name: string, dimensions: number): string {
    return `${name.replace(/[^A-Za-z0-9_-]/g, '_')}_${dimensions}`;
  }

  /** The model new collections get when they name none. */
  defaultModelName(): string {
    return this.config.documents.defaultEmbeddingModel ?? LEXICAL_EMBEDDING_MODEL;
  }

  names(): string[] {
    const openai = this.config.providers.some((provider) => provider.name === 'openai') ? Object.keys(OPENAI_DEFAULTS) : [];
    return [LEXICAL_EMBEDDING_MODEL, ...openai, ...this.config.embeddings.map((entry) => entry.name)];
  }

  private create(name: string): EmbeddingModel {
    if (name === LEXICAL_EMBEDDING_MODEL) return createLexicalEmbeddingModel();
    const configured = this.config.embeddings.find((entry) => entry.name === name);
    if (configured?.baseURL !== undefined) {
      return createOpenAiEmbeddingModel({
        provider: name,
        modelId: configured.model ?? name,
        apiKey: 'not-needed',
        baseURL: configured.baseURL,
        dimensions: configured.dimensions,
        maxBatchSize: configured.maxBatchSize,
        sendInputType: configured.sendInputType,
        ...(configured.maxInputTokens !== undefined ? { maxInputTokens: configured.maxInputTokens } : {}),
      });
    }
    const providerName = configured?.provider ?? (OPENAI_DEFAULTS[name] ? 'openai' : undefined);
    const provider = this.config.providers.find((candidate) => candidate.name === providerName);
    if (!provider || provider.kind === 'anthropic') {
      throw new Error(`Embedding model '${name}' is not available; choose one of: ${this.names().join(', ')}`);
    }
    return createOpenAiEmbeddingModel({
      provider: provider.name,
      modelId: configured?.model ?? name,
      apiKey: provider.apiKey,
      dimensions: configured?.dimensions ?? (OPENAI_DEFAULTS[name] as number),
      ...(configured ? { maxBatchSize: configured.maxBatchSize, sendInputType: configured.sendInputType } : {}),
      ...(configured?.maxInputTokens !== undefined ? { maxInputTokens: configured.maxInputTokens } : {}),
      ...(provider.baseURL ? { baseURL: provider.baseURL } : {}),
    });
  }
}
