import { batchTexts, estimateEmbeddingTokens } from './batch-texts.js';

const limits = { modelId: 'test-model', maxBatchSize: 3, maxInputTokens: 100, maxBatchTokens: 150 };

describe('batchTexts', () => {
  it('keeps order and splits at the batch size', () => {
    expect(batchTexts(['a', 'b', 'c', 'd', 'e', 'f', 'g'], limits, () => 1)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
  });

  it('splits before a text that would take the batch over its token budget', () => {
    const tokens = [60, 60, 60, 10, 100];
    expect(batchTexts(['a', 'b', 'c', 'd', 'e'], limits, (_text, index) => tokens[index] ?? 0)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('refuses a text over the per-text limit, naming it', () => {
    expect(() => batchTexts(['ok', 'x'.repeat(400)], limits)).toThrow('text 1 has 134 tokens; test-model takes at most 100 per text');
  });

  it('returns no batches for no texts, and estimates about three characters per token', () => {
    expect(batchTexts([], limits)).toEqual([]);
    expect(estimateEmbeddingTokens('abcdefg')).toBe(3);
  });
});
