import type { ChatMessage } from '#libs/contracts';
import { loadTokenizer, type Tokenizer } from '#libs/rag';
import { ESTIMATE_SAFETY_MARGIN, estimateTokens } from './estimate-tokens.js';
import { encodingForFamily, resolveModelFamily, type ModelFamily } from './model-family.js';
import { DEFAULT_TOKEN_COUNT_CACHE_SIZE, TokenCountCache } from './token-count-cache.js';

/** Counts the tokens a model will bill for text and chat messages. */
export interface TokenCounter {
  readonly family: ModelFamily;
  /** True when counts come from the model's own tokenizer; false for a calibrated over-estimate. */
  readonly exact: boolean;
  /** Tokens of a piece of text. */
  count(text: string): number;
  /** Tokens of one message in a chat request: its content and name plus the per-message framing. */
  countMessage(message: ChatMessage): number;
  /** Tokens of a whole chat request's messages, including the framing that primes the reply. */
  countMessages(messages: readonly ChatMessage[]): number;
}

/**
 * Chat framing, as OpenAI documents it for its chat models (the "counting tokens" cookbook):
 * each message costs 3 tokens on top of its content (role and separators), a `name` 1 more,
 * and every reply is primed with 3. Estimated families use the same figures; their margin
 * already over-counts.
 */
export const MESSAGE_OVERHEAD_TOKENS = 3;
export const NAME_OVERHEAD_TOKENS = 1;
export const REPLY_PRIMING_TOKENS = 3;

/** Options shared by every counter. */
export interface TokenCounterOptions {
  /** Texts whose counts are remembered (least recently used first out); 0 turns the cache off. */
  readonly cacheSize?: number;
}

/**
 * A counter from a function that counts text. The count of every text of 24 characters or more
 * is cached by hash, so a process that sees the same chunks and prompts again counts them once.
 */
export function createTokenCounterFrom(
  family: ModelFamily,
  exact: boolean,
  countText: (text: string) => number,
  options: TokenCounterOptions = {},
): TokenCounter {
  const cache = new TokenCountCache(options.cacheSize ?? DEFAULT_TOKEN_COUNT_CACHE_SIZE);
  const count = (text: string): number => (text === '' ? 0 : cache.getOrCompute(text, countText));
  const countMessage = (message: ChatMessage): number =>
    MESSAGE_OVERHEAD_TOKENS + count(message.content) + (message.name === undefined ? 0 : NAME_OVERHEAD_TOKENS + count(message.name));
  return {
    family,
    exact,
    count,
    countMessage,
    countMessages: (messages) => messages.reduce((total, message) => total + countMessage(message), REPLY_PRIMING_TOKENS),
  };
}

/** An exact counter over a loaded BPE tokenizer (cl100k_base or o200k_base). */
export function createTokenizerCounter(tokenizer: Tokenizer, options: TokenCounterOptions = {}): TokenCounter {
  const family: ModelFamily = tokenizer.encoding === 'o200k_base' ? 'openai-o200k' : 'openai-cl100k';
  return createTokenCounterFrom(family, true, (text) => tokenizer.countTokens(text), options);
}

/**
 * A counter that never loads a tokenizer: the calibrated estimate times `ESTIMATE_SAFETY_MARGIN`,
 * so it over-counts GPT tokenizers on every calibration sample. Anthropic does not publish its
 * tokenizer; published comparisons put Claude at roughly 15–30% more tokens than GPT-4o for the
 * same English text and code, which the margin on top of the raw estimate (1.14× on English
 * prose, 1.43× with the margin) covers. Not checked against Anthropic's count-tokens endpoint.
 */
export function createEstimatingCounter(family: ModelFamily = 'other', options: TokenCounterOptions = {}): TokenCounter {
  return createTokenCounterFrom(family, false, (text) => Math.ceil(estimateTokens(text) * ESTIMATE_SAFETY_MARGIN), options);
}

const shared = new Map<ModelFamily, Promise<TokenCounter>>();

/**
 * The counter for a model id (`gpt-4o`, `claude-sonnet-4-5`, `openai/gpt-4.1`, …) or a family
 * name. OpenAI models are counted exactly (o200k_base for gpt-4o, 4.1, 5 and the o-series;
 * cl100k_base for gpt-4 and 3.5); the rest are estimated. One counter per family per process,
 * so its cache serves every request.
 */
export function createTokenCounter(modelOrFamily: string): Promise<TokenCounter> {
  const family = resolveModelFamily(modelOrFamily);
  let counter = shared.get(family);
  if (counter === undefined) {
    const encoding = encodingForFamily(family);
    counter = encoding === undefined ? Promise.resolve(createEstimatingCounter(family)) : loadTokenizer(encoding).then((tokenizer) => createTokenizerCounter(tokenizer));
    // A failed tokenizer load is not remembered, so the next request tries again.
    counter.catch(() => shared.delete(family));
    shared.set(family, counter);
  }
  return counter;
}
