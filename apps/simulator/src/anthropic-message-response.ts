import { formatEvent } from './event-stream-writer.js';
import { newId } from './exchange.js';
import { splitIntoDeltas, type SimulatedGeneration } from './simulated-generation.js';

function stopReason(generation: SimulatedGeneration): 'end_turn' | 'max_tokens' {
  return generation.hitMaxTokens ? 'max_tokens' : 'end_turn';
}

/** Anthropic's usage object with the cache counters the real API reports (zero: nothing is cached here). */
function anthropicUsage(inputTokens: number, outputTokens: number): Record<string, unknown> {
  return {
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    service_tier: 'standard',
  };
}

function messageEnvelope(model: string): Record<string, unknown> {
  return { id: newId('msg_'), type: 'message', role: 'assistant', model, container: null, stop_details: null };
}

/** A complete `message` object. */
export function buildMessage(model: string, generation: SimulatedGeneration): Record<string, unknown> {
  return {
    ...messageEnvelope(model),
    content: [{ type: 'text', text: generation.text, citations: null }],
    stop_reason: stopReason(generation),
    stop_sequence: null,
    usage: anthropicUsage(generation.inputTokens, generation.outputTokens),
  };
}

/**
 * The SSE events of a streamed message, in Anthropic's order: message_start (input usage),
 * content_block_start, a ping, one content_block_delta per word, content_block_stop,
 * message_delta (stop reason and final usage), message_stop.
 */
export function buildMessageEvents(model: string, generation: SimulatedGeneration): string[] {
  const start = {
    ...messageEnvelope(model),
    content: [],
    stop_reason: null,
    stop_sequence: null,
    // Anthropic reports the input here and a token-so-far placeholder of 1 for the output.
    usage: anthropicUsage(generation.inputTokens, 1),
  };
  const events = [
    formatEvent({ type: 'message_start', message: start }, 'message_start'),
    formatEvent({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: null } }, 'content_block_start'),
    formatEvent({ type: 'ping' }, 'ping'),
  ];
  for (const text of splitIntoDeltas(generation.text)) {
    events.push(formatEvent({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta'));
  }
  events.push(
    formatEvent({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
    formatEvent(
      {
        type: 'message_delta',
        delta: { stop_reason: stopReason(generation), stop_sequence: null, stop_details: null, container: null },
        usage: { input_tokens: generation.inputTokens, output_tokens: generation.outputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      },
      'message_delta',
    ),
    formatEvent({ type: 'message_stop' }, 'message_stop'),
  );
  return events;
}
