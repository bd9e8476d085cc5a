import { SdkClientCache } from './sdk-client-cache.js';

describe('SdkClientCache', () => {
  test('one client per endpoint and key', () => {
    let created = 0;
    const cache = new SdkClientCache((key) => ({ key, serial: ++created }));
    const first = cache.get({ baseURL: 'http://a/v1', apiKey: 'k1' });
    expect(cache.get({ baseURL: 'http://a/v1', apiKey: 'k1' })).toBe(first);
    expect(cache.get({ baseURL: 'http://a/v1', apiKey: 'k2' })).not.toBe(first);
    expect(cache.get({ baseURL: 'http://b/v1', apiKey: 'k1' })).not.toBe(first);
    expect(created).toBe(3);
  });

  test('keys cannot collide by concatenation', () => {
    const cache = new SdkClientCache((key) => key);
    expect(cache.get({ baseURL: 'ab', apiKey: 'c' })).not.toBe(cache.get({ baseURL: 'a', apiKey: 'bc' }));
  });

  test('clear forgets clients', () => {
    const cache = new SdkClientCache(() => ({}));
    const first = cache.get({ baseURL: 'x', apiKey: 'y' });
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get({ baseURL: 'x', apiKey: 'y' })).not.toBe(first);
  });
});
