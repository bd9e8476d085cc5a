import type { OpenAiChatCompletion } from '../chat/to-openai-response.js';
import type { WireCacheHit } from './cache-report.js';

/** Facts of the request a cached answer is served to. */
export interface CacheHitServing {
  readonly requestId: string;
  readonly now: Date;
  readonly report: WireCacheHit;
}

/**
 * A stored completion replayed for a new request: its own id, creation time and request id; no
 * workflow, no attempts, zero usage and zero cost (nothing was called — the tokens and cost the
 * original call billed are in `ballast.cache.saved`). Content, finish reason, model, route name,
 * citations and context report are the original answer's.
 */
export function toCacheHitResponse(stored: OpenAiChatCompletion, serving: CacheHitServing) {
  return {
    ...stored,
    id: `chatcmpl-${serving.requestId}`,
    created: Math.floor(serving.now.getTime() / 1000),
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    ballast: {
      ...stored.ballast,
      request_id: serving.requestId,
      workflow_id: null,
      route: { ...stored.ballast.route, attempts: [] },
      usage: { input_tokens: 0, output_tokens: 0, cached_input_tokens: null },
      cost_usd: 0,
      start_mode: 'cache',
      temporal_ui_url: null,
      cache: serving.report,
    },
  };
}

/** What a stored completion saves each time it is served: its original usage and cost. */
export function savingsOf(stored: OpenAiChatCompletion) {
  return { inputTokens: stored.ballast.usage.input_tokens, outputTokens: stored.ballast.usage.output_tokens, costUsd: stored.ballast.cost_usd };
}
