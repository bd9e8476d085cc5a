import { InProcessStreamRelay } from './in-process-stream-relay.js';
import { runStreamRelayContract } from './testing/stream-relay-contract.js';

runStreamRelayContract({
  name: 'in-process',
  open: () => {
    // API and worker in one process share the one object.
    const relay = new InProcessStreamRelay();
    return Promise.resolve({ publisher: relay, subscriber: relay, closePublisher: () => Promise.resolve(), close: () => Promise.resolve() });
  },
});
