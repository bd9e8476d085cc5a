import { ZodError } from 'zod';
import { DEFAULT_SEMANTIC_THRESHOLD, parseCachePolicy } from './cache-policy.js';

test('an empty block means exact caching only, with the documented defaults', () => {
  expect(parseCachePolicy({})).toEqual({
    exact: true,
    semantic: false,
    threshold: 0.95,
    ttlSeconds: 3600,
    maxEntries: 100_000,
    semanticMultiTurn: false,
    semanticToolCalls: false,
    admitSimulated: false,
  });
  expect(parseCachePolicy(undefined).threshold).toBe(DEFAULT_SEMANTIC_THRESHOLD);
});

test('a route can turn on semantic caching with its own threshold and TTL', () => {
  expect(parseCachePolicy({ semantic: true, threshold: 0.9, ttlSeconds: 600 })).toMatchObject({ exact: true, semantic: true, threshold: 0.9, ttlSeconds: 600 });
});

test.each([
  [{ threshold: 1.5 }, 'threshold'],
  [{ ttlSeconds: 0 }, 'ttlSeconds'],
  [{ maxEntries: 2.5 }, 'maxEntries'],
  [{ semantic: 'yes' }, 'semantic'],
  [{ treshold: 0.9 }, 'treshold'],
])('a bad block is refused, naming the field: %j', (input, field) => {
  expect(() => parseCachePolicy(input)).toThrow(ZodError);
  expect(() => parseCachePolicy(input)).toThrow(field);
});
