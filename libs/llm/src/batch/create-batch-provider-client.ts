import { createAnthropicBatchClient } from './anthropic-batch-client.js';
import type { BatchClientTuning, BatchProviderClient, BatchProviderConfig } from './batch-provider.js';
import { createOpenAiBatchClient } from './openai-batch-client.js';

/**
 * The batch client of a configured provider, or undefined when its kind has no batch API
 * (`openai-compatible`: vLLM, Ollama and the like), so its lines run queued. Clients share the
 * SDK clients of the chat adapters, one per (baseURL, apiKey).
 */
export function createBatchProviderClient(config: BatchProviderConfig, tuning: BatchClientTuning = {}): BatchProviderClient | undefined {
  const common = {
    ...tuning,
    provider: config.name,
    apiKey: config.apiKey,
    ...(config.baseURL === undefined ? {} : { baseURL: config.baseURL }),
    ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
  };
  switch (config.kind) {
    case 'openai':
      return createOpenAiBatchClient(common);
    case 'anthropic':
      return createAnthropicBatchClient(common);
    case 'openai-compatible':
      return undefined;
  }
}
