import { jest } from '@jest/globals';
import { TokenCountCache } from './token-count-cache.js';

const long = (label: string): string => `${label} — a text long enough to be cached by hash`;

describe('TokenCountCache', () => {
  it('computes a text once and answers repeats from the cache', () => {
    const cache = new TokenCountCache(10);
    const compute = jest.fn((text: string) => text.length);
    expect(cache.getOrCompute(long('a'), compute)).toBe(long('a').length);
    expect(cache.getOrCompute(long('a'), compute)).toBe(long('a').length);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('stays within its bound, evicting the least recently used text', () => {
    const cache = new TokenCountCache(2);
    const compute = jest.fn(() => 1);
    cache.getOrCompute(long('a'), compute);
    cache.getOrCompute(long('b'), compute);
    cache.getOrCompute(long('a'), compute); // a is now the most recent
    cache.getOrCompute(long('c'), compute); // evicts b
    expect(cache.size).toBe(2);
    compute.mockClear();
    cache.getOrCompute(long('a'), compute);
    expect(compute).not.toHaveBeenCalled();
    cache.getOrCompute(long('b'), compute);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('does not cache short texts or when the size is 0', () => {
    const compute = jest.fn(() => 1);
    new TokenCountCache(10).getOrCompute('hi', compute);
    const off = new TokenCountCache(0);
    off.getOrCompute(long('a'), compute);
    off.getOrCompute(long('a'), compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });
});
