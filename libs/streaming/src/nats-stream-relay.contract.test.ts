import { ensureNatsServer, startNatsServer, type NatsServerHandle } from '#libs/nats-server';
import { NatsStreamRelay } from './nats-stream-relay.js';
import type { ChatStreamEvent } from './chat-stream-event.js';
import { runStreamRelayContract } from './testing/stream-relay-contract.js';

let server: NatsServerHandle;

beforeAll(async () => {
  // Builds the pinned server into .tools/ the first time (`go install`, about a minute).
  server = await startNatsServer({ serverPath: ensureNatsServer().path });
}, 900_000);

afterAll(async () => {
  await server?.stop();
});

// Worker and API in separate processes: one connection each.
runStreamRelayContract({
  name: 'NATS',
  open: async () => {
    const publisher = await NatsStreamRelay.connect({ url: server.url, name: 'contract-worker' });
    const subscriber = await NatsStreamRelay.connect({ url: server.url, name: 'contract-api' });
    return {
      publisher,
      subscriber,
      closePublisher: () => publisher.close(),
      close: async () => {
        await publisher.close();
        await subscriber.close();
      },
    };
  },
});

const source = { targetIndex: 0, attempt: 1, provider: 'openai', model: 'gpt-4.1-mini' };
const delta = (text: string): ChatStreamEvent => ({ type: 'text-delta', source, text });

describe('NatsStreamRelay when NATS is not there', () => {
  test('an unreachable server: connect returns after its timeout, publish drops, subscribe resolves with a silent subscription', async () => {
    const lines: string[] = [];
    const started = Date.now();
    const relay = await NatsStreamRelay.connect({ url: 'nats://127.0.0.1:1', connectTimeoutMs: 300, retryIntervalMs: 100, log: (line) => lines.push(line) });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(relay.isConnected).toBe(false);
    expect(lines.join('\n')).toMatch(/not reachable after 300 ms/);
    expect(() => relay.publish('req_x', delta('x'))).not.toThrow();
    expect(relay.droppedEvents).toBe(1);
    const subscription = await relay.subscribe('req_x', () => undefined);
    await subscription.close();
    await relay.close();
  });

  test('a server that goes away mid-stream: publish drops instead of buffering or throwing; it reconnects when the server is back', async () => {
    const own = await startNatsServer({ serverPath: ensureNatsServer().path });
    const lines: string[] = [];
    const publisher = await NatsStreamRelay.connect({ url: own.url, log: (line) => lines.push(line) });
    const subscriber = await NatsStreamRelay.connect({ url: own.url, log: () => undefined });
    const seen: string[] = [];
    await subscriber.subscribe('req_outage', (event) => seen.push(event.type === 'text-delta' ? event.text : event.type));
    publisher.publish('req_outage', delta('before'));
    await until(() => seen.length === 1);

    await own.stop();
    await until(() => !publisher.isConnected);
    expect(() => publisher.publish('req_outage', delta('during'))).not.toThrow();
    expect(publisher.droppedEvents).toBeGreaterThan(0);

    const back = await startNatsServer({ serverPath: ensureNatsServer().path, port: own.port });
    try {
      await until(() => publisher.isConnected && subscriber.isConnected, 15_000);
      publisher.publish('req_outage', delta('after'));
      await until(() => seen.includes('after'));
      expect(seen).toEqual(['before', 'after']);
      expect(lines.join('\n')).toMatch(/connection lost[\s\S]*connection back/);
    } finally {
      await publisher.close();
      await subscriber.close();
      await back.stop();
    }
  }, 30_000);
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 20));
  }
}
