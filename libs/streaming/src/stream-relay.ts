import type { ChatStreamEvent } from './chat-stream-event.js';

/** Receives the events of one request, in publish order. Must not throw (errors are swallowed). */
export type ChatStreamListener = (event: ChatStreamEvent) => void;

/** An active subscription; closing it stops delivery. */
export interface StreamSubscription {
  close(): Promise<void>;
}

/**
 * Carries streamed text from the activity that calls the provider to the API request waiting
 * for it, beside the workflow rather than through its history (ADR 0012). Delivery is best
 * effort: the workflow's result stays the answer of record, so a lost event costs latency,
 * never correctness.
 */
export interface StreamRelay {
  /** Hands `event` to the subscribers of `requestId`, if any; never blocks the caller and never throws. */
  publish(requestId: string, event: ChatStreamEvent): void;
  /** Resolves once events published from now on will reach `listener`: subscribe before starting the workflow. */
  subscribe(requestId: string, listener: ChatStreamListener): Promise<StreamSubscription>;
}
