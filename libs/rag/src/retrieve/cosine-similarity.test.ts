import { cosineSimilarity } from './cosine-similarity.js';

describe('cosineSimilarity', () => {
  it('is 1 for the same direction, 0 for orthogonal, -1 for opposite, whatever the length', () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosineSimilarity(new Float32Array([1, 0]), [0, 5])).toBe(0);
    expect(cosineSimilarity([1, 1], [-3, -3])).toBeCloseTo(-1, 12);
  });

  it('is 0 against a zero vector and refuses vectors of different lengths', () => {
    expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow('cannot compare vectors of 2 and 3 dimensions');
  });
});
