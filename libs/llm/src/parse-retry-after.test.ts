import { parseRetryAfterMs } from './parse-retry-after.js';

const headers = (entries: Record<string, string>): Headers => new Headers(entries);
const now = (): number => Date.parse('2025-01-01T00:00:00Z');

describe('parseRetryAfterMs', () => {
  test('prefers retry-after-ms over retry-after', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '3' }), now)).toBe(250);
  });

  test('reads retry-after as seconds', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(parseRetryAfterMs(headers({ 'retry-after': '0.5' }), now)).toBe(500);
  });

  test('reads retry-after as an HTTP date relative to now', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }), now)).toBe(7000);
  });

  test('a date in the past means no wait, never a negative delay', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }), now)).toBe(0);
  });

  test('missing or unparseable values are unknown, not zero', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs(headers({}), now)).toBeUndefined();
    expect(parseRetryAfterMs(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfterMs(headers({ 'retry-after': '' }), now)).toBeUndefined();
    expect(parseRetryAfterMs(headers({ 'retry-after-ms': '-5' }), now)).toBeUndefined();
  });

  test('falls back to retry-after when retry-after-ms is garbage', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after-ms': 'x', 'retry-after': '1' }), now)).toBe(1000);
  });
});
