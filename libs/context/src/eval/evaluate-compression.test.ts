import { readFileSync } from 'node:fs';
import { loadTokenizer } from '#libs/rag';
import { createTokenizerCounter, type TokenCounter } from '../tokens/token-counter.js';
import { parseCompressionEvalItems } from './compression-eval-item.js';
import { evaluateCompression } from './evaluate-compression.js';
import { truncateToBudget } from './truncate-to-budget.js';

const items = parseCompressionEvalItems(JSON.parse(readFileSync(new URL('../__fixtures__/compression-eval.json', import.meta.url), 'utf8')));

let counter: TokenCounter;
beforeAll(async () => {
  counter = createTokenizerCounter(await loadTokenizer('cl100k_base'));
});

describe('evaluateCompression', () => {
  it('meets the goal at ratio 0.5: at least 2× fewer tokens with at least 95% of needed facts, on both splits', () => {
    const result = evaluateCompression(items, { counter, targetRatio: 0.5, strategy: 'compress' });
    expect(result.all.meanReduction).toBeGreaterThanOrEqual(2);
    expect(result.all.factRetention).toBeGreaterThanOrEqual(0.95);
    expect(result.holdout.factRetention).toBeGreaterThanOrEqual(0.9);
    expect(result.items).toHaveLength(items.length);
  });

  it('keeps more needed facts than truncating to the same budget', () => {
    for (const targetRatio of [0.5, 0.33]) {
      const compressed = evaluateCompression(items, { counter, targetRatio, strategy: 'compress' });
      const truncated = evaluateCompression(items, { counter, targetRatio, strategy: 'truncate' });
      expect(compressed.all.factRetention).toBeGreaterThan(truncated.all.factRetention);
      expect(truncated.all.overallRatio).toBeLessThanOrEqual(targetRatio);
    }
  });

  it('names the facts an item lost', () => {
    const item = items.find((entry) => entry.id === 'ce-03');
    if (item === undefined) throw new Error('fixture item ce-03 missing');
    // Its facts are in the third chunk: a rank-order cut at a fifth of the tokens loses both.
    const result = evaluateCompression([item], { counter, targetRatio: 0.2, strategy: 'truncate' });
    expect(result.items[0]).toMatchObject({ id: 'ce-03', factsRetained: 0, missing: item.neededFacts });
    expect(result.all.factRetention).toBe(0);
  });
});

describe('truncateToBudget', () => {
  it('keeps chunks in rank order and cuts the first that does not fit at a word', () => {
    const kept = truncateToBudget(['alpha beta gamma', 'delta epsilon zeta eta theta'], counter.count('alpha beta gamma') + 2, counter);
    expect(kept[0]).toBe('alpha beta gamma');
    expect(kept).toHaveLength(2);
    expect('delta epsilon zeta eta theta'.startsWith(kept[1] ?? 'x')).toBe(true);
    expect(counter.count(kept[1] ?? '')).toBeLessThanOrEqual(2);
  });
});
