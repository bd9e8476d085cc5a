import { sharedInProcessStreamRelay } from './in-process-stream-relay.js';
import { NatsStreamRelay } from './nats-stream-relay.js';
import type { StreamRelay } from './stream-relay.js';

/** Which relay carries streamed text (`streaming.relay` in the configuration, ADR 0012). */
export type StreamRelaySettings = { readonly kind: 'in-process' } | { readonly kind: 'nats'; readonly url: string };

/** A relay a process opened, and how to let it go on shutdown. */
export interface OpenedStreamRelay {
  readonly relay: StreamRelay;
  readonly kind: StreamRelaySettings['kind'];
  /** Drains and closes a NATS connection; nothing for the shared in-process relay. */
  close(): Promise<void>;
}

/**
 * The relay of one process: the process-wide in-process one, or a NATS connection (waiting a
 * few seconds for it; an unreachable server is logged and retried, never fatal: the workflow's
 * answer still ends every stream).
 */
export async function openStreamRelay(settings: StreamRelaySettings, options: { readonly name?: string; readonly log?: (line: string) => void } = {}): Promise<OpenedStreamRelay> {
  if (settings.kind === 'in-process') return { relay: sharedInProcessStreamRelay, kind: 'in-process', close: () => Promise.resolve() };
  const relay = await NatsStreamRelay.connect({ url: settings.url, ...options });
  return { relay, kind: 'nats', close: () => relay.close() };
}
