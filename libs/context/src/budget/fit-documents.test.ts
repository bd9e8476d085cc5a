import { createTokenCounterFrom } from '../tokens/token-counter.js';
import { fitDocuments, type DocumentCandidate } from './fit-documents.js';

// One token per word.
const counter = createTokenCounterFrom('other', false, (text) => text.split(/\s+/).filter(Boolean).length, { cacheSize: 0 });
const candidate = (position: number, score: number, sentences: number): DocumentCandidate => {
  const text = Array.from({ length: sentences }, (_, index) => `Document ${position} sentence ${index} has seven words.`).join(' ');
  return { position, document: { id: `d${position}`, text, score }, tokens: counter.count(text) };
};

describe('fitDocuments', () => {
  it('keeps the best-ranked whole, trims the next at a sentence end, drops the rest, in request order', () => {
    const candidates = [candidate(0, 0.1, 4), candidate(1, 0.9, 4), candidate(2, 0.5, 8)];
    // d1 costs 28 + 2 overhead; 28 of d2's 56 tokens fit after it: four whole sentences.
    const fitted = fitDocuments(candidates, 60, counter, 2);
    expect(fitted.kept.map((entry) => entry.document.id)).toEqual(['d1', 'd2']);
    expect(fitted.trimmed).toEqual([{ section: 'documents', id: 'd2', tokensBefore: 56, tokensAfter: 28, reason: 'documents-over-budget' }]);
    expect(fitted.dropped).toEqual([{ section: 'documents', id: 'd0', tokens: 28, reason: 'documents-over-budget' }]);
    expect(fitted.keptTokens).toBe(60);
  });

  it('drops instead of trimming when less than a useful fragment is left', () => {
    const fitted = fitDocuments([candidate(0, 0.9, 4), candidate(1, 0.8, 4)], 40, counter, 0);
    expect(fitted.kept.map((entry) => entry.document.id)).toEqual(['d0']);
    expect(fitted.trimmed).toEqual([]);
    expect(fitted.dropped.map((drop) => drop.id)).toEqual(['d1']);
  });
});

describe('fitDocuments with counts given', () => {
  it('leaves a given count behind when it trims the text it counted', () => {
    const counted = candidate(0, 0.9, 8);
    const withCount = { ...counted, document: { ...counted.document, tokens: counted.tokens, tokenEncoding: 'o200k_base' as const } };
    const fitted = fitDocuments([withCount], 30, counter, 0);
    expect(fitted.trimmed).toHaveLength(1);
    expect(fitted.kept[0]?.document).toEqual({ id: 'd0', score: 0.9, text: fitted.kept[0]?.document.text });
    expect(fitted.kept[0]?.document.tokens).toBeUndefined();
  });
});
