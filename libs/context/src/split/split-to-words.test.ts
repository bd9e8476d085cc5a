import { createTokenCounterFrom } from '../tokens/token-counter.js';
import { splitToWords } from './split-to-words.js';

// One token per word.
const counter = createTokenCounterFrom('other', false, (text) => text.split(/\s+/).filter(Boolean).length, { cacheSize: 0 });

describe('splitToWords', () => {
  it('cuts at spaces into pieces of at most the limit, losing no word', () => {
    const text = Array.from({ length: 25 }, (_, index) => `word${index}`).join(' ');
    const pieces = splitToWords(text, 10, counter);
    expect(pieces.every((piece) => counter.count(piece) <= 10)).toBe(true);
    expect(pieces.join(' ')).toBe(text);
  });
});
