import type { CapScope } from './cap-scope.js';

/** Dollar caps from configuration and from the key; an absent cap does not apply. */
export interface BudgetCaps {
  readonly globalDailyUsd?: number;
  readonly tenantDailyUsd?: number;
  readonly tenantMonthlyUsd?: number;
  readonly userDailyUsd?: number;
  readonly userMonthlyUsd?: number;
  readonly keyDailyUsd?: number;
  readonly keyMonthlyUsd?: number;
  /** Soft limit for every cap, e.g. 0.8; absent: no soft-limit reports. */
  readonly softLimitRatio?: number;
}

/** Who a request is charged to. */
export interface SpendSubject {
  readonly tenantId: string;
  readonly userId?: string;
  /** The key's lineage id (`ApiKeyRecord.lineageId`), so a rotated key keeps its spend. */
  readonly keyId?: string;
}

/** Subject of the global caps. */
export const GLOBAL_SUBJECT = '*';

/**
 * The caps a request of `subject` is reserved against. User subjects are `tenant/user`, so two
 * tenants' users of the same name never share a budget. User and key caps apply only when the
 * request has a user or a key.
 */
export function capScopesFor(subject: SpendSubject, caps: BudgetCaps): CapScope[] {
  const soft = caps.softLimitRatio === undefined ? {} : { softLimitRatio: caps.softLimitRatio };
  const scopes: CapScope[] = [];
  const add = (scope: CapScope['scope'], who: string | undefined, limitUsd: number | undefined) => {
    if (who !== undefined && limitUsd !== undefined) {
      scopes.push({ scope, subject: who, limitUsd, ...soft });
    }
  };
  const user = subject.userId === undefined ? undefined : `${subject.tenantId}/${subject.userId}`;
  add('global-day', GLOBAL_SUBJECT, caps.globalDailyUsd);
  add('tenant-day', subject.tenantId, caps.tenantDailyUsd);
  add('tenant-month', subject.tenantId, caps.tenantMonthlyUsd);
  add('user-day', user, caps.userDailyUsd);
  add('user-month', user, caps.userMonthlyUsd);
  add('key-day', subject.keyId, caps.keyDailyUsd);
  add('key-month', subject.keyId, caps.keyMonthlyUsd);
  return scopes;
}
