import type { Caller, ChatMessage, ChatRequest, GenerationSettings, RetrievalSettings } from '#libs/contracts';
import type { ChatCompletionRequestBody } from './chat-completion-request.dto.js';

/** OpenAI wire request → Ballast's normalized request (developer → system, parts → text). */
export function toChatRequest(body: ChatCompletionRequestBody, caller: Caller, requestId: string, receivedAt: Date, tierHint?: string): ChatRequest {
  const messages: ChatMessage[] = body.messages.map((message) => ({
    role: message.role === 'developer' ? 'system' : message.role,
    content: typeof message.content === 'string' ? message.content : message.content.map((part) => part.text).join(''),
    ...(message.name ? { name: message.name } : {}),
  }));
  const maxOutputTokens = body.max_completion_tokens ?? body.max_tokens;
  const settings: GenerationSettings = {
    ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
    ...(body.top_p !== undefined ? { topP: body.top_p } : {}),
    ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
    ...(body.stop !== undefined ? { stop: typeof body.stop === 'string' ? [body.stop] : body.stop } : {}),
    ...(body.seed !== undefined ? { seed: body.seed } : {}),
    ...(body.presence_penalty !== undefined ? { presencePenalty: body.presence_penalty } : {}),
    ...(body.frequency_penalty !== undefined ? { frequencyPenalty: body.frequency_penalty } : {}),
  };
  const options = body.ballast;
  const retrieval: RetrievalSettings | undefined = options?.collections
    ? {
        collections: options.collections,
        topK: options.top_k ?? 5,
        hybrid: options.hybrid ?? true,
        ...(options.min_score !== undefined ? { minScore: options.min_score } : {}),
        ...(options.diversity !== undefined && options.diversity > 0 ? { mmrLambda: options.diversity } : {}),
      }
    : undefined;
  return {
    requestId,
    model: body.model,
    messages,
    settings,
    caller,
    receivedAt: receivedAt.toISOString(),
    ...(tierHint ? { tierHint } : {}),
    ...(options?.conversation_id ? { conversationId: options.conversation_id } : {}),
    ...(retrieval ? { retrieval } : {}),
  };
}
