import type { TokenUsage } from '#libs/contracts';
import type { OpenAiUsage } from './openai-response-schema.js';

/** OpenAI usage in Ballast's terms. A count the server did not report stays undefined, never 0. */
export function convertOpenAiUsage(usage: OpenAiUsage): TokenUsage {
  return {
    inputTokens: usage?.prompt_tokens ?? undefined,
    outputTokens: usage?.completion_tokens ?? undefined,
    cachedInputTokens: usage?.prompt_tokens_details?.cached_tokens ?? undefined,
  };
}
