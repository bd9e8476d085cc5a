/** FNV-1a's 32-bit start and multiplier: a text hashes as `hash = Math.imul(hash ^ code, FNV_PRIME)` per code unit from `FNV_OFFSET`. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The 32-bit FNV-1a hash of `text`'s code units: fast, pure, for hash tables of words and keys (not for security). */
export function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return hash;
}
