import { createHash, randomBytes } from 'node:crypto';

/** Every Ballast API key starts with this. */
export const API_KEY_PREFIX = 'sk-ballast-';
/** Random base62 characters after the prefix: 40 × log2(62) ≈ 238 bits. */
export const API_KEY_SECRET_LENGTH = 40;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Bytes at or above 248 (= 4 × 62) are drawn again, so every character is equally likely. */
const UNBIASED_BYTE_LIMIT = 248;
const KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{32,128}$`);
/** Characters after the prefix shown in listings: enough to tell keys apart, useless to an attacker. */
const VISIBLE_CHARACTERS = 4;

/** A new plaintext key, `sk-ballast-` + 40 random base62 characters. */
export function generateApiKeySecret(): string {
  let secret = '';
  while (secret.length < API_KEY_SECRET_LENGTH) {
    for (const byte of randomBytes(API_KEY_SECRET_LENGTH)) {
      if (byte < UNBIASED_BYTE_LIMIT && secret.length < API_KEY_SECRET_LENGTH) {
        secret += BASE62[byte % 62];
      }
    }
  }
  return `${API_KEY_PREFIX}${secret}`;
}

/**
 * Hex sha256 of the plaintext: what is stored and looked up. A plain hash (no salt, no slow
 * KDF) is enough because the secret is 238 random bits, not a password, and it keeps the
 * lookup of every request to one indexed equality.
 */
export function hashApiKey(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

/** True when `plaintext` has the shape of a Ballast key (checked before hashing and querying). */
export function isApiKeyShaped(plaintext: string): boolean {
  return KEY_PATTERN.test(plaintext);
}

/** The parts of a key safe to show after creation: `sk-ballast-AbCd` and the last four characters. */
export function visibleKeyParts(plaintext: string): { readonly prefix: string; readonly last4: string } {
  return { prefix: plaintext.slice(0, API_KEY_PREFIX.length + VISIBLE_CHARACTERS), last4: plaintext.slice(-4) };
}
