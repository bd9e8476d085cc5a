import type { TokenUsage } from '#libs/contracts';
import type { AnthropicUsage } from './anthropic-response-schema.js';

/**
 * Anthropic usage in Ballast's terms. Anthropic's `input_tokens` excludes cached tokens,
 * so the prompt's size is input + cache reads + cache writes; cache reads are reported
 * again as `cachedInputTokens` because they are billed at the cached price.
 */
export function convertAnthropicUsage(usage: AnthropicUsage): TokenUsage {
  const uncached = usage?.input_tokens ?? undefined;
  const cacheRead = usage?.cache_read_input_tokens ?? undefined;
  const cacheCreation = usage?.cache_creation_input_tokens ?? undefined;
  return {
    inputTokens: uncached === undefined ? undefined : uncached + (cacheRead ?? 0) + (cacheCreation ?? 0),
    outputTokens: usage?.output_tokens ?? undefined,
    cachedInputTokens: cacheRead,
  };
}
