import type { Server, ServerResponse } from 'node:http';

/** Stops an HTTP server the way a rolling deploy needs it stopped. */
export interface HttpDrain {
  /** Requests whose response has not finished. */
  readonly inFlight: number;
  /**
   * Closes the listener (new connections are refused at once), lets in-flight requests
   * finish for at most `graceMs`, then closes every connection left. Answers how many
   * requests were cut by the deadline.
   */
  drain(graceMs: number): Promise<{ readonly cut: number }>;
}

/**
 * Tracks the server's in-flight requests from now on. Nest's own `close()` destroys every open
 * socket, in-flight requests included, and Fastify's waits for keep-alive connections to time
 * out (72 s); draining first avoids both.
 */
export function trackHttpRequests(server: Server): HttpDrain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let onIdle: (() => void) | undefined;
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    if (draining) closeAfterResponse(response);
    response.once('close', () => {
      inFlight.delete(response);
      if (inFlight.size === 0) onIdle?.();
    });
  });
  return {
    get inFlight() {
      return inFlight.size;
    },
    async drain(graceMs) {
      draining = true;
      // Keep-alive connections end with their current response instead of idling on.
      for (const response of inFlight) closeAfterResponse(response);
      server.close();
      server.closeIdleConnections();
      if (inFlight.size > 0) {
        await new Promise<void>((resolveDrained) => {
          const deadline = setTimeout(resolveDrained, graceMs);
          onIdle = () => {
            clearTimeout(deadline);
            resolveDrained();
          };
        });
      }
      const cut = inFlight.size;
      server.closeAllConnections();
      return { cut };
    },
  };
}

function closeAfterResponse(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader('connection', 'close');
}
