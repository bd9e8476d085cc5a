import { LruTtlCache, type EvictionReason } from './lru-ttl-cache.js';

function cacheOf(maxEntries: number) {
  let now = 1_000;
  const evicted: [string, number, EvictionReason][] = [];
  const cache = new LruTtlCache<string, number>({ maxEntries, now: () => now, onEvict: (key, value, reason) => evicted.push([key, value, reason]) });
  return { cache, evicted, advance: (ms: number) => (now += ms) };
}

test('past the bound, the least recently used entry goes, and reading an entry makes it recent', () => {
  const { cache, evicted } = cacheOf(2);
  cache.set('a', 1, 60_000);
  cache.set('b', 2, 60_000);
  expect(cache.get('a')).toBe(1);
  cache.set('c', 3, 60_000);
  expect(cache.has('b')).toBe(false);
  expect([...cache.keys()]).toEqual(['a', 'c']);
  expect(evicted).toEqual([['b', 2, 'capacity']]);
});

test('peek does not change the eviction order', () => {
  const { cache } = cacheOf(2);
  cache.set('a', 1, 60_000);
  cache.set('b', 2, 60_000);
  expect(cache.peek('a')).toBe(1);
  cache.set('c', 3, 60_000);
  expect(cache.has('a')).toBe(false);
});

test('an entry is served until its TTL, never at or after it', () => {
  const { cache, evicted, advance } = cacheOf(10);
  cache.set('a', 1, 5_000);
  advance(4_999);
  expect(cache.get('a')).toBe(1);
  advance(1);
  expect(cache.get('a')).toBeUndefined();
  expect(evicted).toEqual([['a', 1, 'expired']]);
  expect(cache.size).toBe(0);
});

test('purgeExpired drops only expired entries and reports each', () => {
  const { cache, evicted, advance } = cacheOf(10);
  cache.set('short', 1, 1_000);
  cache.set('long', 2, 10_000);
  advance(2_000);
  expect(cache.purgeExpired()).toBe(1);
  expect(cache.peek('long')).toBe(2);
  expect(evicted).toEqual([['short', 1, 'expired']]);
});

test('replacing and deleting are reported so side indexes can follow', () => {
  const { cache, evicted } = cacheOf(10);
  cache.set('a', 1, 1_000);
  cache.set('a', 2, 1_000);
  expect(cache.delete('a')).toBe(true);
  expect(cache.delete('a')).toBe(false);
  expect(evicted).toEqual([
    ['a', 1, 'replaced'],
    ['a', 2, 'deleted'],
  ]);
});

test('a bad bound or TTL is refused', () => {
  expect(() => new LruTtlCache({ maxEntries: 0, now: () => 0 })).toThrow(RangeError);
  expect(() => cacheOf(1).cache.set('a', 1, 0)).toThrow(RangeError);
});
