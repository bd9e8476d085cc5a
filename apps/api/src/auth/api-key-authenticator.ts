import { Injectable } from '@nestjs/common';
import type { ApiKeyRecord } from '#libs/store';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import type { AccessCaller } from './access-caller.js';
import { ApiKeyStore } from './api-key-store.js';
import { invalidApiKey, revokedApiKey } from './auth-problems.js';

/**
 * Turns a presented key into a caller: config keys first (in memory), then managed keys (one
 * indexed lookup of the sha256). Managed lookups are never cached, so a revocation holds from
 * the very next request, on every replica.
 */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    private readonly configured: ApiKeyStore,
    private readonly rag: RagRuntimeRef,
  ) {}

  /** The caller of `presented`; throws the 401 problem for unknown and revoked keys. */
  async authenticate(presented: string): Promise<AccessCaller> {
    const configured = this.configured.authenticate(presented);
    if (configured) {
      return configured;
    }
    const lookup = await this.rag.runtime.apiKeys.findByPlaintext(presented);
    if (lookup.status === 'not-found') {
      throw invalidApiKey();
    }
    if (lookup.status === 'revoked') {
      throw revokedApiKey(lookup.key.revokedAt);
    }
    return managedCaller(lookup.key);
  }
}

/** A managed key's caller: spend and rate limits count per lineage, so `keyId` is the lineage id. */
export function managedCaller(key: ApiKeyRecord): AccessCaller {
  return {
    tenantId: key.tenantId,
    // Caller.userId is required; a tenant-wide key acts as the tenant's default user, as config keys without a user do.
    userId: key.userId ?? 'default',
    keyId: key.lineageId,
    apiKeyId: key.id,
    role: key.role,
    source: 'managed',
    keyBudgets: key.budgets,
    keyLimits: key.limits,
  };
}
