import type { ChatStreamEvent } from './chat-stream-event.js';
import type { ChatStreamListener, StreamRelay, StreamSubscription } from './stream-relay.js';

/**
 * The relay for an API and a worker in one process (`ballast start`, the test stack): a map
 * from request id to listeners, called synchronously, so a delta reaches the HTTP response
 * before the activity's next line runs and nothing is buffered or copied.
 */
export class InProcessStreamRelay implements StreamRelay {
  private readonly listeners = new Map<string, Set<ChatStreamListener>>();

  publish(requestId: string, event: ChatStreamEvent): void {
    const listeners = this.listeners.get(requestId);
    if (!listeners) return;
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A subscriber's fault (a closed socket) must never fail the provider call publishing to it.
      }
    }
  }

  subscribe(requestId: string, listener: ChatStreamListener): Promise<StreamSubscription> {
    let listeners = this.listeners.get(requestId);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(requestId, listeners);
    }
    listeners.add(listener);
    const close = async (): Promise<void> => {
      const current = this.listeners.get(requestId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(requestId);
    };
    return Promise.resolve({ close });
  }

  /** Requests with at least one subscriber (leak checks in tests). */
  get activeRequests(): number {
    return this.listeners.size;
  }
}

/**
 * The relay API and worker share when they run in one process and nobody injected another.
 * In a split deployment each process has its own, so nothing crosses: the API then sends the
 * workflow's whole answer as one delta at the end (correct, just not incremental) — unless
 * `streaming.relay` is NATS (`NatsStreamRelay`, built by `openStreamRelay`).
 */
export const sharedInProcessStreamRelay = new InProcessStreamRelay();
