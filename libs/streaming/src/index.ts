export type { ChatStreamEvent, ChatStreamSource } from './chat-stream-event.js';
export type { ChatStreamListener, StreamRelay, StreamSubscription } from './stream-relay.js';
export { InProcessStreamRelay, sharedInProcessStreamRelay } from './in-process-stream-relay.js';
