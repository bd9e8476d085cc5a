import type { OpenAiChatCompletion } from '../to-openai-response.js';

/** Fields every chunk of one response shares, as OpenAI sends them. */
export interface ChunkHeader {
  readonly id: string;
  readonly created: number;
}

/** A `chat.completion.chunk` with a text delta (the first also carries the assistant role). */
export function deltaChunk(header: ChunkHeader, model: string, content: string, first: boolean) {
  return {
    ...envelope(header, model),
    choices: [{ index: 0, delta: first ? { role: 'assistant' as const, content } : { content }, logprobs: null, finish_reason: null }],
  };
}

/**
 * The last choice chunk: the finish reason, plus the `ballast` object of the non-streaming
 * response (request id, route, cost, context, validation) that the `openai` client ignores.
 */
export function finishChunk(header: ChunkHeader, completion: OpenAiChatCompletion) {
  return {
    ...envelope(header, completion.model),
    choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: completion.choices[0]?.finish_reason ?? 'stop' }],
    ballast: { event: 'completed', ...completion.ballast },
  };
}

/** OpenAI's usage chunk (`stream_options.include_usage`): no choices, the whole request's usage. */
export function usageChunk(header: ChunkHeader, completion: OpenAiChatCompletion) {
  return { ...envelope(header, completion.model), choices: [], usage: completion.usage };
}

/** A Ballast event between content chunks: no choices, so OpenAI clients pass over it. */
export function ballastEventChunk(header: ChunkHeader, model: string, event: Record<string, unknown>) {
  return { ...envelope(header, model), choices: [], ballast: event };
}

function envelope(header: ChunkHeader, model: string) {
  return { id: header.id, object: 'chat.completion.chunk' as const, created: header.created, model, system_fingerprint: null };
}

/** One server-sent event in OpenAI's framing: a `data:` line and a blank line. */
export function sseData(data: unknown): string {
  return `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}
