import { Injectable } from '@nestjs/common';
import type { AccessCaller } from '../auth/access-caller.js';
import { tenantNotFound } from '../auth/auth-problems.js';
import { targetTenant } from '../auth/target-tenant.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import { toUsageResponse } from './to-usage-response.js';
import type { UsageQueryInput } from './usage-query.dto.js';

/** `tenant_id` meaning every tenant together (admins only). */
export const ALL_TENANTS = '*';

/** Usage reports: a tenant's settled spend and tokens, grouped. */
@Injectable()
export class UsageService {
  constructor(private readonly rag: RagRuntimeRef) {}

  async report(query: UsageQueryInput, caller: AccessCaller) {
    if (query.tenantId === ALL_TENANTS && caller.role !== 'admin') throw tenantNotFound(ALL_TENANTS);
    const tenantId = query.tenantId === ALL_TENANTS ? ALL_TENANTS : targetTenant(caller, query.tenantId);
    const groups = await this.rag.runtime.usage.query({
      scope: tenantId === ALL_TENANTS ? 'all-tenants' : { tenantId },
      groupBy: query.groupBy,
      from: query.from,
      to: query.to,
    });
    return toUsageResponse(tenantId, query.groupBy, query.from, query.to, groups);
  }
}
