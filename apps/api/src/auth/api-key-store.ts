import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyRole } from '#libs/store';
import type { AccessCaller } from './access-caller.js';

/** A configured key as the store keeps it: only the SHA-256 of the secret. */
interface StoredKey {
  readonly hash: Buffer;
  readonly caller: AccessCaller;
}

/** One `auth.apiKeys` entry. */
export interface ConfiguredApiKey {
  readonly key: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly name?: string | undefined;
  /** Default `user`. */
  readonly role?: ApiKeyRole | undefined;
}

/** SHA-256 of a presented key, as bytes for a constant-time comparison. */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/**
 * The static keys of `auth.apiKeys`. Secrets are hashed at start and compared in constant
 * time, so the plain keys are not kept in memory tables or logs. Managed keys live in the store
 * (`ApiKeysRepository`); `ApiKeyAuthenticator` asks both.
 */
export class ApiKeyStore {
  private readonly keys = new Map<string, StoredKey>();

  constructor(keys: readonly ConfiguredApiKey[]) {
    for (const entry of keys) {
      const hash = hashApiKey(entry.key);
      const keyId = `key_${hash.subarray(0, 6).toString('hex')}`;
      this.keys.set(hash.toString('hex'), {
        hash,
        caller: { tenantId: entry.tenantId, userId: entry.userId, keyId, apiKeyId: keyId, role: entry.role ?? 'user', source: 'config', keyBudgets: {}, keyLimits: {} },
      });
    }
  }

  /** The caller a presented key belongs to, or undefined. */
  authenticate(presented: string): AccessCaller | undefined {
    const hash = hashApiKey(presented);
    const stored = this.keys.get(hash.toString('hex'));
    return stored && timingSafeEqual(stored.hash, hash) ? stored.caller : undefined;
  }
}
