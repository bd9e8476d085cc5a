import { loadTokenizer } from '#libs/rag';
import { createTokenizerCounter } from '../tokens/token-counter.js';
import { trimToSentences } from './trim-to-sentences.js';

describe('trimToSentences', () => {
  it('keeps the longest run of whole leading sentences within the limit, verbatim', async () => {
    const counter = createTokenizerCounter(await loadTokenizer('cl100k_base'));
    const text = 'Refunds take 5 days. Exchanges are free for 60 days.\nGift cards never expire. Contact support for anything else.';
    const limit = counter.count('Refunds take 5 days. Exchanges are free for 60 days.');
    expect(trimToSentences(text, limit, counter)).toEqual({ text: 'Refunds take 5 days. Exchanges are free for 60 days.', tokens: limit });
    expect(trimToSentences(text, 1_000, counter)?.text).toBe(text);
    expect(trimToSentences(text, 2, counter)).toBeUndefined();
  });
});
