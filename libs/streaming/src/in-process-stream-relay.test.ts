import type { ChatStreamEvent } from './chat-stream-event.js';
import { InProcessStreamRelay } from './in-process-stream-relay.js';

const source = { targetIndex: 0, attempt: 1, provider: 'openai', model: 'gpt-4o-mini' };
const delta = (text: string): ChatStreamEvent => ({ type: 'text-delta', source, text });

describe('InProcessStreamRelay', () => {
  test('delivers a request\'s events to its subscribers only, in order, until they close', async () => {
    const relay = new InProcessStreamRelay();
    const seenA: string[] = [];
    const seenB: string[] = [];
    const subscriptionA = await relay.subscribe('req_a', (event) => seenA.push(event.type === 'text-delta' ? event.text : event.type));
    await relay.subscribe('req_b', (event) => seenB.push(event.type === 'text-delta' ? event.text : event.type));

    relay.publish('req_a', delta('Hel'));
    relay.publish('req_b', delta('other'));
    relay.publish('req_a', delta('lo'));
    await subscriptionA.close();
    relay.publish('req_a', delta(' late'));

    expect(seenA).toEqual(['Hel', 'lo']);
    expect(seenB).toEqual(['other']);
    expect(relay.activeRequests).toBe(1);
  });

  test('a throwing subscriber does not stop the publisher nor the other subscribers', async () => {
    const relay = new InProcessStreamRelay();
    const seen: string[] = [];
    await relay.subscribe('req_a', () => {
      throw new Error('socket closed');
    });
    await relay.subscribe('req_a', (event) => seen.push(event.type));

    expect(() => relay.publish('req_a', delta('x'))).not.toThrow();
    expect(seen).toEqual(['text-delta']);
  });

  test('publishing without subscribers is a no-op', () => {
    const relay = new InProcessStreamRelay();
    expect(() => relay.publish('req_none', delta('x'))).not.toThrow();
    expect(relay.activeRequests).toBe(0);
  });
});
