import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry once full', () => {
    const cache = new LruCache<number>(2);
    cache.getOrCompute('a', () => 1);
    cache.getOrCompute('b', () => 2);
    cache.getOrCompute('a', () => 99); // hit: a becomes the most recent
    cache.getOrCompute('c', () => 3); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.getOrCompute('a', () => 99)).toBe(1);
    expect(cache.getOrCompute('b', () => 22)).toBe(22);
  });

  it('stores nothing when its size is 0', () => {
    const cache = new LruCache<number>(0);
    expect(cache.getOrCompute('a', () => 1)).toBe(1);
    expect(cache.getOrCompute('a', () => 2)).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('rejects a negative or fractional size', () => {
    expect(() => new LruCache(-1)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});
