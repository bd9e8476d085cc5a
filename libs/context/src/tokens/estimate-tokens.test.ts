import { estimateTokens } from './estimate-tokens.js';

describe('estimateTokens', () => {
  it('is 0 for empty text and at least 1 for any word', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('a')).toBe(1);
  });

  it('prices a short English word at one token and a long one at more', () => {
    expect(estimateTokens(' refund')).toBe(1);
    expect(estimateTokens(' internationalisation')).toBeGreaterThan(4);
  });

  it('prices CJK by the character, not by the word', () => {
    expect(estimateTokens('退款需要十四天')).toBeGreaterThanOrEqual(7);
  });

  it('prices opaque runs (base64, hex digests) at about one token per 1.6 characters', () => {
    const digest = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    // The run is priced apart and leaves a space behind, which costs one more.
    expect(estimateTokens(digest)).toBe(Math.ceil(digest.length / 1.6) + 1);
  });

  it('grows linearly with the text', () => {
    const sentence = 'Refunds are issued within 5–7 business days after inspection. ';
    expect(estimateTokens(sentence.repeat(10))).toBeGreaterThanOrEqual(9 * estimateTokens(sentence));
  });
});
