import type { TraceScope } from '#libs/store';
import type { AccessCaller } from '../auth/access-caller.js';
import { tenantNotFound } from '../auth/auth-problems.js';
import { targetTenant } from '../auth/target-tenant.js';
import { ALL_TENANTS } from '../usage/usage.service.js';

/**
 * The traces a caller may read: a tenant-admin its tenant's; an admin every tenant's unless it
 * names one (`*` names all).
 */
export function traceScopeFor(caller: AccessCaller, requestedTenant: string | undefined): TraceScope {
  if (requestedTenant === undefined && caller.role === 'admin') return 'all-tenants';
  if (requestedTenant === ALL_TENANTS) {
    if (caller.role !== 'admin') throw tenantNotFound(ALL_TENANTS);
    return 'all-tenants';
  }
  return { tenantId: targetTenant(caller, requestedTenant) };
}
