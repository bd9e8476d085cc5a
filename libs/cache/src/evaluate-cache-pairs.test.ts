import { readFileSync } from 'node:fs';
import { createLexicalEmbeddingModel } from '#libs/rag';
import { evaluateAtThreshold, isHeldOut, parseCachePairs, scoreCachePairs, type CachePair } from './evaluate-cache-pairs.js';

const fixture = JSON.parse(readFileSync(new URL('./__fixtures__/cache-pairs.json', import.meta.url), 'utf8')) as unknown;

test('the shipped set has ≥ 200 pairs, ≥ 90 paraphrases, ≥ 110 near-misses of several kinds, in both splits', () => {
  const pairs = parseCachePairs(fixture);
  expect(pairs.length).toBeGreaterThanOrEqual(200);
  expect(pairs.filter((pair) => pair.expected === 'hit').length).toBeGreaterThanOrEqual(90);
  expect(pairs.filter((pair) => pair.expected === 'miss').length).toBeGreaterThanOrEqual(110);
  const kinds = new Set(pairs.filter((pair) => pair.expected === 'miss').map((pair) => pair.category));
  for (const kind of ['other-object', 'other-number', 'negation', 'other-entity', 'other-product', 'other-action']) expect(kinds).toContain(kind);
  const heldOut = pairs.filter((pair) => isHeldOut(pair.id));
  expect(heldOut.length / pairs.length).toBeGreaterThan(0.2);
  expect(heldOut.length / pairs.length).toBeLessThan(0.35);
  expect(heldOut.filter((pair) => pair.expected === 'hit').length).toBeGreaterThan(20);
});

test('a malformed or inconsistent set is refused, naming the entry', () => {
  const pair = { id: 'p1', domain: 'x', category: 'paraphrase', expected: 'hit', a: 'a', b: 'b' };
  expect(() => parseCachePairs({ pairs: [pair, pair] })).toThrow("pair id 'p1' appears twice");
  expect(() => parseCachePairs({ pairs: [{ ...pair, expected: 'miss' }] })).toThrow('only paraphrases');
  expect(() => parseCachePairs({ pairs: [{ ...pair, expected: 'maybe' }] })).toThrow(/expected/);
});

test('rates count pairs served at the threshold, with and without the guard', async () => {
  const pairs: CachePair[] = [
    { id: 'p', domain: 'd', category: 'paraphrase', expected: 'hit', a: 'How do I cancel my order?', b: 'How can I cancel my order?' },
    { id: 'n', domain: 'd', category: 'other-object', expected: 'miss', a: 'How do I cancel my order?', b: 'How do I cancel my subscription?' },
  ];
  const scored = await scoreCachePairs(pairs, createLexicalEmbeddingModel());
  const lowest = Math.min(...scored.map((item) => item.similarity));
  const baseline = evaluateAtThreshold(scored, lowest, false);
  expect(baseline).toMatchObject({ paraphraseHits: 1, paraphraseHitRate: 1, falseHits: 1, falseHitRate: 1, falseHitIds: ['n'] });
  expect(evaluateAtThreshold(scored, lowest, true)).toMatchObject({ paraphraseHits: 1, falseHits: 0, falseHitRate: 0 });
  expect(evaluateAtThreshold(scored, 1.01, false)).toMatchObject({ paraphraseHits: 0, falseHits: 0 });
});
