import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidCursorError, NotFoundError, type ApiKeyRecord, type CreatedApiKey } from '#libs/store';
import type { AccessCaller } from '../auth/access-caller.js';
import { insufficientRole } from '../auth/auth-problems.js';
import { roleAtLeast } from '../auth/role-rank.js';
import { targetTenant } from '../auth/target-tenant.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import type { CreateApiKeyBody, ListApiKeysQuery, RotateApiKeyBody } from './api-key.dto.js';
import { toApiKeyResponse } from './to-api-key-response.js';

/**
 * Managed API keys for admins (any tenant) and tenant-admins (their own). Another tenant's key
 * is reported as missing, and nobody creates, rotates or revokes a key of a stronger role than
 * their own (a tenant-admin rotating an admin key would obtain an admin secret).
 */
@Injectable()
export class AdminKeysService {
  constructor(private readonly rag: RagRuntimeRef) {}

  /** Creates a key; the response holds its plaintext, shown this once. */
  async create(body: CreateApiKeyBody, caller: AccessCaller) {
    const tenantId = targetTenant(caller, body.tenant_id);
    if (!roleAtLeast(caller.role, body.role)) throw insufficientRole(caller.role, body.role);
    const created = await this.rag.runtime.apiKeys.create({
      tenantId,
      userId: body.user_id,
      name: body.name,
      role: body.role,
      budgets: { ...(body.budgets?.daily_usd === undefined ? {} : { dailyUsd: body.budgets.daily_usd }), ...(body.budgets?.monthly_usd === undefined ? {} : { monthlyUsd: body.budgets.monthly_usd }) },
      limits: { ...(body.limits?.rpm === undefined ? {} : { rpm: body.limits.rpm }), ...(body.limits?.tpm === undefined ? {} : { tpm: body.limits.tpm }) },
    });
    return withSecret(created);
  }

  /** The tenant's keys, oldest first, cursor-paginated, without secrets. */
  async list(query: ListApiKeysQuery, caller: AccessCaller) {
    const tenantId = targetTenant(caller, query.tenant_id);
    try {
      const page = await this.rag.runtime.apiKeys.list(tenantId, {
        ...(query.limit === undefined ? {} : { limit: query.limit }),
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        includeRevoked: query.include_revoked === 'true',
      });
      return { object: 'list' as const, data: page.items.map(toApiKeyResponse), next_cursor: page.nextCursor ?? null };
    } catch (error) {
      if (InvalidCursorError.isInstance(error)) throw new ProblemError(problem('invalid-cursor', 400, 'Invalid Cursor', 'The cursor is not one this API returned; start again without it.'));
      throw error;
    }
  }

  /** One key, without its secret. */
  async get(id: string, caller: AccessCaller) {
    return toApiKeyResponse(await this.visibleKey(id, caller));
  }

  /** Revokes a key now: its next request gets 401 `revoked-api-key`. */
  async revoke(id: string, caller: AccessCaller) {
    const key = await this.actionableKey(id, caller);
    const revoked = await this.rag.runtime.apiKeys.revoke(key.tenantId, key.id);
    if (revoked === undefined) throw keyNotFound(id);
    return toApiKeyResponse(revoked);
  }

  /** A new secret with the same settings and lineage; the old one stops after the grace period. */
  async rotate(id: string, body: RotateApiKeyBody, caller: AccessCaller) {
    const key = await this.actionableKey(id, caller);
    try {
      const rotated = await this.rag.runtime.apiKeys.rotate(key.tenantId, key.id, { graceMs: (body.grace_seconds ?? 0) * 1000 });
      return withSecret(rotated);
    } catch (error) {
      if (NotFoundError.isInstance(error)) throw keyNotFound(id);
      if (ConflictError.isInstance(error)) {
        throw new ProblemError(problem('api-key-revoked', 409, 'API Key Revoked', `API key ${id} is revoked or was already rotated; rotate its newest replacement instead.`));
      }
      throw error;
    }
  }

  /** The key if the caller's tenant (any tenant, for admins) has it; otherwise 404. */
  private async visibleKey(id: string, caller: AccessCaller): Promise<ApiKeyRecord> {
    const tenantId = caller.role === 'admin' ? await this.rag.runtime.apiKeyTenants.tenantOf(id) : caller.tenantId;
    const key = tenantId === undefined ? undefined : await this.rag.runtime.apiKeys.get(tenantId, id);
    if (key === undefined) throw keyNotFound(id);
    return key;
  }

  /** A visible key the caller's role may change. */
  private async actionableKey(id: string, caller: AccessCaller): Promise<ApiKeyRecord> {
    const key = await this.visibleKey(id, caller);
    if (!roleAtLeast(caller.role, key.role)) throw insufficientRole(caller.role, key.role);
    return key;
  }
}

function withSecret(created: CreatedApiKey) {
  return { ...toApiKeyResponse(created.key), key: created.plaintext };
}

function keyNotFound(id: string): ProblemError {
  return new ProblemError(problem('api-key-not-found', 404, 'API Key Not Found', `No managed API key ${id} for this API key's tenant.`));
}
