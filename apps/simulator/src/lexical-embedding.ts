import { createSeededRandom } from './seeded-random.js';

/** Dimensions returned when the request does not ask for a number. */
export const DEFAULT_EMBEDDING_DIMENSIONS = 256;

/** FNV-1a, 32 bit: a fast, stable string hash. */
function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A deterministic unit vector for a text by feature hashing: each word adds ±1 to a dimension
 * chosen by its hash. The same text always maps to the same vector, and texts sharing words
 * have a high cosine, so semantic-cache and retrieval tests behave plausibly. Texts without
 * words get a pseudo-random unit vector seeded by the hash of the whole text.
 */
export function embedText(text: string, dimensions = DEFAULT_EMBEDDING_DIMENSIONS): number[] {
  const vector: number[] = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    const hash = hashString(word);
    const dimension = hash % dimensions;
    // A second, independent hash picks the sign so collisions cancel out rather than pile up.
    vector[dimension] = (vector[dimension] ?? 0) + (hashString(word, 0x9e3779b9) & 1 ? 1 : -1);
  }
  if (!vector.some((value) => value !== 0)) {
    const random = createSeededRandom(hashString(text));
    for (let index = 0; index < dimensions; index += 1) vector[index] = random() - 0.5;
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return vector.map((value) => value / norm);
}

/** The vector as OpenAI's `encoding_format: 'base64'`: little-endian float32 bytes, base64 encoded. */
export function encodeEmbeddingBase64(vector: readonly number[]): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => buffer.writeFloatLE(value, index * 4));
  return buffer.toString('base64');
}
