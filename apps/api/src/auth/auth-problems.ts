import type { ApiKeyRole } from '#libs/store';
import { problem, ProblemError } from '../problems/problem-error.js';

/** 401: no key in `Authorization: Bearer` nor `x-api-key`. */
export function missingApiKey(): ProblemError {
  return new ProblemError(problem('missing-api-key', 401, 'Unauthorized', 'Send your API key as `Authorization: Bearer <key>` or `x-api-key: <key>`.'), {
    'www-authenticate': 'Bearer',
  });
}

/** 401: no configured or managed key has this secret. */
export function invalidApiKey(): ProblemError {
  return new ProblemError(problem('invalid-api-key', 401, 'Unauthorized', 'The API key is not valid. Check for typos or ask an admin for a key.'), {
    'www-authenticate': 'Bearer error="invalid_token"',
  });
}

/** 401: the key existed but was revoked (or rotated and its grace period is over). */
export function revokedApiKey(revokedAt: string | undefined): ProblemError {
  const when = revokedAt === undefined ? '' : ` at ${revokedAt}`;
  return new ProblemError(
    problem('revoked-api-key', 401, 'Unauthorized', `The API key was revoked${when} (or replaced by a rotation). Use its replacement or ask an admin for a new key.`),
    { 'www-authenticate': 'Bearer error="invalid_token"' },
  );
}

/** 403: a valid key whose role is below what the route needs. */
export function insufficientRole(role: ApiKeyRole, required: ApiKeyRole): ProblemError {
  const needed = required === 'admin' ? 'an admin key' : `a ${required} or admin key`;
  return new ProblemError(problem('insufficient-role', 403, 'Forbidden', `This endpoint needs ${needed}; this key's role is ${role}.`, { required_role: required, role }));
}

/** 404: a tenant-admin or user named another tenant; reported as missing, so tenants leak nothing. */
export function tenantNotFound(tenantId: string): ProblemError {
  return new ProblemError(problem('tenant-not-found', 404, 'Tenant Not Found', `No tenant '${tenantId}' is visible to this API key; it can act on its own tenant only.`));
}
