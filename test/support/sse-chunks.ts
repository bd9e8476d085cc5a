import type OpenAI from 'openai';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the `ballast` extension fields of chunks
type Json = Record<string, any>;

/** What a streaming client received. */
export interface Received {
  readonly chunks: Json[];
  /** When each chunk arrived (epoch ms). */
  readonly arrivals: number[];
  /** The error that ended the stream, if any. */
  readonly error: unknown;
}

/** Every chunk the official client yields, with the time it arrived and the error that ended it, if any. */
export async function drain(stream: AsyncIterable<OpenAI.Chat.ChatCompletionChunk>, onChunk?: (chunk: Json, received: readonly Json[]) => Promise<void>): Promise<Received> {
  const chunks: Json[] = [];
  const arrivals: number[] = [];
  let error: unknown;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Json);
      arrivals.push(Date.now());
      await onChunk?.(chunk as Json, chunks);
    }
  } catch (caught) {
    error = caught;
  }
  return { chunks, arrivals, error };
}

/** The answer a client shows: text after the last `source-changed` event. */
export function visibleText(chunks: readonly Json[]): string {
  let text = '';
  for (const chunk of chunks) {
    if (chunk['ballast']?.event === 'source-changed') text = '';
    text += chunk['choices']?.[0]?.delta?.content ?? '';
  }
  return text;
}

/** The request id of a stream, from its first chunk's id. */
export function requestIdOf(chunks: readonly Json[]): string {
  return String(chunks[0]?.['id']).replace(/^chatcmpl-/, '');
}
