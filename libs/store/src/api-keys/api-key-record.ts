import type { Selectable } from 'kysely';
import { nanosToUsd, toSafeInteger } from '../ledger/nano-usd.js';
import type { ApiKeysTable } from '../schema.js';
import type { ApiKeyRole } from './api-key-role.js';

/** Dollar budgets of one key; an absent budget does not apply. */
export interface ApiKeyBudgets {
  readonly dailyUsd?: number;
  readonly monthlyUsd?: number;
}

/** Rate limits of one key, per minute; an absent limit does not apply. */
export interface ApiKeyLimits {
  /** Requests per minute. */
  readonly rpm?: number;
  /** Tokens (input + output) per minute. */
  readonly tpm?: number;
}

/** An API key as listed and looked up: never its secret, nor the secret's hash. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly tenantId: string;
  /** The user the key acts for; absent for tenant-wide keys. */
  readonly userId?: string;
  readonly name: string;
  readonly role: ApiKeyRole;
  /** `sk-ballast-` and the next four characters, to recognise a key in listings. */
  readonly prefix: string;
  readonly last4: string;
  readonly budgets: ApiKeyBudgets;
  readonly limits: ApiKeyLimits;
  readonly createdAt: string;
  /** When the key stopped (or, during a rotation's grace period, will stop) working. */
  readonly revokedAt?: string;
  /** The key this one replaced by rotation. */
  readonly rotatedFromId?: string;
  /** Id of the first key of its rotation chain: key budgets and rate limits count per lineage, so rotating never resets them. */
  readonly lineageId: string;
}

/** Reads a stored row into a record. */
export function toApiKeyRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    ...(row.user_id === null ? {} : { userId: row.user_id }),
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    last4: row.last4,
    budgets: {
      ...(row.daily_budget_nanos === null ? {} : { dailyUsd: nanosToUsd(toSafeInteger(row.daily_budget_nanos)) }),
      ...(row.monthly_budget_nanos === null ? {} : { monthlyUsd: nanosToUsd(toSafeInteger(row.monthly_budget_nanos)) }),
    },
    limits: { ...(row.rpm === null ? {} : { rpm: row.rpm }), ...(row.tpm === null ? {} : { tpm: row.tpm }) },
    createdAt: row.created_at,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
    ...(row.rotated_from_id === null ? {} : { rotatedFromId: row.rotated_from_id }),
    lineageId: row.lineage_id,
  };
}
