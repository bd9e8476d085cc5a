/**
 * What a key may do: `admin` manages every tenant and its keys, `tenant-admin` manages its own
 * tenant's keys and reads its usage, `user` makes model requests.
 */
export type ApiKeyRole = 'admin' | 'tenant-admin' | 'user';

/** Every role, for validation. */
export const API_KEY_ROLES: readonly ApiKeyRole[] = ['admin', 'tenant-admin', 'user'];
