import type { ChatMessage } from '#libs/contracts';
import { createTokenCounterFrom } from '../tokens/token-counter.js';
import { fitHistory } from './fit-history.js';

// Every message costs 3 framing tokens plus one per character of content.
const counter = createTokenCounterFrom('other', false, (text) => text.length, { cacheSize: 0 });

describe('fitHistory', () => {
  const history: ChatMessage[] = [
    { role: 'assistant', content: 'Hi!' },
    { role: 'user', content: 'aaaa' },
    { role: 'assistant', content: 'bbbb' },
    { role: 'assistant', content: 'cccc' },
    { role: 'user', content: 'dddd' },
    { role: 'assistant', content: 'eeee' },
  ];

  it('keeps a user message with every reply after it, dropping older turns whole', () => {
    const kept = fitHistory(history, 14, counter);
    expect(kept.kept.map((message) => message.content)).toEqual(['dddd', 'eeee']);
    expect(kept.keptTokens).toBe(14);
    expect(kept.dropped.map((drop) => drop.index)).toEqual([0, 1, 2, 3]);
    expect(fitHistory(history, 34, counter).kept).toHaveLength(2);
    expect(fitHistory(history, 35, counter).kept.map((message) => message.content)).toEqual(['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee']);
  });

  it('treats replies before the first question as a turn of their own and keeps all when room allows', () => {
    expect(fitHistory(history, 1_000, counter).kept).toEqual(history);
    expect(fitHistory(history, 0, counter).kept).toEqual([]);
  });
});
