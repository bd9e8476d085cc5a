import type { ChatCompletionRequestBody } from '../chat/chat-completion-request.dto.js';
import type { MessagesRequestBody } from './messages-request.dto.js';

/** Text blocks of one turn (or of `system`) as one string: blocks are paragraphs. */
function blocksText(content: string | ReadonlyArray<{ readonly text: string }>): string {
  return typeof content === 'string' ? content : content.map((block) => block.text).join('\n\n');
}

/**
 * Anthropic Messages request → the chat completion request Ballast's core runs: the top-level
 * `system` becomes the first message, `stop_sequences` → `stop`, `metadata.user_id` → `user`.
 * Nothing is decided here: routing, budgets, cache and validation apply as for `/v1/chat/completions`.
 */
export function toChatCompletionBody(body: MessagesRequestBody): ChatCompletionRequestBody {
  const system = body.system === undefined ? '' : blocksText(body.system);
  return {
    model: body.model,
    messages: [
      ...(system.length > 0 ? [{ role: 'system' as const, content: system }] : []),
      ...body.messages.map((message) => ({ role: message.role, content: blocksText(message.content) })),
    ],
    max_tokens: body.max_tokens,
    ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
    ...(body.top_p !== undefined ? { top_p: body.top_p } : {}),
    ...(body.stop_sequences !== undefined && body.stop_sequences.length > 0 ? { stop: body.stop_sequences } : {}),
    ...(body.stream !== undefined ? { stream: body.stream } : {}),
    ...(body.metadata?.user_id !== undefined ? { user: body.metadata.user_id } : {}),
    ...(body.ballast !== undefined ? { ballast: body.ballast } : {}),
  };
}
