import { readFileSync } from 'node:fs';
import { loadTokenizer } from '#libs/rag';
import { parseCompressionEvalItems } from './compression-eval-item.js';

const fixture = JSON.parse(readFileSync(new URL('../__fixtures__/compression-eval.json', import.meta.url), 'utf8')) as unknown;

describe('the compression eval set', () => {
  it('has at least 40 items of 2–6 chunks, 300–1,500 tokens each, the last quarter held out', async () => {
    const items = parseCompressionEvalItems(fixture);
    const tokenizer = await loadTokenizer('cl100k_base');
    expect(items.length).toBeGreaterThanOrEqual(40);
    for (const item of items) {
      const tokens = item.context.reduce((sum, chunk) => sum + tokenizer.countTokens(chunk), 0);
      expect({ id: item.id, inRange: tokens >= 300 && tokens <= 1_500 }).toEqual({ id: item.id, inRange: true });
    }
    const holdoutStart = items.findIndex((item) => item.split === 'holdout');
    expect(holdoutStart).toBe(Math.ceil(items.length * 0.75));
    expect(items.slice(holdoutStart).every((item) => item.split === 'holdout')).toBe(true);
  });

  it('rejects a fact missing from its context and a repeated id', () => {
    const item = { id: 'a', split: 'tune', topic: 't', question: 'q?', context: ['one', 'two'], neededFacts: ['three'] };
    expect(() => parseCompressionEvalItems([item])).toThrow("'a' needs 'three'");
    const valid = { ...item, neededFacts: ['two'] };
    expect(() => parseCompressionEvalItems([valid, valid])).toThrow("id 'a' appears twice");
    expect(() => parseCompressionEvalItems([{ ...valid, context: ['only one'] }])).toThrow(/context/);
  });
});
