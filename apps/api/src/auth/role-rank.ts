import type { ApiKeyRole } from '#libs/store';

const RANKS: Record<ApiKeyRole, number> = { user: 0, 'tenant-admin': 1, admin: 2 };

/** True when `role` may do what `required` may: admin ⊇ tenant-admin ⊇ user. */
export function roleAtLeast(role: ApiKeyRole, required: ApiKeyRole): boolean {
  return RANKS[role] >= RANKS[required];
}
