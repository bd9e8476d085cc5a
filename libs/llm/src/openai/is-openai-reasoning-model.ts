/**
 * True for OpenAI reasoning models (o1, o3, o4-mini, gpt-5 except gpt-5-chat). They take
 * `max_completion_tokens` instead of `max_tokens` and reject sampling settings.
 */
export function isOpenAiReasoningModel(modelId: string): boolean {
  return /^o\d/.test(modelId) || (modelId.startsWith('gpt-5') && !modelId.startsWith('gpt-5-chat'));
}
