import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';

const ranking = (...ids: string[]) => ids.map((id, index) => ({ id, score: 100 - index }));

describe('reciprocalRankFusion', () => {
  it('scores Σ 1/(k + rank) and puts items found by both rankings first', () => {
    const fused = reciprocalRankFusion([ranking('a', 'b', 'c'), ranking('c', 'd', 'a')]);

    expect(fused.map((item) => item.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(fused[0]?.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
    expect(fused[2]?.score).toBeCloseTo(1 / 62, 12);
  });

  it('ignores the scale of the input scores', () => {
    const cosine = [{ id: 'x', score: 0.91 }, { id: 'y', score: 0.9 }];
    const bm25 = [{ id: 'y', score: 12.5 }, { id: 'x', score: 3.1 }];
    const fused = reciprocalRankFusion([cosine, bm25]);
    expect(fused[0]?.score).toBe(fused[1]?.score);
    // Equal scores: the better best rank, then the id, decide — the same on every run.
    expect(fused.map((item) => item.id)).toEqual(['x', 'y']);
  });

  it('honours k and topK, and counts a repeated id once per ranking', () => {
    const fused = reciprocalRankFusion([ranking('a', 'a', 'b')], { k: 0, topK: 1 });
    expect(fused).toEqual([{ id: 'a', score: 1 }]);
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(() => reciprocalRankFusion([], { k: -1 })).toThrow(/k must be/);
  });
});
