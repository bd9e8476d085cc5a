import { createHash } from 'node:crypto';

/** Namespace of Ballast chunk ids (a fixed random UUID), so our ids never collide with other UUIDv5 users. */
const BALLAST_CHUNK_NAMESPACE = Buffer.from('6f1c2a4e9b3d4f8aa7e25c0d1b9e8f30', 'hex');

/**
 * The Qdrant point id of a record: an RFC 4122 version-5 UUID (SHA-1 of namespace + name) of
 * `tenantId` and the chunk id. Qdrant ids must be UUIDs or integers; deriving them
 * deterministically keeps upserts idempotent, and including the tenant keeps two tenants' equal
 * chunk ids apart. The original chunk id travels in the payload.
 */
export function qdrantPointId(tenantId: string, chunkId: string): string {
  const digest = createHash('sha1').update(BALLAST_CHUNK_NAMESPACE).update(`${tenantId}\u0000${chunkId}`, 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
