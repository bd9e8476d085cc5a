import type { FinishReason } from './chat.js';

/** Ballast's finish reason as OpenAI's chat.completion spells it. */
export const OPENAI_FINISH_REASONS: Readonly<Record<FinishReason, string>> = {
  stop: 'stop',
  length: 'length',
  'content-filter': 'content_filter',
  'tool-calls': 'tool_calls',
  error: 'stop',
  other: 'stop',
};
