import type { AccessCaller } from './access-caller.js';
import { tenantNotFound } from './auth-problems.js';

/**
 * The tenant a request acts on: the caller's own unless it names one. Admins may name any
 * tenant; anyone else naming another tenant gets 404, as if it did not exist.
 */
export function targetTenant(caller: AccessCaller, requested: string | undefined): string {
  if (requested === undefined || requested === caller.tenantId) {
    return caller.tenantId;
  }
  if (caller.role === 'admin') {
    return requested;
  }
  throw tenantNotFound(requested);
}
