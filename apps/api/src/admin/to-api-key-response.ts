import type { ApiKeyRecord } from '#libs/store';

/** A key as the admin API shows it: never its secret, only `prefix` and `last4` to recognise it. */
export function toApiKeyResponse(key: ApiKeyRecord) {
  return {
    object: 'api_key' as const,
    id: key.id,
    tenant_id: key.tenantId,
    user_id: key.userId ?? null,
    name: key.name,
    role: key.role,
    prefix: key.prefix,
    last4: key.last4,
    budgets: { daily_usd: key.budgets.dailyUsd ?? null, monthly_usd: key.budgets.monthlyUsd ?? null },
    limits: { rpm: key.limits.rpm ?? null, tpm: key.limits.tpm ?? null },
    created_at: key.createdAt,
    revoked_at: key.revokedAt ?? null,
    rotated_from_id: key.rotatedFromId ?? null,
    /** Id of the first key of its rotation chain: usage `group_by=key` and spend count per lineage. */
    lineage_id: key.lineageId,
  };
}
