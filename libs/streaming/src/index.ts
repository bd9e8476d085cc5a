export type { ChatStreamEvent, ChatStreamSource } from './chat-stream-event.js';
export type { ChatStreamListener, StreamRelay, StreamSubscription } from './stream-relay.js';
export { InProcessStreamRelay, sharedInProcessStreamRelay } from './in-process-stream-relay.js';
export { NatsStreamRelay, probeNatsServer, type NatsProbe, type NatsStreamRelayOptions } from './nats-stream-relay.js';
export { openStreamRelay, type OpenedStreamRelay, type StreamRelaySettings } from './open-stream-relay.js';
