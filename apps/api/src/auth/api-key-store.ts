import { createHash, timingSafeEqual } from 'node:crypto';
import type { Caller } from '#libs/contracts';

/** A configured key as the store keeps it: only the SHA-256 of the secret. */
interface StoredKey {
  readonly hash: Buffer;
  readonly caller: Caller;
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/**
 * Static API keys (until the access issue adds managed keys). Secrets are hashed at start and
 * compared in constant time, so the plain keys are not kept in memory tables or logs.
 */
export class ApiKeyStore {
  private readonly keys = new Map<string, StoredKey>();

  constructor(keys: ReadonlyArray<{ key: string; tenantId: string; userId: string; name?: string | undefined }>) {
    for (const entry of keys) {
      const hash = hashApiKey(entry.key);
      const keyId = `key_${hash.subarray(0, 6).toString('hex')}`;
      this.keys.set(hash.toString('hex'), { hash, caller: { tenantId: entry.tenantId, userId: entry.userId, keyId } });
    }
  }

  /** The caller a presented key belongs to, or undefined. */
  authenticate(presented: string): Caller | undefined {
    const hash = hashApiKey(presented);
    const stored = this.keys.get(hash.toString('hex'));
    return stored && timingSafeEqual(stored.hash, hash) ? stored.caller : undefined;
  }
}
