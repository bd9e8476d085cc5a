import { API_KEY_SECRET_LENGTH, generateApiKeySecret, hashApiKey, isApiKeyShaped, visibleKeyParts } from './api-key-secret.js';

test('keys are sk-ballast- plus 40 base62 characters, never the same twice', () => {
  const keys = Array.from({ length: 200 }, generateApiKeySecret);
  for (const key of keys) {
    expect(key).toMatch(new RegExp(`^sk-ballast-[0-9A-Za-z]{${API_KEY_SECRET_LENGTH}}$`));
    expect(isApiKeyShaped(key)).toBe(true);
  }
  expect(new Set(keys).size).toBe(keys.length);
  // Over 8,000 characters every base62 symbol shows up: the alphabet is not truncated.
  expect(new Set(keys.join('').replaceAll('sk-ballast-', '')).size).toBe(62);
});

test('the hash is sha256 hex, and only a short prefix and the last four characters are shown', () => {
  const key = 'sk-ballast-ABCDefgh0123456789ABCDefgh0123456789WXYZ';
  expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
  expect(hashApiKey(key)).not.toBe(hashApiKey(`${key}0`));
  expect(visibleKeyParts(key)).toEqual({ prefix: 'sk-ballast-ABCD', last4: 'WXYZ' });
});

test('strings that are not keys are recognised before any lookup', () => {
  expect(isApiKeyShaped('sk-ballast-short')).toBe(false);
  expect(isApiKeyShaped('sk-openai-0123456789012345678901234567890123456789')).toBe(false);
  expect(isApiKeyShaped(`sk-ballast-${'a'.repeat(39)}!`)).toBe(false);
});
