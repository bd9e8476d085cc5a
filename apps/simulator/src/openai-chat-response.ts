import { formatEvent } from './event-stream-writer.js';
import { newId } from './exchange.js';
import { splitIntoDeltas, type SimulatedGeneration } from './simulated-generation.js';

/** Tells clients (and humans reading traces) which backend produced the answer. */
const SYSTEM_FINGERPRINT = 'fp_ballast_simulator';

function finishReason(generation: SimulatedGeneration): 'stop' | 'length' {
  return generation.hitMaxTokens ? 'length' : 'stop';
}

/** OpenAI's usage object, with the detail fields the real API sends. */
export function openAiUsage(generation: SimulatedGeneration): Record<string, unknown> {
  return {
    prompt_tokens: generation.inputTokens,
    completion_tokens: generation.outputTokens,
    total_tokens: generation.inputTokens + generation.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/** A `chat.completion` object. */
export function buildChatCompletion(model: string, generation: SimulatedGeneration): Record<string, unknown> {
  return {
    id: newId('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: generation.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: finishReason(generation),
      },
    ],
    usage: openAiUsage(generation),
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

/**
 * The SSE events of a streamed completion: a role chunk, one chunk per word, a finish chunk,
 * with `include_usage` a final chunk with empty `choices` and the usage (earlier chunks then
 * carry `usage: null`, as the real API does), and `[DONE]`.
 */
export function buildChatCompletionEvents(model: string, generation: SimulatedGeneration, includeUsage: boolean): string[] {
  const base = { id: newId('chatcmpl-'), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, service_tier: 'default', system_fingerprint: SYSTEM_FINGERPRINT };
  const usageField = includeUsage ? { usage: null } : {};
  const chunk = (delta: Record<string, unknown>, reason: string | null): string =>
    formatEvent({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: reason }], ...usageField });

  const events = [chunk({ role: 'assistant', content: '', refusal: null }, null)];
  for (const delta of splitIntoDeltas(generation.text)) events.push(chunk({ content: delta }, null));
  events.push(chunk({}, finishReason(generation)));
  if (includeUsage) events.push(formatEvent({ ...base, choices: [], usage: openAiUsage(generation) }));
  events.push(formatEvent('[DONE]'));
  return events;
}
