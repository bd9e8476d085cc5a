import { createAnthropicModel } from './anthropic/create-anthropic-model.js';
import type { LanguageModel } from './language-model.js';
import { createOpenAiModel } from './openai/create-openai-model.js';

/** Which wire protocol a provider speaks. */
export type LanguageModelKind = 'openai' | 'anthropic' | 'openai-compatible';

/** One model of one configured provider, as `libs/config` describes it. */
export interface LanguageModelSpec {
  readonly kind: LanguageModelKind;
  /** Config name of the provider, e.g. `openai` or `local-vllm`. */
  readonly provider: string;
  readonly modelId: string;
  readonly apiKey: string;
  /** Required for `openai-compatible`; the public endpoint otherwise. */
  readonly baseURL?: string;
  /** Default per-call timeout; a call's own `timeoutMs` wins. */
  readonly timeoutMs?: number;
}

/** The adapter for a configured provider. Clients are shared per (baseURL, apiKey). */
export function createLanguageModel(spec: LanguageModelSpec): LanguageModel {
  const common = {
    provider: spec.provider,
    modelId: spec.modelId,
    apiKey: spec.apiKey,
    ...(spec.baseURL === undefined ? {} : { baseURL: spec.baseURL }),
    ...(spec.timeoutMs === undefined ? {} : { defaultTimeoutMs: spec.timeoutMs }),
  };
  switch (spec.kind) {
    case 'anthropic':
      return createAnthropicModel(common);
    case 'openai':
      return createOpenAiModel(common);
    case 'openai-compatible':
      // Without a baseURL the call would silently go to api.openai.com with a local key.
      if (spec.baseURL === undefined) {
        throw new Error(`provider ${spec.provider} is openai-compatible and needs a baseURL`);
      }
      return createOpenAiModel(common);
  }
}
