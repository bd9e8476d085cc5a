import { cacheBypassReason } from './cache-bypass.js';

test.each([
  ['no-cache', 'cache-control'],
  ['No-Cache', 'cache-control'],
  ['max-age=0, no-store', 'cache-control'],
  ['no-cache="set-cookie"', 'cache-control'],
  ['max-age=0', undefined],
  ['no-transform', undefined],
  [undefined, undefined],
])('Cache-Control %j → %j', (header, reason) => {
  expect(cacheBypassReason(header, undefined)).toBe(reason);
});

test('the body flag bypasses whatever the header says', () => {
  expect(cacheBypassReason(undefined, 'bypass')).toBe('request-flag');
  expect(cacheBypassReason('max-age=60', 'bypass')).toBe('request-flag');
});
