import type { ChatStreamEvent } from '../chat-stream-event.js';
import type { StreamRelay } from '../stream-relay.js';

/** Two ends of one relay: where the activity publishes and where the API subscribes. */
export interface OpenedStreamRelays {
  /** The worker's side. */
  readonly publisher: StreamRelay;
  /** The API's side: the same object in one process, another connection across processes. */
  readonly subscriber: StreamRelay;
  /** Closes the publisher's side (draining what it has buffered). */
  closePublisher(): Promise<void>;
  /** Releases everything `open` took. */
  close(): Promise<void>;
}

export interface StreamRelayBackend {
  readonly name: string;
  readonly open: () => Promise<OpenedStreamRelays>;
}

const source = { targetIndex: 0, attempt: 1, provider: 'openai', model: 'gpt-4.1-mini' };
const delta = (text: string): ChatStreamEvent => ({ type: 'text-delta', source, text });
const textOf = (event: ChatStreamEvent) => (event.type === 'text-delta' ? event.text : `<${event.type}>`);

/** Waits (briefly) until `condition` holds: delivery across processes is asynchronous. */
async function eventually(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 5));
  }
}

let sequence = 0;
/** A request id no other test (nor an earlier run on a shared server) uses. */
const requestId = (name: string) => `req_${name}_${process.pid}_${Date.now()}_${sequence++}`;

/**
 * What every `StreamRelay` must do (ADR 0012), in one process or across processes: per-request
 * order, no crossing between request ids, nothing after a subscription closes, publish never
 * throws, and what was published before the publisher closes still arrives.
 */
export function runStreamRelayContract(backend: StreamRelayBackend): void {
  describe(`stream relay contract: ${backend.name}`, () => {
    let relays: OpenedStreamRelays;

    beforeEach(async () => {
      relays = await backend.open();
    });
    afterEach(async () => {
      await relays.close();
    });

    test('an event published right after subscribe resolves arrives, and a request\'s events keep their order', async () => {
      const id = requestId('order');
      const seen: string[] = [];
      const subscription = await relays.subscriber.subscribe(id, (event) => seen.push(textOf(event)));
      const texts = Array.from({ length: 200 }, (_, index) => `t${index} `);
      for (const text of texts) relays.publisher.publish(id, delta(text));
      await eventually(() => seen.length === texts.length, `${texts.length} events`);
      expect(seen).toEqual(texts);
      await subscription.close();
    });

    test('events arrive as published: both kinds, every field', async () => {
      const id = requestId('fields');
      const seen: ChatStreamEvent[] = [];
      await relays.subscriber.subscribe(id, (event) => seen.push(event));
      const failed: ChatStreamEvent = { type: 'attempt-failed', source: { ...source, attempt: 2 }, errorKind: 'connection', message: 'stream cut after 6 chunks — "quoted" ünïcode', retrying: true, publishedChars: 42 };
      relays.publisher.publish(id, delta('Hé 🚀\n'));
      relays.publisher.publish(id, failed);
      await eventually(() => seen.length === 2, 'two events');
      expect(seen).toEqual([delta('Hé 🚀\n'), failed]);
    });

    test('request ids are isolated, including ids with subject-like characters', async () => {
      const ids = [requestId('a'), requestId('b'), 'req.x', 'req.*', 'req.>', 'req x', 'req%2E'];
      const seen = new Map<string, string[]>(ids.map((id) => [id, []]));
      for (const id of ids) await relays.subscriber.subscribe(id, (event) => seen.get(id)?.push(textOf(event)));
      for (let round = 0; round < 3; round++) for (const id of ids) relays.publisher.publish(id, delta(`${id}#${round}`));
      await eventually(() => [...seen.values()].every((texts) => texts.length >= 3), 'three events per request');
      // Some settling time for an event that would cross over late.
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
      for (const id of ids) expect(seen.get(id)).toEqual([0, 1, 2].map((round) => `${id}#${round}`));
    });

    test('a closed subscription receives nothing more; another on the same request goes on; closing twice is harmless', async () => {
      const id = requestId('unsubscribe');
      const closed: string[] = [];
      const open: string[] = [];
      const first = await relays.subscriber.subscribe(id, (event) => closed.push(textOf(event)));
      await relays.subscriber.subscribe(id, (event) => open.push(textOf(event)));
      relays.publisher.publish(id, delta('before'));
      await eventually(() => closed.length === 1 && open.length === 1, 'the first event on both');
      await first.close();
      await first.close();
      relays.publisher.publish(id, delta('after'));
      relays.publisher.publish(id, delta('last'));
      await eventually(() => open.length === 3, 'the later events on the open subscription');
      expect(open).toEqual(['before', 'after', 'last']);
      expect(closed).toEqual(['before']);
    });

    test('a throwing listener stops neither the publisher nor the other listeners', async () => {
      const id = requestId('throwing');
      const seen: string[] = [];
      await relays.subscriber.subscribe(id, () => {
        throw new Error('socket closed');
      });
      await relays.subscriber.subscribe(id, (event) => seen.push(textOf(event)));
      expect(() => relays.publisher.publish(id, delta('x'))).not.toThrow();
      expect(() => relays.publisher.publish(id, delta('y'))).not.toThrow();
      await eventually(() => seen.length === 2, 'both events');
      expect(seen).toEqual(['x', 'y']);
    });

    test('publishing without subscribers is a no-op', () => {
      expect(() => relays.publisher.publish(requestId('nobody'), delta('x'))).not.toThrow();
    });

    test('what was published before the publisher closes arrives; after close, publish and subscribe still never fail', async () => {
      const id = requestId('close');
      const seen: string[] = [];
      await relays.subscriber.subscribe(id, (event) => seen.push(textOf(event)));
      const texts = Array.from({ length: 50 }, (_, index) => `c${index}`);
      for (const text of texts) relays.publisher.publish(id, delta(text));
      await relays.closePublisher();
      await eventually(() => seen.length === texts.length, 'every event published before close');
      expect(seen).toEqual(texts);

      expect(() => relays.publisher.publish(id, delta('after close'))).not.toThrow();
      const late = await relays.publisher.subscribe(requestId('late'), () => undefined);
      await expect(late.close()).resolves.toBeUndefined();
    });
  });
}
