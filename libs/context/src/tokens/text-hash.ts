/**
 * A 64-bit FNV-1a hash of the text's UTF-16 code units as 16 hex digits, plus its length.
 * Used as a cache key so the cache does not hold whole documents; a collision would need two
 * texts of the same length with the same 64-bit hash. Not for security: pure and fast
 * (no node:crypto), so it runs anywhere, workflows included.
 */
export function textHash(text: string): string {
  // Two 32-bit FNV-1a lanes with different offset bases approximate a 64-bit hash without BigInt.
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ (code + index), 0x01000193);
  }
  return `${(low >>> 0).toString(16).padStart(8, '0')}${(high >>> 0).toString(16).padStart(8, '0')}:${text.length}`;
}
