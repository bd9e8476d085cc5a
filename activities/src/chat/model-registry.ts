import { createLanguageModel, type LanguageModel } from '#libs/llm';

/** A provider as the registry needs it (a subset of the resolved configuration). */
export interface RegistryProvider {
  readonly name: string;
  readonly kind: 'openai' | 'anthropic' | 'openai-compatible';
  readonly apiKey: string;
  readonly baseURL?: string;
  readonly timeoutMs: number;
}

/** One LanguageModel per provider and model, created on first use and reused (SDK clients pool connections). */
export class ModelRegistry {
  private readonly models = new Map<string, LanguageModel>();
  private readonly providers: ReadonlyMap<string, RegistryProvider>;

  constructor(providers: readonly RegistryProvider[]) {
    this.providers = new Map(providers.map((provider) => [provider.name, provider]));
  }

  get(providerName: string, modelId: string): LanguageModel {
    const key = `${providerName}\u0000${modelId}`;
    const existing = this.models.get(key);
    if (existing) return existing;
    const provider = this.providers.get(providerName);
    if (!provider) throw new Error(`Provider '${providerName}' is not configured; configured: ${[...this.providers.keys()].join(', ')}`);
    const model = createLanguageModel({
      kind: provider.kind,
      provider: provider.name,
      modelId,
      apiKey: provider.apiKey,
      timeoutMs: provider.timeoutMs,
      ...(provider.baseURL ? { baseURL: provider.baseURL } : {}),
    });
    this.models.set(key, model);
    return model;
  }

  /** What telemetry may say about a provider: its name, protocol and endpoint, never its key. */
  describe(providerName: string): { readonly name: string; readonly kind: RegistryProvider['kind']; readonly baseURL?: string } {
    const provider = this.providers.get(providerName);
    if (!provider) throw new Error(`Provider '${providerName}' is not configured`);
    return { name: provider.name, kind: provider.kind, ...(provider.baseURL ? { baseURL: provider.baseURL } : {}) };
  }
}
