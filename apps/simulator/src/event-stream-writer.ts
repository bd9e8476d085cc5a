import type { Exchange } from './exchange.js';

/** How a stream ended: fully written, deliberately cut, or abandoned by the client. */
export type StreamOutcome = 'completed' | 'cut' | 'client-closed';

/** Pacing and fault settings for one stream. */
export interface EventStreamOptions {
  /** Pause between events; 0 writes the whole stream at once. */
  readonly chunkDelayMs: number;
  /** Destroy the socket after this many events (clamped so the final event is never sent). */
  readonly cutAfterChunks?: number;
}

/** One server-sent event, optionally named (Anthropic names its events, OpenAI does not). */
export function formatEvent(data: unknown, event?: string): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return event ? `event: ${event}\ndata: ${payload}\n\n` : `data: ${payload}\n\n`;
}

function cutConnection(exchange: Exchange): Promise<void> {
  // An SSE comment (ignored by parsers) whose write callback says every earlier event has been
  // handed to the socket; only then is the socket destroyed, so the client sees the events and
  // then a connection that ends without the chunked-encoding terminator.
  return new Promise((resolve) => {
    exchange.response.write(':\n\n', () => {
      exchange.response.socket?.destroy();
      resolve();
    });
  });
}

/** Opens the event stream and writes `events` with the configured pacing and fault. */
export async function writeEventStream(exchange: Exchange, events: readonly string[], options: EventStreamOptions): Promise<StreamOutcome> {
  if (exchange.clientGone.aborted) return 'client-closed';
  exchange.openEventStream();
  const cutAt = options.cutAfterChunks === undefined ? undefined : Math.min(options.cutAfterChunks, events.length - 1);
  if (options.chunkDelayMs <= 0 && cutAt === undefined) {
    // The benchmark path: one write, no timers, so the simulator adds next to nothing.
    exchange.response.end(events.join(''));
    return 'completed';
  }
  for (const [index, event] of events.entries()) {
    if (exchange.clientGone.aborted) return 'client-closed';
    if (index === cutAt) {
      await cutConnection(exchange);
      return 'cut';
    }
    exchange.response.write(event);
    const isLast = index === events.length - 1;
    if (!isLast && options.chunkDelayMs > 0 && !(await exchange.wait(options.chunkDelayMs))) return 'client-closed';
  }
  exchange.response.end();
  return 'completed';
}
