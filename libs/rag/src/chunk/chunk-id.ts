import { createHash } from 'node:crypto';

/** SHA-256 of a chunk's text, lower-case hex. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A chunk's id, derived only from what identifies it, so re-running an ingest step writes the
 * same ids and never duplicates vectors. It is the first 128 bits of SHA-256 over the four parts,
 * written in UUID form (8-4-4-4-12 hex) because Qdrant accepts only UUIDs or integers as point ids.
 */
export function chunkId(documentId: string, version: number, position: number, chunkContentHash: string): string {
  // NUL cannot occur in the parts, so ("a", 12) and ("a1", 2) cannot collide.
  const hex = createHash('sha256').update(`${documentId}\u0000${version}\u0000${position}\u0000${chunkContentHash}`, 'utf8').digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
