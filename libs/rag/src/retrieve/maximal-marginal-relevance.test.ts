import { maximalMarginalRelevance } from './maximal-marginal-relevance.js';

const query = [1, 0, 0];
const candidates = [
  { id: 'best', vector: [0.95, 0.3, 0] },
  { id: 'near-duplicate', vector: [0.94, 0.32, 0] },
  { id: 'different', vector: [0.7, 0, 0.7] },
  { id: 'irrelevant', vector: [0, 0, 1] },
];

describe('maximalMarginalRelevance', () => {
  it('with lambda 1 ranks by similarity to the query alone', () => {
    const picks = maximalMarginalRelevance(candidates, query, { lambda: 1, topK: 3 });
    expect(picks.map((pick) => pick.id)).toEqual(['best', 'near-duplicate', 'different']);
  });

  it('with a balanced lambda prefers a different relevant chunk over a near duplicate', () => {
    const picks = maximalMarginalRelevance(candidates, query, { lambda: 0.5, topK: 2 });
    expect(picks.map((pick) => pick.id)).toEqual(['best', 'different']);
    expect(picks[1]?.mmrScore).toBeLessThan(picks[0]?.mmrScore ?? 0);
  });

  it('keeps the candidates’ own fields, returns at most what it was given, and checks its input', () => {
    const picks = maximalMarginalRelevance([{ id: 'only', vector: new Float32Array([2, 0, 0]), documentId: 'd1' }], query, { topK: 5 });
    expect(picks).toEqual([{ id: 'only', vector: new Float32Array([2, 0, 0]), documentId: 'd1', mmrScore: 0.5 }]);
    expect(() => maximalMarginalRelevance(candidates, query, { lambda: 2 })).toThrow(/lambda must be between 0 and 1/);
    expect(() => maximalMarginalRelevance([{ id: 'short', vector: [1] }], query)).toThrow('vector of short has 1 dimensions, the query has 3');
  });
});

describe('maximalMarginalRelevance with given relevance', () => {
  test('ranks by the given scores and still skips a near-duplicate', () => {
    const candidates = [
      { id: 'a', vector: new Float32Array([1, 0, 0]) },
      { id: 'a-copy', vector: new Float32Array([1, 0.01, 0]) },
      { id: 'b', vector: new Float32Array([0, 1, 0]) },
    ];
    const picks = maximalMarginalRelevance(candidates, new Float32Array([0, 0, 1]), { lambda: 0.5, topK: 2, relevance: [1, 0.95, 0.6] });
    expect(picks.map((pick) => pick.id)).toEqual(['a', 'b']);
    const relevanceOnly = maximalMarginalRelevance(candidates, new Float32Array([0, 0, 1]), { lambda: 1, topK: 2, relevance: [1, 0.95, 0.6] });
    expect(relevanceOnly.map((pick) => pick.id)).toEqual(['a', 'a-copy']);
  });

  test('refuses a relevance list of the wrong length', () => {
    expect(() => maximalMarginalRelevance([{ id: 'a', vector: [1, 0] }], [1, 0], { relevance: [1, 2] })).toThrow('2 relevance scores for 1 candidates');
  });
});
